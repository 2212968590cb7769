// Modal dialogs on the native <dialog> element: focus stays inside, Escape closes, Enter submits forms.
import { h, replaceChildren, uniqueId, type Child } from './dom';
import { errorView } from './errors';
import { checkForm } from './forms';

export interface DialogAction {
  label: string;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'danger';
}

export interface DialogHandle {
  element: HTMLDialogElement;
  close(): void;
}

/** A titled <dialog> in the document that removes itself once closed. */
function frame(title: string, className: string | undefined, onClose: (() => void) | undefined, content: HTMLElement): HTMLDialogElement {
  const titleId = uniqueId('dialog-title');
  const dialog = h(
    'dialog',
    { class: ['dialog', className].filter(Boolean).join(' '), 'aria-labelledby': titleId },
    h('h2', { class: 'dialog-title', id: titleId }, title),
    content,
  );
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
  });
  document.body.appendChild(dialog);
  return dialog;
}

function button(label: string, variant: DialogAction['variant'] = 'secondary', testId?: string, type: 'button' | 'submit' = 'button'): HTMLButtonElement {
  return h('button', { type, class: `button button-${variant}`, 'data-testid': testId }, label);
}

function actionButton(action: DialogAction): HTMLButtonElement {
  const element = button(action.label, action.variant);
  element.addEventListener('click', action.onClick);
  return element;
}

export function openDialog(options: {
  title: string;
  body: Child;
  actions: DialogAction[];
  className?: string;
  onClose?: () => void;
}): DialogHandle {
  const content = h(
    'div',
    { class: 'dialog-content' },
    h('div', { class: 'dialog-body' }, options.body),
    h('div', { class: 'dialog-actions' }, options.actions.map(actionButton)),
  );
  const dialog = frame(options.title, options.className, options.onClose, content);
  dialog.showModal();
  return { element: dialog, close: () => dialog.close() };
}

/** Tells the user something failed; the only way on is to close it. */
export function errorDialog(title: string, error: unknown): DialogHandle {
  const handle = openDialog({
    title,
    body: errorView(error),
    actions: [{ label: 'Tutup', variant: 'primary', onClick: () => handle.close() }],
  });
  return handle;
}

/** Asks a yes/no question; resolves true only when the user confirms. */
export function confirmDialog(options: { title: string; message: Child; confirmLabel: string; cancelLabel?: string; danger?: boolean }): Promise<boolean> {
  return new Promise((resolve) => {
    let confirmed = false;
    const handle = openDialog({
      title: options.title,
      body: h('p', {}, options.message),
      actions: [
        { label: options.cancelLabel ?? 'Batal', onClick: () => handle.close() },
        {
          label: options.confirmLabel,
          variant: options.danger ? 'danger' : 'primary',
          onClick: () => {
            confirmed = true;
            handle.close();
          },
        },
      ],
      onClose: () => resolve(confirmed),
    });
  });
}

export interface FormDialogOptions {
  title: string;
  fields: Child;
  submitLabel: string;
  busyLabel: string;
  submitTestId?: string;
  errorTestId?: string;
  className?: string;
  /**
   * Resolving closes the dialog, unless with `false` (the user thought better of it in a question on top) or with
   * `{ then }` (the work is done and shown in the dialog; the submit button now reads `then` and closes it);
   * throwing shows the error inside it and keeps what the user typed.
   */
  onSubmit: () => Promise<void | false | { then: string }>;
}

export function openFormDialog(options: FormDialogOptions): DialogHandle {
  const errorArea = h('div', { class: 'dialog-error', 'aria-live': 'assertive', 'data-testid': options.errorTestId });
  const submit = button(options.submitLabel, 'primary', options.submitTestId, 'submit');
  const cancel = actionButton({ label: 'Batal', onClick: () => dialog.close() });
  const form = h(
    'form',
    { class: 'dialog-content', novalidate: true },
    h('div', { class: 'dialog-body' }, options.fields, errorArea),
    h('div', { class: 'dialog-actions' }, cancel, submit),
  );
  const dialog = frame(options.title, options.className, undefined, form);
  let busy = false;

  let done: string | undefined;
  const setBusy = (value: boolean): void => {
    busy = value;
    submit.disabled = value;
    cancel.disabled = value;
    submit.textContent = value ? options.busyLabel : (done ?? options.submitLabel);
    form.setAttribute('aria-busy', String(value));
  };

  dialog.addEventListener('cancel', (event) => {
    if (busy) event.preventDefault();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    if (done !== undefined) {
      dialog.close();
      return;
    }
    if (!checkForm(form, errorArea)) return;
    setBusy(true);
    options.onSubmit().then(
      (result) => {
        if (typeof result === 'object') {
          done = result.then;
          cancel.hidden = true;
        }
        setBusy(false);
        if (result === undefined) dialog.close();
      },
      (error: unknown) => {
        setBusy(false);
        replaceChildren(errorArea, errorView(error));
        // A long form scrolls inside the dialog: bring the reason into view.
        errorArea.scrollIntoView({ block: 'nearest' });
      },
    );
  });

  dialog.showModal();
  return { element: dialog, close: () => dialog.close() };
}

/** Ties a label (and an optional hint) to a control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uniqueId('field');
  control.id = id;
  let hintElement: HTMLElement | null = null;
  if (hint) {
    hintElement = h('p', { class: 'field-hint', id: `${id}-hint` }, hint);
    control.setAttribute('aria-describedby', hintElement.id);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintElement);
}
