// The dashboard's charts and not-found pages as staff see them (issue 15 items 8 and 9), on a desktop and a phone:
// value labels inside their chart, one colour scale for star ratings, and a heading, a reason and a way back when
// a conversation, order or ticket is not there.
import { createHmac, randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_ORDER_WEBHOOK_SECRET } from '../../src/config';
import { ADMIN, AGENT, signIn } from './dashboard.helpers';
import { expectNoAxeViolations, screenshot } from './support';

const PHONE = { width: 390, height: 844 };

async function newSession(request: APIRequestContext): Promise<string> {
  const session = await request.post('/api/widget/sessions', { data: { pageUrl: 'http://127.0.0.1/catalog', visitorId: `visitor-${randomUUID()}` } });
  expect(session.status()).toBe(201);
  return ((await session.json()) as { sessionId: string }).sessionId;
}

/** WCAG relative luminance of an `rgb(r, g, b)` colour, and the contrast ratio of two. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** Every value label of a chart lies inside the chart's drawing (a clipped "94 (34%" pokes out of it). */
async function expectLabelsInside(page: Page, chart: RegExp) {
  const svg = page.getByRole('img', { name: chart });
  const outer = (await svg.boundingBox())!;
  const labels = svg.locator('text.bar-value');
  expect(await labels.count()).toBeGreaterThan(0);
  for (const label of await labels.all()) {
    const b = (await label.boundingBox())!;
    expect(b.x + b.width, `${await label.textContent()} ends inside the chart`).toBeLessThanOrEqual(outer.x + outer.width);
  }
}

/** Signs and posts an order as the shop's order system does (docs/order-webhooks.md). */
async function postOrder(request: APIRequestContext, order: Record<string, unknown>) {
  const body = JSON.stringify({ event: 'order.created', id: `evt_${randomUUID()}`, order });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', DEMO_ORDER_WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest('hex');
  const res = await request.post('/api/integrations/orders', { data: body, headers: { 'content-type': 'application/json', 'x-aurora-timestamp': timestamp, 'x-aurora-signature': `sha256=${signature}` } });
  expect(res.status(), await res.text()).toBe(200);
}

test.describe.configure({ mode: 'serial' });

test('analytics: the top intent’s value label ("N (P%)") ends inside its chart, on a desktop and a phone', async ({ page, request }) => {
  test.setTimeout(90_000);
  // Twelve of one intent make a label as long as the walk-through's "94 (34%)", which the old chart cut at its edge.
  const sessionId = await newSession(request);
  for (let i = 0; i < 12; i++) {
    const reply = await request.post(`/api/widget/sessions/${sessionId}/messages`, { data: { text: 'thank you so much' }, headers: { 'idempotency-key': randomUUID() } });
    expect(reply.status()).toBe(200);
  }
  await signIn(page, ADMIN);
  await page.goto('/dashboard/analytics/concierge');
  await expect(page.getByRole('heading', { name: 'Concierge analytics' })).toBeVisible();
  const intents = page.getByRole('img', { name: /Most common intents/ });
  await expect(intents.locator('text.bar-value').first()).toHaveText(/^\d{2,} \(\d+%\)$/);
  await expectLabelsInside(page, /Most common intents/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-analytics-labels');
  await page.setViewportSize(PHONE);
  await expectLabelsInside(page, /Most common intents/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-analytics-labels-phone');
});

test('CSAT: the distribution colours 1★ to 5★ on one scale, five distinct colours, each at least 3:1 on the chart', async ({ page, request }) => {
  for (const rating of [1, 2, 3, 4, 5]) {
    const rated = await request.post(`/api/widget/sessions/${await newSession(request)}/forms/csat`, { data: { rating, trigger: 'widget_closed' } });
    expect(rated.status()).toBe(200);
  }
  await signIn(page, AGENT);
  await page.goto('/dashboard/support/csat');
  const chart = page.getByRole('img', { name: /Score distribution/ });
  await expect(chart).toBeVisible();
  const fills = await chart.locator('rect.bar').evaluateAll((bars) => bars.map((bar) => getComputedStyle(bar).fill));
  expect(fills).toHaveLength(5);
  expect(new Set(fills).size).toBe(5);
  const background = await page.locator('.chart').filter({ has: chart }).evaluate((el) => getComputedStyle(el).backgroundColor);
  for (const fill of fills) expect(contrast(fill, background), fill).toBeGreaterThanOrEqual(3);
  // Low to high: red (1★) through gold to green (5★): the red share falls and the green share rises along the scale.
  const channels = fills.map((f) => f.match(/\d+/g)!.map(Number));
  expect(channels[0]![0]! - channels[0]![1]!).toBeGreaterThan(0);
  expect(channels[4]![1]! - channels[4]![0]!).toBeGreaterThan(0);
  const redness = channels.map(([r, g]) => r! - g!);
  for (let i = 1; i < redness.length; i++) expect(redness[i]!).toBeLessThan(redness[i - 1]!);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-csat-scale');
  await page.setViewportSize(PHONE);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-csat-scale-phone');
});

test('not found: a conversation past retention says so, links what it led to, and leads back', async ({ page, request }) => {
  // A purchase credited 45 days ago to a widget conversation: the retention policy (30 days) has removed that conversation.
  const gone = `cs_${randomUUID().replace(/-/g, '').slice(0, 22)}`;
  const number = `GG-${String(700000 + Math.floor(Math.random() * 99999)).padStart(6, '0')}`;
  const placedAt = new Date(Date.now() - 45 * 86_400_000).toISOString();
  await postOrder(request, {
    number, email: 'ines.moreau@example.com', customerName: 'Ines Moreau', status: 'delivered', placedAt, currency: 'USD', subtotal: 240, shipping: 15, total: 255,
    items: [{ sku: 'GG-EA-1004', name: 'Hoop Earrings', quantity: 1, unitPrice: 240 }], conciergeSessionId: gone,
  });
  await signIn(page, AGENT);
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto(`/dashboard/conversations/${gone}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Conversation removed' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('was removed by the retention policy: concierge conversations are deleted 30 days after their last message');
    await expect(page.getByRole('link', { name: `Order ${number}` })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, viewport === PHONE ? 'dashboard-conversation-removed-phone' : 'dashboard-conversation-removed');
  }
  await page.getByRole('link', { name: `Order ${number}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await page.goto(`/dashboard/conversations/${gone}`);
  await page.getByRole('link', { name: 'Back to stylist tickets' }).click();
  await expect(page).toHaveURL(/\/dashboard\/support$/);

  // An ID nothing names never was a conversation: no word of retention.
  await page.goto('/dashboard/conversations/cs_never_was_a_session');
  await expect(page.getByRole('heading', { level: 1, name: 'Conversation not found' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('retention');
  await expectNoAxeViolations(page);
});

test('not found: an unknown order and an unknown ticket get a heading, the number and a link back', async ({ page }) => {
  await signIn(page, AGENT);
  for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
    await page.setViewportSize(viewport);
    const phone = viewport === PHONE;
    await page.goto('/dashboard/orders/GG-999999');
    await expect(page.getByRole('heading', { level: 1, name: 'Order not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('There is no order GG-999999');
    await expectNoAxeViolations(page);
    await screenshot(page, phone ? 'dashboard-order-not-found-phone' : 'dashboard-order-not-found');

    await page.goto('/dashboard/support/tickets/999999');
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket not found' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('There is no ticket #999999');
    await expectNoAxeViolations(page);
    await screenshot(page, phone ? 'dashboard-ticket-not-found-phone' : 'dashboard-ticket-not-found');
  }
  await page.getByRole('link', { name: 'Back to stylist tickets' }).click();
  await expect(page).toHaveURL(/\/dashboard\/support$/);
  await page.goto('/dashboard/orders/GG-999999');
  await page.getByRole('link', { name: 'Back to orders' }).click();
  await expect(page).toHaveURL(/\/dashboard\/orders$/);
});
