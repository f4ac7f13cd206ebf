// Helpers for the dashboard browser tests: sign in as the demo staff, create tickets the way customers do.
import { randomUUID } from 'node:crypto';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const ADMIN = { email: 'admin@glowglitch.test', password: 'aurora-admin-demo', name: 'Avery Admin' };
export const AGENT = { email: 'agent@glowglitch.test', password: 'aurora-agent-demo', name: 'Sam Stylist' };

export const XSS_NAME = '<img src=x onerror=alert(1)>';
export const XSS_TEXT = '<script>window.__pwned = true</script> hello <b>bold</b>';

/** The notice an action leaves in the page (the page has other live regions: the live-updates line, who else is here). */
export const actionOutcome = (page: Page) => page.locator('main .notice[role="status"]');

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto('/dashboard/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/support$/);
  // The signed-in frame: the navigation, or on a phone the bar whose Menu opens it.
  await expect(page.getByRole('navigation', { name: 'Dashboard' }).or(page.getByRole('button', { name: /^Menu/ }))).toBeVisible();
}

/** Fails the test when any script runs a dialog (the XSS payloads call alert) or sets the marker. */
export function watchForInjectedScript(page: Page) {
  page.on('dialog', (dialog) => {
    throw new Error(`A dialog opened: ${dialog.message()}`);
  });
  return async () => expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
}

/** A widget conversation with a few customer messages, then the stylist form: a ticket as a customer makes it. */
export async function createTicketViaWidget(request: APIRequestContext, input: { name: string; email: string; message: string; urgent?: boolean; say?: string[]; shortlist?: string[] }) {
  const visitorId = `visitor-${randomUUID()}`;
  const session = await request.post('/api/widget/sessions', { data: { pageUrl: 'http://127.0.0.1/catalog', visitorId } });
  expect(session.status()).toBe(201);
  const { sessionId } = (await session.json()) as { sessionId: string };
  for (const slug of input.shortlist ?? []) {
    const product = (await (await request.get(`/api/products/${slug}`)).json()) as { id: number };
    expect((await request.post('/api/widget/shortlist', { data: { visitorId, productId: product.id, sessionId } })).status()).toBe(201);
  }
  for (const text of input.say ?? []) {
    const reply = await request.post(`/api/widget/sessions/${sessionId}/messages`, { data: { text }, headers: { 'idempotency-key': randomUUID() } });
    expect(reply.status()).toBe(200);
  }
  const form = await request.post(`/api/widget/sessions/${sessionId}/forms/stylist`, {
    data: { name: input.name, email: input.email, message: input.message, urgent: input.urgent ?? false },
    headers: { 'idempotency-key': randomUUID() },
  });
  expect(form.status()).toBe(200);
  const { ticket } = (await form.json()) as { ticket: { id: number } };
  return { sessionId, ticketId: ticket.id };
}
