// Live updates in the dashboard (issue 12 item 5): one EventSource a tab on /api/dashboard/live. Pages subscribe and
// read again when something they show changed; new tickets and customer replies the agent has not looked at yet are
// counted in the tab title ("(3) Stylist tickets · Aurora Dashboard") and, when the agent turned them on and the
// browser allows it, shown as desktop notifications. Events carry ids only: pages fetch what they show.
import { useEffect, useState } from 'preact/hooks';
import { navigate } from './router';

export interface LiveEvent {
  type: string;
  ticketId?: number;
  actorId?: number | null;
  rating?: number;
  at: string;
}

const EVENT_TYPES = ['ticket.created', 'ticket.updated', 'ticket.assigned', 'ticket.status', 'ticket.customer_message', 'csat.rated', 'presence', 'live.resync'];
const UNREAD_KEY = 'aurora.unread';
const NOTIFY_KEY = 'aurora.notify';
/** Events that come in a burst (a bulk change) cause one read. */
const COALESCE_MS = 150;

type Listener<T> = (value: T) => void;
const eventListeners = new Set<Listener<LiveEvent>>();
const stateListeners = new Set<() => void>();
let source: EventSource | undefined;
let connected = false;
let viewingTicket: number | undefined;
let baseTitle = typeof document === 'undefined' ? '' : document.title;
const unread = new Set<number>(readUnread());

function readUnread(): number[] {
  try {
    const saved = JSON.parse(sessionStorage.getItem(UNREAD_KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((id): id is number => Number.isInteger(id)) : [];
  } catch {
    return [];
  }
}

function changed() {
  try {
    sessionStorage.setItem(UNREAD_KEY, JSON.stringify([...unread]));
  } catch {
    // Private mode without storage: the count lives as long as the page.
  }
  renderTitle();
  for (const listener of stateListeners) listener();
}

function renderTitle() {
  document.title = unread.size > 0 ? `(${unread.size}) ${baseTitle}` : baseTitle;
}

/** The page's own title; the unread count is put in front of it. */
export function setPageTitle(title: string): void {
  baseTitle = title;
  renderTitle();
}

const isNews = (event: LiveEvent) => (event.type === 'ticket.created' || event.type === 'ticket.customer_message') && event.ticketId !== undefined;
const lookingAt = (ticketId: number) => viewingTicket === ticketId && document.visibilityState === 'visible';

function emit(event: LiveEvent) {
  if (isNews(event) && !lookingAt(event.ticketId!)) {
    unread.add(event.ticketId!);
    changed();
    notifyDesktop(event);
  }
  for (const listener of eventListeners) listener(event);
}

/** Opens the stream once per tab (the browser reconnects it by itself after a drop, every 3 s as the server asks). */
export function startLive(): void {
  if (source || typeof EventSource === 'undefined') return;
  let readyBefore = false;
  source = new EventSource('/api/dashboard/live');
  for (const type of EVENT_TYPES) source.addEventListener(type, (message) => emit(JSON.parse((message as MessageEvent<string>).data) as LiveEvent));
  source.addEventListener('ready', () => {
    connected = true;
    // Back after a drop: whatever happened meanwhile was not heard, so pages read again.
    if (readyBefore) emit({ type: 'live.resync', at: new Date().toISOString() });
    readyBefore = true;
    changed();
  });
  source.addEventListener('error', () => {
    connected = false;
    changed();
  });
  source.addEventListener('signed_out', () => {
    source?.close();
    source = undefined;
    connected = false;
    changed();
  });
}

export function isConnected(): boolean {
  return connected;
}

/** Re-renders the caller when the connection or the unread tickets change. */
export function useLiveState(): { connected: boolean; unread: ReadonlySet<number> } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    stateListeners.add(update);
    return () => void stateListeners.delete(update);
  }, []);
  return { connected, unread };
}

/** Calls `handler` for each live event while the component is mounted. */
export function useLiveEvents(handler: (event: LiveEvent) => void): void {
  useEffect(() => {
    eventListeners.add(handler);
    return () => void eventListeners.delete(handler);
  }, [handler]);
}

export const isTicketEvent = (event: LiveEvent) => event.type.startsWith('ticket.') || event.type === 'live.resync';

/** Reads the page again (once for a burst of events) when a matching event arrives: e.g. `useLiveReload(list.reload)`. */
export function useLiveReload(reload: (options: { background: boolean }) => Promise<void>, match: (event: LiveEvent) => boolean = isTicketEvent): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (event: LiveEvent) => {
      if (!match(event) || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void reload({ background: true });
      }, COALESCE_MS);
    };
    eventListeners.add(listener);
    return () => {
      clearTimeout(timer);
      eventListeners.delete(listener);
    };
  }, [reload]);
}

/** The agent is looking at this ticket: it is no longer unread, and news about it while they look is not counted. */
export function useViewingTicket(ticketId: number): void {
  useEffect(() => {
    viewingTicket = ticketId;
    const seen = () => {
      if (document.visibilityState === 'visible' && unread.delete(ticketId)) changed();
    };
    seen();
    document.addEventListener('visibilitychange', seen);
    return () => {
      document.removeEventListener('visibilitychange', seen);
      if (viewingTicket === ticketId) viewingTicket = undefined;
    };
  }, [ticketId]);
}

export function markAllSeen(): void {
  unread.clear();
  changed();
}

export type NotificationChoice = 'unsupported' | 'blocked' | 'off' | 'on';

export function notificationChoice(): NotificationChoice {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission === 'denied') return 'blocked';
  return Notification.permission === 'granted' && localStorage.getItem(NOTIFY_KEY) === '1' ? 'on' : 'off';
}

/** Asks the browser (only ever after the agent clicked the button); on only when permission is granted. */
export async function turnNotificationsOn(): Promise<NotificationChoice> {
  if (typeof Notification === 'undefined') return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission === 'granted') localStorage.setItem(NOTIFY_KEY, '1');
  changed();
  return notificationChoice();
}

export function turnNotificationsOff(): void {
  localStorage.removeItem(NOTIFY_KEY);
  changed();
}

/** No customer words on a lock screen: the ticket number only. */
function notifyDesktop(event: LiveEvent) {
  if (notificationChoice() !== 'on' || (document.visibilityState === 'visible' && document.hasFocus())) return;
  const title = event.type === 'ticket.created' ? `New ticket #${event.ticketId}` : `Customer replied on ticket #${event.ticketId}`;
  const notification = new Notification(title, { body: 'Aurora Dashboard · click to open it', tag: `ticket-${event.ticketId}` });
  notification.onclick = () => {
    window.focus();
    navigate(`/dashboard/support/tickets/${event.ticketId}`);
    notification.close();
  };
}
