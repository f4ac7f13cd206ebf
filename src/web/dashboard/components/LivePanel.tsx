// The sidebar's live block: whether live updates are connected, how many tickets have news the agent has not looked
// at (with "mark all as seen"), and the opt-in for desktop notifications.
import { useEffect, useState } from 'preact/hooks';
import { markAllSeen, notificationChoice, startLive, turnNotificationsOff, turnNotificationsOn, useLiveState, type NotificationChoice } from '../live';
import '../live.css';

export function LivePanel() {
  const { connected, unread } = useLiveState();
  const [choice, setChoice] = useState<NotificationChoice>(notificationChoice());
  useEffect(() => startLive(), []);
  return (
    <section class="live-panel" aria-label="Live updates">
      <p class={`live-status ${connected ? 'live-on' : 'live-off'}`} role="status">
        <span class="live-dot" aria-hidden="true" />
        {connected ? 'Live updates on' : 'Connecting live updates…'}
      </p>
      {unread.size > 0 && (
        <p class="live-unread">
          <strong>{unread.size}</strong> {unread.size === 1 ? 'ticket' : 'tickets'} with news{' '}
          <button type="button" class="button button-quiet button-small" onClick={markAllSeen}>
            Mark all as seen
          </button>
        </p>
      )}
      {choice === 'off' && (
        <button type="button" class="button button-quiet button-small" onClick={async () => setChoice(await turnNotificationsOn())}>
          Turn on desktop notifications
        </button>
      )}
      {choice === 'on' && (
        <p class="live-notify">
          Desktop notifications on{' '}
          <button
            type="button"
            class="button button-quiet button-small"
            onClick={() => {
              turnNotificationsOff();
              setChoice(notificationChoice());
            }}
          >
            Turn off
          </button>
        </p>
      )}
      {choice === 'blocked' && <p class="live-notify muted small">Desktop notifications are blocked in this browser’s site settings.</p>}
    </section>
  );
}
