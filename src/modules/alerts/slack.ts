// The Slack-compatible incoming-webhook payload of an alert: {text, blocks}.

export interface AlertPayload {
  text: string;
  blocks: unknown[];
}

const ICONS: Record<string, string> = {
  management_escalation: ':rotating_light:',
  ticket_overdue: ':alarm_clock:',
  error_rate: ':chart_with_upwards_trend:',
};

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
