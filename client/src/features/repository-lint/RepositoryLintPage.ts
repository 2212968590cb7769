// "Pemeriksaan repositori": the repository-wide checks (RULES.md §F) — findings grouped by map, with links to the
// maps, each rule id leading to a short explanation, counts, and "Periksa ulang".
import type { RepositoryFinding, RepositoryLintResult } from '../../api/types';
import type { AppContext } from '../../context';
import { dataTable, ListingPage } from '../../pages/shared/ListingPage';
import { href } from '../../router';
import { h } from '../../ui/dom';

/** What each rule checks, as docs/rules/map/<rule>.md explains it at length. */
export const RULE_HELP: Record<RepositoryFinding['rule'], { title: string; text: string }> = {
  'map/call-resolves': {
    title: 'Pemanggilan peta terselesaikan',
    text:
      'Setiap aktivitas pemanggil (call activity) atau subproses tertutup menunjuk peta yang ada di repositori: lewat ' +
      'sk:calledMap (id peta), calledElement (id atau kode peta), atau nama yang sama dengan salah satu anak peta. ' +
      'Perbaiki tujuan panggilan di modeler, atau buat peta yang dimaksud.',
  },
  'map/relasi-consistent': {
    title: 'Peta relasi sesuai serah terima',
    text:
      'Setiap serah terima antarunit di peta lintas fungsi (dan alur mekanisme kerja) di bawah suatu proses tergambar di ' +
      'peta relasi proses itu, dan setiap relasi yang digambar diwujudkan oleh suatu serah terima. Proses tanpa peta ' +
      'relasi tidak diperiksa. Buat ulang peta relasi dari peta lintas fungsinya atau lengkapi serah terimanya.',
  },
  'map/level-order': {
    title: 'Level peta berurutan',
    text: 'Level anak peta sama dengan level induknya ditambah satu, dan induknya ada di repositori. Pindahkan peta ke induk yang tepat.',
  },
};

const SEVERITY_LABEL: Record<RepositoryFinding['severity'], string> = { error: 'Galat', warning: 'Peringatan', info: 'Info' };
const ruleAnchor = (rule: string) => `aturan-${rule.replace('/', '-')}`;

export class RepositoryLintPage extends ListingPage<RepositoryFinding> {
  constructor(context: AppContext) {
    let last: RepositoryLintResult | undefined;
    super(context, {
      pageClass: 'page-repository-lint',
      title: 'Pemeriksaan repositori',
      lead: 'Pemeriksaan antarpeta: pemanggilan peta, kesesuaian peta relasi dengan serah terima antarunit, dan urutan level peta.',
      reloadLabel: 'Periksa ulang',
      loadingText: 'Memeriksa seluruh repositori…',
      errorTitle: 'Pemeriksaan repositori tidak dapat dijalankan',
      load: async () => {
        last = await context.api.repositoryLint();
        return last.findings;
      },
      countText: (findings) => countText(findings, last),
      table: (findings) => h('div', {}, table(findings), ruleHelp()),
      empty: () =>
        h(
          'div',
          { class: 'state state-empty', 'data-testid': 'repository-lint-empty' },
          h('h2', {}, 'Tidak ada temuan antarpeta'),
          h(
            'p',
            {},
            `${last?.maps ?? 0} peta diperiksa: setiap pemanggilan peta terselesaikan, peta relasi sesuai dengan serah terima ` +
              'antarunit, dan level peta berurutan.',
          ),
          ruleHelp(),
        ),
    });
  }
}

function countText(findings: RepositoryFinding[], result: RepositoryLintResult | undefined): string {
  const maps = new Set(findings.map((f) => f.mapId)).size;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const checked = result ? ` · ${result.maps} peta diperiksa dalam ${(result.durationMs / 1000).toLocaleString('id-ID', { maximumFractionDigits: 1 })} detik` : '';
  return `${findings.length} temuan pada ${maps} peta: ${errors} galat, ${warnings} peringatan${checked}`;
}

function ruleLink(rule: RepositoryFinding['rule']): HTMLElement {
  return h(
    'a',
    {
      class: 'rule-link cell-code',
      href: href.repositoryLint(),
      title: RULE_HELP[rule].title,
      'data-testid': 'rule-link',
      onClick: (event: Event) => {
        event.preventDefault();
        const target = document.getElementById(ruleAnchor(rule));
        target?.scrollIntoView({ block: 'center' });
        target?.focus();
      },
    },
    rule,
  );
}

function table(findings: RepositoryFinding[]): HTMLElement {
  const rows: HTMLElement[] = [];
  let mapId = '';
  for (const f of findings) {
    if (f.mapId !== mapId) {
      mapId = f.mapId;
      rows.push(
        h(
          'tr',
          { class: 'group-row', 'data-testid': 'repository-lint-map', 'data-map-id': f.mapId },
          h('th', { scope: 'rowgroup', colspan: 4 }, h('a', { href: href.map(f.mapId) }, `${f.mapCode} ${f.mapName}`), f.unit ? h('span', { class: 'muted' }, ` — ${f.unit}`) : null),
        ),
      );
    }
    rows.push(
      h(
        'tr',
        { 'data-testid': 'repository-lint-finding', 'data-rule': f.rule },
        h('td', {}, h('span', { class: f.severity === 'error' ? 'event event-warning' : 'event' }, SEVERITY_LABEL[f.severity])),
        h('td', {}, ruleLink(f.rule)),
        h('td', { class: 'cell-code' }, f.element ?? h('span', { class: 'muted' }, '—')),
        h('td', {}, f.message),
      ),
    );
  }
  return dataTable('repository-lint-table', 'Temuan pemeriksaan antarpeta, dikelompokkan per peta', ['Tingkat', 'Aturan', 'Elemen', 'Temuan'], rows);
}

function ruleHelp(): HTMLElement {
  return h(
    'section',
    { class: 'rule-help', 'aria-labelledby': 'rule-help-title' },
    h('h2', { id: 'rule-help-title' }, 'Aturan antarpeta'),
    h(
      'dl',
      {},
      Object.entries(RULE_HELP).map(([rule, help]) => [
        h('dt', { id: ruleAnchor(rule), tabindex: -1 }, h('code', {}, rule), ` — ${help.title}`),
        h('dd', {}, help.text),
      ]),
    ),
  );
}
