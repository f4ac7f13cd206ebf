// Issue 12 item 4: staff find an order by its RMA number, see which piece is coming back, and move the RMA on.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { AGENT, signIn } from './dashboard.helpers';

/**
 * A return of the last piece of seeded order GG-104234, through the widget's return form. The browser tests share
 * one database: widget-flows.spec.ts returns the Wren Diamond Halo Pendant of the same order, so this takes the other.
 */
async function requestReturn(request: APIRequestContext) {
  const session = await request.post('/api/widget/sessions', { data: {} });
  const { sessionId } = (await session.json()) as { sessionId: string };
  const form = { orderNumber: 'GG-104234', email: 'ava.martinez@example.com', kind: 'return', reason: 'Changed my mind' };
  const ask = await request.post(`/api/widget/sessions/${sessionId}/forms/return`, { data: form, headers: { 'idempotency-key': randomUUID() } });
  const picker = ((await ask.json()) as { replies: { prefill?: { items?: { id: number; name: string }[] } }[] }).replies.find((r) => r.prefill?.items)!;
  const piece = picker.prefill!.items!.find((item) => item.name !== 'Wren Diamond Halo Pendant')!;
  const made = await request.post(`/api/widget/sessions/${sessionId}/forms/return`, { data: { ...form, itemId: piece.id }, headers: { 'idempotency-key': randomUUID() } });
  expect(made.status()).toBe(200);
  return { rma: ((await made.json()) as { rma: { number: string } }).rma.number, piece: piece.name };
}

test('agent: finds the order by RMA number, moves the RMA to received, and the timeline shows the step', async ({ page, request }) => {
  const { rma, piece } = await requestReturn(request);
  await signIn(page, AGENT);
  await page.goto('/dashboard/orders');
  await page.getByLabel('Order number or email').fill(rma.toLowerCase());
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: 'GG-104234' }).click();

  const returns = page.getByRole('region', { name: 'Returns and resizes' });
  const entry = returns.getByRole('listitem').filter({ hasText: rma });
  await expect(entry.getByRole('list', { name: `Pieces in ${rma}` })).toContainText(piece);
  await expect(entry.getByRole('list', { name: `Pieces in ${rma}` })).toContainText('SKU');
  await expectNoAxeViolations(page);

  await entry.getByLabel(`Next step for ${rma}`).selectOption({ label: 'Received' });
  await entry.getByRole('button', { name: 'Update and email the customer' }).click();
  await expect(entry.getByRole('status')).toHaveText(`${rma} is now received. The customer has been emailed.`);
  await expect(entry.locator('.pill', { hasText: 'Received' })).toBeVisible();
  // Received leads on to a refund, closing or rejecting; a rejection asks why.
  await entry.getByLabel(`Next step for ${rma}`).selectOption({ label: 'Rejected' });
  await expect(entry.getByLabel('Reason (the customer reads this)')).toBeVisible();
  await entry.getByLabel(`Next step for ${rma}`).selectOption({ label: 'Refunded' });

  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText(`RMA received: ${rma}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'rma-received');
});
