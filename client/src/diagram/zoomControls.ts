// Zoom buttons over the canvas (bottom right) and their shortcuts: Ctrl/⌘ + plus, minus and 0. The shortcuts work
// wherever the focus is on the page, except while typing in a field or with a dialog open; on the canvas they go
// through bpmn-js's keyboard binding, above its own (whose Ctrl+0 means 100 %, here it fits the diagram).
import type BaseViewer from 'bpmn-js/lib/BaseViewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type EventBus from 'diagram-js/lib/core/EventBus';
import type Keyboard from 'diagram-js/lib/features/keyboard/Keyboard';
import type ZoomScroll from 'diagram-js/lib/navigation/zoomscroll/ZoomScroll';
import { h } from '../ui/dom';
import { fitDiagram } from './viewport';

type ZoomAction = 'in' | 'out' | 'fit' | 'reset';

/** Above bpmn-js's keyboard bindings (priority 1000), so Ctrl+0 fits instead of resetting. */
const KEYBOARD_PRIORITY = 1500;

const MODIFIER = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** The action a key press asks for, if any. */
function actionOf(event: KeyboardEvent): ZoomAction | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === '+' || event.key === '=') return 'in';
  if (event.key === '-' || event.key === '_') return 'out';
  if (event.key === '0' || event.code === 'Digit0' || event.code === 'Numpad0') return 'fit';
  return null;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

export function zoom(viewer: BaseViewer, action: ZoomAction): void {
  const canvas = viewer.get<Canvas>('canvas');
  if (action === 'fit') fitDiagram(viewer);
  else if (action === 'reset') canvas.zoom(1);
  else viewer.get<ZoomScroll>('zoomScroll').stepZoom(action === 'in' ? 1 : -1);
}

/** Adds the zoom buttons to the diagram's container and binds the shortcuts; both go with the diagram. */
export function addZoomControls(viewer: BaseViewer): HTMLElement {
  const container = viewer.get<Canvas>('canvas').getContainer();
  const button = (action: ZoomAction, label: string, title: string, text: string) =>
    h('button', { type: 'button', class: 'zoom-button', 'aria-label': label, title, 'data-testid': `zoom-${action}`, onClick: () => zoom(viewer, action) }, text);
  const controls = h(
    'div',
    { class: 'zoom-controls', role: 'toolbar', 'aria-label': 'Perbesaran diagram', 'data-testid': 'zoom-controls' },
    button('out', 'Perkecil', `Perkecil (${MODIFIER} + −)`, '−'),
    button('in', 'Perbesar', `Perbesar (${MODIFIER} + +)`, '+'),
    button('reset', 'Ukuran asli 100 %', 'Ukuran asli, 100 %', '100 %'),
    button('fit', 'Paskan ke layar', `Tampilkan seluruh diagram (${MODIFIER} + 0)`, 'Paskan'),
  );
  container.append(controls);

  // On the canvas: bpmn-js's keyboard binding.
  viewer.get<Keyboard>('keyboard').addListener(KEYBOARD_PRIORITY, ({ keyEvent }: { keyEvent: KeyboardEvent }) => {
    const action = actionOf(keyEvent);
    if (!action) return false;
    zoom(viewer, action);
    return true;
  });
  // Elsewhere on the page (the browser would zoom the whole page instead).
  const onKeyDown = (event: KeyboardEvent): void => {
    const action = actionOf(event);
    if (!action || event.defaultPrevented || isTyping(event.target)) return;
    if (document.querySelector('dialog[open]') || container.closest('[inert]') || !container.checkVisibility()) return;
    event.preventDefault();
    zoom(viewer, action);
  };
  document.addEventListener('keydown', onKeyDown);
  viewer.get<EventBus>('eventBus').on('diagram.destroy', () => document.removeEventListener('keydown', onKeyDown));
  return controls;
}
