// The Slack-compatible incoming-webhook payload of an alert: {text, blocks}.

export interface AlertPayload {
  text: string;
  blocks: unknown[];
}

const ICONS: Record<string, string> = {
  management_escalation: ':rotating_light:',
  ticket_overdue: ':alarm_clock:',
  error_rate: ':chart_with_upwards_trend:',
  urgent_after_hours: ':pager:',
  unhappy_vip: ':broken_heart:',
};

/** "1 minute", "15 minutes": alert texts count things. */
export const plural = (count: number, noun: string, nouns = `${noun}s`) => `${count} ${count === 1 ? noun : nouns}`;

// What one alert of each kind is, in the count of a grouped message ("15 management escalations").
const KIND_NOUNS: Record<string, [string, string]> = {
  management_escalation: ['management escalation', 'management escalations'],
  ticket_overdue: ['overdue ticket', 'overdue tickets'],
  urgent_after_hours: ['urgent ticket outside business hours', 'urgent tickets outside business hours'],
  unhappy_vip: ['unhappy VIP rating', 'unhappy VIP ratings'],
  error_rate: ['error-rate alert', 'error-rate alerts'],
};
const GROUP_LINES = 10;

/** Several alerts of one kind as one message: "15 management escalations in the last 5 minutes" and their lines. */
export function groupedMessage(kind: string, alerts: { message: string; data: Record<string, unknown>; createdAt: string }[], now: Date): { message: string; data: Record<string, unknown> } {
  const [noun, nouns] = KIND_NOUNS[kind] ?? [`${kind.replace(/_/g, ' ')} alert`, `${kind.replace(/_/g, ' ')} alerts`];
  const minutes = Math.max(1, Math.ceil((now.getTime() - Date.parse(alerts[0]!.createdAt)) / 60_000));
  const lines = alerts.slice(0, GROUP_LINES).map((a) => `• ${a.message}`);
  if (alerts.length > GROUP_LINES) lines.push(`… and ${alerts.length - GROUP_LINES} more`);
  const tickets = alerts.map((a) => a.data.ticket).filter((t) => t !== undefined && t !== null);
  return {
    message: [`${plural(alerts.length, noun, nouns)} in the last ${minutes === 1 ? 'minute' : `${minutes} minutes`}:`, ...lines].join('\n'),
    data: { count: alerts.length, ...(tickets.length > 0 && { tickets }) },
  };
}

// Slack reads <…> as links and mentions; customer-written text must not be able to ping @channel.
const escapeMrkdwn = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function slackPayload(kind: string, message: string, data: Record<string, unknown>): AlertPayload {
  const text = `${ICONS[kind] ?? ':bell:'} ${escapeMrkdwn(message)}`;
  const fields = Object.entries(data)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `*${escapeMrkdwn(key)}:* ${escapeMrkdwn(Array.isArray(value) ? value.join(', ') : String(value))}`);
  const blocks: unknown[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (fields.length) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fields.join('  ·  ').slice(0, 2900) }] });
  return { text, blocks };
}

export class WebhookError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function postWebhook(url: string, payload: AlertPayload): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload), signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new WebhookError(response.status, `The alerts webhook answered ${response.status} ${response.statusText}`.trim());
}

/** A 4xx other than 429 will not get better by retrying (e.g. the webhook was deleted). */
export const isPermanentWebhookError = (error: unknown) => error instanceof WebhookError && error.status >= 400 && error.status < 500 && error.status !== 429;
