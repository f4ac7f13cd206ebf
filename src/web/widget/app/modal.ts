// On a phone the open panel fills the screen, so it is a modal: the page behind is inert (no focus, hidden from
// screen readers), it does not scroll, and Tab cycles inside the panel. Everything is put back on close.

/** The width at which styles.css makes the panel full-screen. */
export const PHONE_QUERY = '(max-width: 480px)';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Makes everything but `host` (and its ancestors) inert and stops the page scrolling; returns the undo. */
export function lockPage(host: Element): () => void {
  const doc = host.ownerDocument;
  const undo: (() => void)[] = [];
  const set = (element: Element, name: string, value: string) => {
    if (element.hasAttribute(name)) return; // the page's own value stays, and stays after us
    element.setAttribute(name, value);
    undo.push(() => element.removeAttribute(name));
  };
  for (let node: Element = host; node.parentElement && node !== doc.body; node = node.parentElement) {
    for (const sibling of Array.from(node.parentElement.children)) {
      if (sibling === node || /^(SCRIPT|STYLE|LINK|TEMPLATE)$/.test(sibling.tagName)) continue;
      set(sibling, 'inert', '');
      // Browsers without `inert` (before Chrome 102, Safari 15.5) still keep screen readers in the panel.
      set(sibling, 'aria-hidden', 'true');
    }
  }
  for (const element of [doc.documentElement, doc.body]) {
    const before = element.style.overflow;
    element.style.overflow = 'hidden';
    undo.push(() => {
      element.style.overflow = before;
    });
  }
  return () => undo.splice(0).reverse().forEach((step) => step());
}

/** Keeps Tab and Shift+Tab inside `container`: from the last control to the first, and back. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const controls = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((element) => element.getClientRects().length > 0);
  if (controls.length === 0) return;
  const root = container.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  const inside = active instanceof HTMLElement && container.contains(active);
  if (event.shiftKey ? active === first || !inside : active === last || !inside) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
