// The pemda in the header (docs/storage.md, Many pemda): its name for everyone; for a province role (pembina) a small
// labelled select "Pemda:" with a "Buka" button switching between its own provinsi and the kabupaten/kota it reads. Choosing one asks the
// server (POST /api/session/pemda), then reloads the app on its list so that every page reads the chosen pemda's data.
import type { AppContext } from '../../context';
import { href } from '../../router';
import { errorDialog } from '../../ui/dialog';
import { h, uniqueId } from '../../ui/dom';

/** server/store/pemda.ts: DEFAULT_PEMDA and DEFAULT_PEMDA_NAME. */
const UNNAMED_PEMDA = { id: 'default', name: 'Pemda' } as const;

export function pemdaSelector(context: AppContext): HTMLElement | null {
  const { session } = context;
  const acting = session.actingPemda;
  if (!acting) return null;
  const choices = session.readablePemda;
  if (choices.length < 2) {
    // The one pemda of the embedded store (and a database's first) has no name of its own yet, only the placeholder
    // the server gives it: the header says nothing rather than "Pemda".
    if (acting.id === UNNAMED_PEMDA.id && acting.name === UNNAMED_PEMDA.name) return null;
    return h('span', { class: 'pemda-name', 'data-testid': 'pemda-name', title: `Pemda: ${acting.name}` }, acting.name);
  }
  const id = uniqueId('pemda-select');
  const select = h(
    'select',
    { id, class: 'pemda-select', 'data-testid': 'pemda-select' },
    choices.map((p) => h('option', { value: p.id, selected: p.id === acting.id }, p.name)),
  );
  // Chosen with a button, not on `change`: with the keyboard each arrow press on a closed select is a change, and each
  // would reload the app on another pemda before the one wanted is reached.
  const open = h('button', { type: 'submit', class: 'button button-secondary button-small', 'data-testid': 'pemda-open', disabled: true }, 'Buka');
  select.addEventListener('change', () => {
    open.disabled = select.value === acting.id;
  });
  const form = h('form', { class: 'pemda-choice', 'aria-label': 'Pilih pemda yang dibaca' }, h('label', { for: id }, 'Pemda:'), select, open);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = select.value;
    if (chosen === acting.id) return;
    // Unsaved work in the modeller can still be saved before the app reads another pemda.
    if (!(await context.router.confirmLeave())) {
      select.value = acting.id;
      open.disabled = true;
      return;
    }
    select.disabled = open.disabled = true;
    try {
      await session.choosePemda(chosen);
    } catch (error) {
      select.disabled = false;
      select.value = acting.id;
      errorDialog('Pemda tidak dapat dipilih', error);
      return;
    }
    location.hash = href.list();
    location.reload();
  });
  return form;
}
