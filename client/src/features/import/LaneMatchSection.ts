// "Jalur dan jabatan" in the import dialog: each lane of the file with what the kamus jabatan reads in its name, and
// a choice per lane (a suggestion, or "bukan jabatan pemda"). The answers go with the import as `lanes=` (issue 14
// item 4). A slot H3 extends: the choices come from the preview's `lanes`.
import type { LaneAnswer, LaneMatch } from '../../api/types';
import { h, replaceChildren, uniqueId } from '../../ui/dom';
import { answerOf } from '../sk-properties/lanePerformer';
import { JABATAN, ROLES } from '../sk-properties/vocabulary';

const LEAVE = '';
const EXTERNAL = 'external';

/** One option's value: a suggestion's index, or one of the fixed choices. */
function suggestionValue(index: number): string {
  return `s${index}`;
}

export class LaneMatchSection {
  readonly element = h('section', { class: 'import-lanes', 'data-testid': 'import-lanes', hidden: true, 'aria-label': 'Jalur dan jabatan' });
  private rows: Array<{ lane: LaneMatch; select: HTMLSelectElement }> = [];

  show(lanes: readonly LaneMatch[]): void {
    this.rows = lanes.map((lane) => ({ lane, select: this.select(lane) }));
    this.element.hidden = lanes.length === 0;
    const unknown = lanes.filter((lane) => !lane.known).length;
    replaceChildren(
      this.element,
      h('h3', { class: 'import-section-title' }, 'Jalur dan jabatan'),
      h(
        'p',
        { class: 'field-hint' },
        unknown > 0
          ? `${unknown} dari ${lanes.length} jalur belum dikenali kamus jabatan. Pilih jabatan atau peran yang dimaksud; jawaban disimpan pada peta dan dipelajari kamus.`
          : 'Semua jalur dikenali kamus jabatan.',
      ),
      h(
        'ul',
        { class: 'import-lane-list' },
        this.rows.map(({ lane, select }) =>
          h(
            'li',
            { class: 'import-lane', 'data-testid': 'import-lane', 'data-lane': lane.laneId },
            h('label', { for: select.id, class: 'import-lane-name' }, lane.name || lane.laneId),
            h('span', { class: 'import-lane-reading' }, lane.known ? `Dikenali: ${lane.reading ?? 'jabatan pada kamus'}` : lane.reading ? `Terbaca: ${lane.reading}` : 'Belum dikenali'),
            select,
          ),
        ),
      ),
    );
  }

  /** The answers given, by lane id; lanes left as they are have none. */
  answers(): Record<string, LaneAnswer> {
    const answers: Record<string, LaneAnswer> = {};
    for (const { lane, select } of this.rows) {
      if (select.value === LEAVE) continue;
      if (select.value === EXTERNAL) {
        answers[lane.laneId] = { external: true };
        continue;
      }
      // A jabatan or role picked from the full lists (lanePerformer.ts values: jabatan:X, role:X).
      const picked = answerOf(select.value);
      if (picked) {
        answers[lane.laneId] = picked as LaneAnswer;
        continue;
      }
      const suggestion = lane.suggestions[Number(select.value.slice(1))];
      if (!suggestion) continue;
      const answer: LaneAnswer = {};
      if (suggestion.jabatan) answer.jabatan = suggestion.jabatan;
      if (suggestion.role) answer.role = suggestion.role;
      answers[lane.laneId] = answer;
    }
    return answers;
  }

  private select(lane: LaneMatch): HTMLSelectElement {
    return h(
      'select',
      { id: uniqueId('lane'), class: 'import-lane-select', 'data-testid': 'import-lane-select' },
      h('option', { value: LEAVE }, lane.known ? '— Sesuai bacaan kamus —' : 'Nanti saja'),
      lane.suggestions.length > 0 ? h('optgroup', { label: 'Saran' }, lane.suggestions.map((suggestion, index) => h('option', { value: suggestionValue(index) }, suggestion.label))) : null,
      h('option', { value: EXTERNAL }, 'Bukan jabatan pemda (pihak luar)'),
      // Every jabatan and role, for a lane the kamus has no suggestion for (issue 14 item 4).
      h('optgroup', { label: 'Jabatan' }, JABATAN.map((o) => h('option', { value: `jabatan:${o.value}` }, o.label))),
      h('optgroup', { label: 'Peran' }, ROLES.map((o) => h('option', { value: `role:${o.value}` }, o.label))),
    );
  }
}
