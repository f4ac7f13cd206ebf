// Live dashboard as an agent (issue 12 item 5): a ticket created through the API appears in the open list without a
// reload, with the unread count in the tab title; a stale assignment is refused (409) and the page shows the current
// state; two browser contexts on one ticket see each other (viewing, replying); a slow older answer never replaces a
// newer one when the filters change quickly. axe-clean, screenshots in test-results/screenshots/live-*.png.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, AGENT, createTicketViaWidget, signIn } from './dashboard.helpers';
import { expectNoAxeViolations, screenshot } from './support';

// Two sign-ins, two browser contexts and axe scans per test: room for a busy 2-core CI machine.
test.describe.configure({ timeout: 60_000 });

/** Signs the request context in as staff; answers the CSRF token its changes need. */
async function staffApi(request: APIRequestContext, who: { email: string; password: string }) {
  const login = await request.post('/api/dashboard/login', { data: { email: who.email, password: who.password } });
  expect(login.status()).toBe(200);
  const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { id: number } };
  return { id: user.id, post: (url: string, data: object) => request.post(url, { data, headers: { 'x-csrf-token': csrfToken } }) };
}

async function openLiveList(page: Page) {
  await signIn(page, AGENT);
  await expect(page.getByRole('status').filter({ hasText: 'Live updates on' })).toBeVisible();
}

test('a ticket created through the API appears live in the open list, counted in the tab title until opened', async ({ page, request }) => {
  await openLiveList(page);
  await expect(page).toHaveTitle('Stylist tickets · Aurora Dashboard');
  const { ticketId } = await createTicketViaWidget(request, { name: 'Rosa Live', email: 'rosa.live@example.com', message: 'Do you engrave the Lyra band?' });

  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Ticket #${ticketId} from Rosa Live` }) });
  await expect(row).toBeVisible();
  await expect(row.getByText('New', { exact: true })).toBeVisible();
  await expect(page).toHaveTitle('(1) Stylist tickets · Aurora Dashboard');
  await expect(page.getByText('1 ticket with news')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'live-new-ticket-in-list');

  // Opening it is looking at it: the count goes.
  await row.getByRole('link', { name: `Ticket #${ticketId} from Rosa Live` }).click();
  await expect(page.getByRole('heading', { name: `Ticket #${ticketId}` })).toBeVisible();
  await expect(page).toHaveTitle(`Ticket #${ticketId} · Aurora Dashboard`);
});

test('a stale assignment is refused with what changed, and the page shows the ticket as it is now', async ({ page, request }) => {
  const { ticketId } = await createTicketViaWidget(request, { name: 'Omar Stale', email: 'omar.stale@example.com', message: 'Can the Aster ring be resized twice?' });
  // This page's live connection is down (a dropped network): it cannot hear the colleague's change.
  await page.route('**/api/dashboard/live', (route) => route.abort());
  await signIn(page, AGENT);
  await page.goto(`/dashboard/support/tickets/${ticketId}`);
  await expect(page.getByText('Assignee: Unassigned')).toBeVisible();

  const admin = await staffApi(request, ADMIN);
  expect((await admin.post(`/api/dashboard/tickets/${ticketId}/assign`, { assigneeId: admin.id })).status()).toBe(200);

  await page.getByLabel('Status').selectOption('resolved');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(`Ticket #${ticketId} changed while you had it open: Avery Admin assigned it to Avery Admin.`);
  await expect(alert).toContainText('Your change was not saved');
  await expect(page.getByText('Assignee: Avery Admin')).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('open');
  await expectNoAxeViolations(page);
  await screenshot(page, 'live-stale-assignment-409');

  // Now that it shows the current version, the same change goes through.
  await page.getByLabel('Status').selectOption('resolved');
  await expect(page.getByRole('status').filter({ hasText: 'Status updated.' })).toBeVisible();
});

test('two browser contexts on one ticket see each other viewing, then replying, then gone', async ({ browser, page, request }) => {
  const { ticketId } = await createTicketViaWidget(request, { name: 'Iris Both', email: 'iris.both@example.com', message: 'Is the Orla bangle adjustable?' });
  await signIn(page, AGENT);
  await page.goto(`/dashboard/support/tickets/${ticketId}`);
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.goto(`/dashboard/support/tickets/${ticketId}`);

  await expect(page.getByRole('status').filter({ hasText: 'Avery Admin is viewing this ticket.' })).toBeVisible();
  await expect(adminPage.getByRole('status').filter({ hasText: 'Sam Stylist is viewing this ticket.' })).toBeVisible();

  await page.getByLabel('Reply to the customer').fill('Hi Iris, yes: it has a sliding clasp.');
  await expect(adminPage.getByRole('status').filter({ hasText: 'Sam Stylist is replying.' })).toBeVisible();
  await expectNoAxeViolations(adminPage);
  await screenshot(adminPage, 'live-presence-replying');
  await expectNoAxeViolations(page);
  await screenshot(page, 'live-presence-viewing');

  await page.goto('/dashboard/support');
  await expect(adminPage.getByText('Sam Stylist is', { exact: false })).toHaveCount(0);
  await adminContext.close();
});

test('switching filters quickly: a slow older answer never shows over the newer one', async ({ page, request }) => {
  const admin = await staffApi(request, ADMIN);
  const { ticketId } = await createTicketViaWidget(request, { name: 'Nell Order', email: 'nell.order@example.com', message: 'Gift wrap for the Wren pendant?' });
  expect((await admin.post(`/api/dashboard/tickets/${ticketId}/status`, { status: 'resolved' })).status()).toBe(200);
  await createTicketViaWidget(request, { name: 'Otto Order', email: 'otto.order@example.com', message: 'Does the Lyra band come in 7?' });
  await openLiveList(page);

  // The answer for "Open" takes 1.5 s; the agent has moved on to "Resolved" by then.
  let slowAsked = 0;
  await page.route(/\/api\/dashboard\/tickets\?(.*&)?status=open/, async (route) => {
    slowAsked++;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue().catch(() => undefined); // the page may have cancelled it
  });
  await page.getByLabel('Status').selectOption('open');
  await page.getByLabel('Status').selectOption('resolved');
  await expect(page).toHaveURL(/status=resolved/);
  await expect(page.getByRole('link', { name: `Ticket #${ticketId} from Nell Order` })).toBeVisible();
  await page.waitForTimeout(2_000); // past the slow answer
  expect(slowAsked).toBe(1);
  await expect(page.getByRole('link', { name: `Ticket #${ticketId} from Nell Order` })).toBeVisible();
  await expect(page.getByRole('link', { name: /from Otto Order/ })).toHaveCount(0);
  const statuses = await page.getByRole('table', { name: 'Stylist tickets' }).locator('tbody .pill[class*="pill-status-"]').allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['Resolved']));
  await expectNoAxeViolations(page);
  await screenshot(page, 'live-filters-latest-answer');
});

test('a new CSAT rating shows on the open CSAT page without a reload', async ({ page, request }) => {
  await openLiveList(page);
  await page.goto('/dashboard/support/csat');
  const total = page.locator('.stat').filter({ hasText: 'Total responses' }).locator('.stat-value');
  await expect(total).toHaveText(/^\d+$/);
  const before = Number(await total.textContent());
  const session = await request.post('/api/widget/sessions', { data: {} });
  const { sessionId } = (await session.json()) as { sessionId: string };
  expect((await request.post(`/api/widget/sessions/${sessionId}/forms/csat`, { data: { rating: 5 } })).status()).toBe(200);
  await expect(total).toHaveText(String(before + 1));
});
