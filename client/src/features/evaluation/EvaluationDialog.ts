// "Monitoring & Evaluasi" of a map's SOP in force (docs/evaluation.md): the forms filled so far with their printouts,
// the blank forms to print, and the way to fill a new one. Reached from the map page's header.
import type { Evaluation, EvaluationTemplate, Monitoring, MonitoringTemplate } from '../../api/types';
import type { AppContext } from '../../context';
import { openDialog } from '../../ui/dialog';
import { h, replaceChildren, type Child } from '../../ui/dom';
import { errorView } from '../../ui/errors';
import { loadingView } from '../../ui/states';
import { formatTanggal } from '../../../../server/sop/render/identity-part';
import { openEvaluationForm, openMonitoringForm } from './evaluationForms';
import './evaluation.css';

/** Everyone working on SOPs fills the forms; readers (pembaca) only read them. */
const FILL_ROLES = ['admin', 'penyusun', 'reviewer', 'pengesah'];

export const NOT_IN_FORCE_TEXT = 'SOP ini belum disahkan; monitoring dan evaluasi diisi untuk SOP yang berlaku.';

/** The header button that opens the dialog. */
export function evaluationButton(context: AppContext, mapId: string): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'button button-ghost', 'data-testid': 'evaluation-toggle', onClick: () => openEvaluationDialog(context, mapId) },
    'Monitoring & Evaluasi',
  );
}

interface Loaded {
  monitorings: Monitoring[];
  evaluations: Evaluation[];
  monitoringTemplate: MonitoringTemplate | null;
  evaluationTemplate: EvaluationTemplate | null;
}

export function openEvaluationDialog(context: AppContext, mapId: string): void {
  const { api, session } = context;
  const canFill = session.user.roles.some((role) => FILL_ROLES.includes(role));
  const body = h('div', { class: 'evaluation-overview', 'data-testid': 'evaluation-dialog' }, loadingView('Memuat monitoring dan evaluasi…'));
  const handle = openDialog({ title: 'Monitoring & Evaluasi SOP', className: 'dialog-evaluation', body, actions: [{ label: 'Tutup', variant: 'primary', onClick: () => handle.close() }] });

  const load = async (): Promise<void> => {
    body.setAttribute('aria-busy', 'true');
    try {
      const [monitoring, evaluation] = await Promise.all([api.listMonitorings(mapId), api.listEvaluations(mapId)]);
      render({ monitorings: monitoring.items, evaluations: evaluation.items, monitoringTemplate: monitoring.template, evaluationTemplate: evaluation.template });
    } catch (error) {
      replaceChildren(body, errorView(error, 'Monitoring dan evaluasi tidak dapat dimuat'));
    } finally {
      body.removeAttribute('aria-busy');
    }
  };

  const fill = async (form: () => Promise<boolean>): Promise<void> => {
    if (await form()) await load();
  };

  const render = (data: Loaded): void => {
    const sop = data.monitoringTemplate ?? data.evaluationTemplate;
    const printLinks = (kind: 'monitoring' | 'evaluasi', id: string, label: string): Child[] => [
      h('a', { class: 'button button-ghost button-small', href: api.evaluationFormUrl(mapId, kind, 'html', id), target: '_blank', rel: 'noopener', 'aria-label': `Lihat ${label}` }, 'Lihat'),
      h('a', { class: 'button button-secondary button-small', href: api.evaluationFormUrl(mapId, kind, 'pdf', id), download: '', 'data-testid': 'form-pdf', 'aria-label': `Cetak PDF ${label}` }, 'Cetak PDF'),
    ];
    const monitoringItems = data.monitorings.map((m) => {
      const failing = m.rows.filter((row) => !row.berjalanBaik).length;
      const label = `monitoring ${formatTanggal(m.tanggal)}`;
      return h(
        'li',
        { 'data-testid': 'monitoring-item' },
        h(
          'span',
          { class: 'evaluation-item-text' },
          h('strong', {}, formatTanggal(m.tanggal)),
          ` — penilai ${m.penilai}`,
          h(
            'span',
            { class: 'evaluation-item-summary' },
            failing > 0
              ? h('span', { class: 'evaluation-finding' }, `${failing} dari ${m.rows.length} prosedur tidak berjalan dengan baik`)
              : h('span', { class: 'evaluation-ok' }, `Semua ${m.rows.length} prosedur berjalan dengan baik`),
            ` · SOP ${m.code}`,
          ),
        ),
        printLinks('monitoring', m.id, label),
      );
    });
    const evaluationItems = data.evaluations.map((e) => {
      const noes = e.answers.filter((a) => !a.ya).length;
      const label = `evaluasi ${formatTanggal(e.tanggal)}`;
      return h(
        'li',
        { 'data-testid': 'evaluation-item' },
        h(
          'span',
          { class: 'evaluation-item-text' },
          h('strong', {}, formatTanggal(e.tanggal)),
          ` — penilai ${e.penilai}`,
          h(
            'span',
            { class: 'evaluation-item-summary' },
            noes > 0 ? h('span', { class: 'evaluation-finding' }, `${noes} jawaban “Tidak”`) : h('span', { class: 'evaluation-ok' }, 'Semua dijawab “Ya”'),
            ` · SOP ${e.code}`,
          ),
        ),
        printLinks('evaluasi', e.id, label),
      );
    });
    const section = (title: string, kind: 'monitoring' | 'evaluasi', fillButton: HTMLElement | null, items: HTMLElement[], empty: string) =>
      h(
        'section',
        { class: 'evaluation-section', 'aria-label': title },
        h(
          'div',
          { class: 'evaluation-section-head' },
          h('h3', {}, title),
          sop &&
            h(
              'div',
              { class: 'evaluation-section-actions' },
              h('a', { class: 'button button-ghost button-small', href: api.evaluationFormUrl(mapId, kind, 'pdf'), download: '', 'data-testid': `${kind}-blank-pdf` }, 'Cetak formulir kosong'),
              fillButton,
            ),
        ),
        items.length > 0 ? h('ul', { class: 'evaluation-list' }, items) : h('p', { class: 'evaluation-empty' }, empty),
      );
    const fillMonitoring =
      canFill && data.monitoringTemplate
        ? h('button', { type: 'button', class: 'button button-primary button-small', 'data-testid': 'monitoring-fill', onClick: () => void fill(() => openMonitoringForm(api, mapId, data.monitoringTemplate!, session.user.name)) }, 'Isi monitoring')
        : null;
    const fillEvaluation =
      canFill && data.evaluationTemplate
        ? h('button', { type: 'button', class: 'button button-primary button-small', 'data-testid': 'evaluation-fill', onClick: () => void fill(() => openEvaluationForm(api, mapId, data.evaluationTemplate!, session.user.name)) }, 'Isi evaluasi')
        : null;
    replaceChildren(
      body,
      sop
        ? h(
            'p',
            { class: 'evaluation-sop', 'data-testid': 'evaluation-sop' },
            'SOP yang berlaku: ',
            h('strong', {}, sop.title),
            sop.nomor ? `, nomor ${sop.nomor}` : '',
            `, berlaku sejak ${formatTanggal(sop.tanggalEfektif)} (kode ${sop.code}).`,
            canFill ? '' : ' Peran Anda hanya dapat melihat dan mencetak formulir.',
          )
        : h('div', { class: 'notice notice-info', role: 'status', 'data-testid': 'evaluation-not-in-force' }, NOT_IN_FORCE_TEXT),
      section('Monitoring pelaksanaan (setiap 6 bulan)', 'monitoring', fillMonitoring, monitoringItems, 'Belum ada monitoring.'),
      section('Evaluasi penerapan (paling sedikit setahun sekali)', 'evaluasi', fillEvaluation, evaluationItems, 'Belum ada evaluasi.'),
    );
  };

  void load();
}
