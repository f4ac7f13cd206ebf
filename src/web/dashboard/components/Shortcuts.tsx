// Keyboard shortcuts of the ticket pages and their help dialog (?). Off while typing in a field, and with Ctrl/Alt/⌘,
// so they never eat a character meant for an input or a browser shortcut.
import { useEffect, useRef } from 'preact/hooks';

export interface Shortcut {
  keys: string[];
  label: string;
  run: () => void;
}

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/** Whether the key press belongs to a field (or a dialog) rather than to the page. */
function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return Boolean(target?.closest?.(TYPING)) || Boolean(document.querySelector('dialog[open]'));
}

/** Listens for the shortcuts while the page is shown; `?` is handled by the caller's help entry like any other. */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
      // Enter on a focused link or button does what it always does.
      if (event.key === 'Enter' && (event.target as HTMLElement | null)?.closest?.('a, button')) return;
      const shortcut = current.current.find((s) => s.keys.includes(event.key));
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

const KEY_NAMES: Record<string, string> = { Enter: 'Enter', '?': '?' };

/** The help dialog: a modal <dialog> (focus moves in, Escape closes, focus returns to where it was). */
export function ShortcutHelp(props: { open: boolean; onClose: () => void; shortcuts: Shortcut[] }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    <dialog ref={dialog} class="shortcut-help" aria-labelledby="shortcut-help-title" onClose={props.onClose}>
      <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
      <p class="muted small">They work when you are not typing in a field.</p>
      <dl class="shortcut-list">
        {props.shortcuts.map((s) => (
          <div key={s.label} class="shortcut-row">
            <dt>
              {s.keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && <span class="muted"> or </span>}
                  <kbd>{KEY_NAMES[k] ?? k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{s.label}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="button button-primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
