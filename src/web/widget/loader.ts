// /widget.js, the one tag a shop embeds: checks the flag, draws the launcher in a shadow root, loads the chat app on demand.
import launcherCss from './launcher.css?inline';
import { APP_GLOBAL, readSession, sendEvent, type AppHandle, type AuroraConciergeApi, type WidgetConfig } from './protocol';

const TAG = 'aurora-concierge';
const SPARKLE =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2l1.9 5.6L19.5 9.5l-5.6 1.9L12 17l-1.9-5.6L4.5 9.5l5.6-1.9z"/><path d="M19 14l.9 2.1L22 17l-2.1.9L19 20l-.9-2.1L16 17l2.1-.9z"/></svg>';


const script = document.currentScript as HTMLScriptElement | null;

function supported(): boolean {
  return 'customElements' in window && 'attachShadow' in Element.prototype && 'fetch' in window;
}

/** Gives the page's checkout form the concierge session id (purchase attribution). */
function fillSessionInputs(): void {
  const session = readSession();
  if (!session) return;
  document.querySelectorAll<HTMLInputElement>('input[name="conciergeSessionId"]').forEach((input) => {
    input.value = session.id;
  });
}

function start(): void {
  const data = script ? script.dataset : {};
  const api = (data.api || (script && script.src ? new URL(script.src).origin : location.origin)).replace(/\/+$/, '');
  const productId = Number(data.productId) || undefined;
  let app: Promise<AppHandle> | undefined;
  let enabled = false;

  fillSessionInputs();
  document.addEventListener('submit', fillSessionInputs, true);

  const render = (config: WidgetConfig): void => {
    if (!customElements.get(TAG)) customElements.define(TAG, class extends HTMLElement {});
    const host = document.createElement(TAG);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = launcherCss;
    const launcher = document.createElement('button');
    launcher.type = 'button';
    launcher.className = 'launcher';
    launcher.setAttribute('aria-label', 'Open Aurora Concierge');
    launcher.setAttribute('aria-haspopup', 'dialog');
    launcher.innerHTML = SPARKLE;
    root.append(style, launcher);
    document.body.appendChild(host);
    enabled = true;
    sendEvent(api, 'widget_loaded', { page: location.pathname });

    const load = (): Promise<AppHandle> =>
      (app =
        app ||
        new Promise<AppHandle>((resolve, reject) => {
          const tag = document.createElement('script');
          tag.src = api + '/widget/' + __AURORA_APP_FILE__;
          tag.async = true;
          tag.onload = () => {
            const mount = window[APP_GLOBAL];
            if (mount) resolve(mount({ root, launcher, api, productId, config, onSession: fillSessionInputs }));
            else reject(new Error('Aurora Concierge app did not start'));
          };
          tag.onerror = () => {
            app = undefined;
            tag.remove();
            reject(new Error('Aurora Concierge app did not load'));
          };
          document.head.appendChild(tag);
        }));
    const warm = () => void load().catch(() => undefined);
    const open = (topic?: string) => {
      launcher.setAttribute('aria-busy', 'true');
      load()
        .then((handle) => handle.open(topic))
        .catch(() => undefined)
        .then(() => launcher.removeAttribute('aria-busy'));
    };

    launcher.addEventListener('mouseenter', warm);
    launcher.addEventListener('focus', warm);
    launcher.addEventListener('click', () => open());
    publicApi.open = open;
    publicApi.close = () => void (app && app.then((handle) => handle.close()));

    // Data-saver visitors download the app only when they ask for it.
    const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
    if (!(connection && connection.saveData)) {
      if (window.requestIdleCallback) window.requestIdleCallback(warm, { timeout: 5000 });
      else setTimeout(warm, 2000);
    }
  };

  const publicApi: AuroraConciergeApi = { open: () => undefined, close: () => undefined, getSessionId: () => (readSession() || { id: null }).id };
  window.AuroraConcierge = publicApi;

  // Links such as "Talk to a stylist" (data-aurora-open="stylist") open the matching flow when the widget is on.
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-aurora-open]') : null;
    if (!target || !enabled) return;
    event.preventDefault();
    publicApi.open(target.getAttribute('data-aurora-open') || undefined);
  });

  fetch(api + '/api/widget/config', { credentials: 'omit' })
    .then((response) => (response.ok ? (response.json() as Promise<WidgetConfig>) : null))
    .then((config) => {
      if (config && config.enabled) render(config);
    })
    .catch(() => undefined);
}

// Older browsers get nothing rather than a broken page; and a failure here never reaches the host page.
function safeStart(): void {
  try {
    start();
  } catch {
    /* the host page comes first */
  }
}

if (supported() && !window.AuroraConcierge) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', safeStart);
  else safeStart();
}
