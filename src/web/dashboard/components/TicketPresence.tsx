// "Someone else is viewing / replying" on a ticket page: this tab beats its own state (viewing, or replying while the
// agent writes a reply or note) and shows the other staff on the ticket, read again whenever presence changes.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import { useLiveReload } from '../live';

interface Viewer {
  staffId: number;
  name: string;
  state: 'viewing' | 'replying';
  since: string;
}
interface PresenceAnswer {
  viewers: Viewer[];
  beatMs: number;
}

const DEFAULT_BEAT_MS = 10_000;

function randomClientId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function describe(viewers: Viewer[]): string {
  const names = (list: Viewer[]) => (list.length <= 2 ? list.map((v) => v.name).join(' and ') : `${list[0]!.name} and ${list.length - 1} others`);
  const replying = viewers.filter((v) => v.state === 'replying');
  const viewing = viewers.filter((v) => v.state === 'viewing');
  const parts = [];
  if (replying.length) parts.push(`${names(replying)} ${replying.length === 1 ? 'is' : 'are'} replying`);
  if (viewing.length) parts.push(`${names(viewing)} ${viewing.length === 1 ? 'is' : 'are'} viewing this ticket`);
  return `${parts.join('; ')}.`;
}

export function TicketPresence(props: { ticketId: number; replying: boolean }) {
  const { ticketId, replying } = props;
  const [viewers, setViewers] = useState<Viewer[]>([]);
  const clientId = useRef(randomClientId()).current;
  const state = replying ? 'replying' : 'viewing';
  const stateRef = useRef(state);
  stateRef.current = state;

  const beat = useCallback(async (next: string) => {
    const answer = await api<PresenceAnswer>(`/tickets/${ticketId}/presence`, { method: 'POST', body: { clientId, state: next } }).catch(() => undefined);
    if (answer) setViewers(answer.viewers);
    return answer?.beatMs ?? DEFAULT_BEAT_MS;
  }, [ticketId]);

  // Heartbeat at the server's pace; a new state is sent at once; leaving says goodbye (keepalive outlives the page).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const loop = async () => {
      const wait = await beat(stateRef.current);
      if (!stopped) timer = setTimeout(loop, wait);
    };
    void loop();
    const leave = () => void api(`/tickets/${ticketId}/presence`, { method: 'POST', body: { clientId, state: 'left' }, keepalive: true }).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [beat]);
  useEffect(() => {
    void beat(state);
  }, [state]);

  const refresh = useCallback(async () => {
    const answer = await api<PresenceAnswer>(`/tickets/${ticketId}/presence`, { background: true }).catch(() => undefined);
    if (answer) setViewers(answer.viewers);
  }, [ticketId]);
  useLiveReload(refresh, (event) => (event.type === 'presence' && event.ticketId === ticketId) || event.type === 'live.resync');

  return (
    <p class={`presence ${viewers.length ? 'presence-others' : ''}`} role="status" aria-live="polite">
      {viewers.length > 0 && (
        <>
          <span class="presence-dot" aria-hidden="true" />
          {describe(viewers)}
        </>
      )}
    </p>
  );
}
