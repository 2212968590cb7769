// A header button that opens a short menu of actions (the file actions of a map, where the toolbar has no room for
// each): Enter or click opens it, arrow keys move, Esc or a click outside closes it and focus returns to the button.
import { h, uniqueId } from './dom';

export interface MenuItem {
  label: string;
  testId?: string;
  onSelect(): void;
}

export function menuButton(label: string, items: MenuItem[], options: { testId?: string } = {}): HTMLElement {
  const popupId = uniqueId('menu');
  const button = h(
    'button',
    { type: 'button', class: 'button button-ghost menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': popupId, 'data-testid': options.testId },
    label,
    h('span', { class: 'chevron', 'aria-hidden': 'true' }),
  );
  const entries = items.map((item) =>
    h('button', { type: 'button', role: 'menuitem', class: 'menu-item', tabindex: '-1', 'data-testid': item.testId, onClick: () => { behaviour.close(); item.onSelect(); } }, item.label),
  );
  const popup = h('div', { class: 'header-menu-popup', id: popupId, role: 'menu', 'aria-label': label, hidden: true }, entries);
  const wrapper = h('div', { class: 'header-menu' }, button, popup);

  const behaviour = popupBehaviour(wrapper, button, popup, () => entries[0]?.focus());
  const { open } = behaviour;
  wrapper.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    if (popup.hidden) return open();
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const next = (at + (event.key === 'ArrowDown' ? 1 : entries.length - 1)) % entries.length;
    entries[next]?.focus();
  });
  return wrapper;
}

/**
 * What a button with a popup does (this menu, the user menu): the button toggles it; Esc closes it and gives focus
 * back to the button; a click or focus outside closes it. `opened` runs each time it opens.
 */
export function popupBehaviour(wrapper: HTMLElement, button: HTMLButtonElement, popup: HTMLElement, opened: () => void = () => undefined) {
  const onPointerDown = (event: Event): void => {
    if (!(event.target instanceof Node && wrapper.contains(event.target))) close();
  };
  function open(): void {
    popup.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    document.addEventListener('pointerdown', onPointerDown);
    opened();
  }
  function close(): void {
    if (popup.hidden) return;
    popup.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', onPointerDown);
  }
  button.addEventListener('click', () => (popup.hidden ? open() : close()));
  wrapper.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popup.hidden) {
      event.stopPropagation();
      close();
      button.focus();
    }
  });
  wrapper.addEventListener('focusout', (event) => {
    if (!(event.relatedTarget instanceof Node && wrapper.contains(event.relatedTarget))) close();
  });
  return { open, close };
}
