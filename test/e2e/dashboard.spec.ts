// The support dashboard as an agent (stylist): sign in, work the tickets, CSAT, orders and transcripts.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { AGENT, XSS_NAME, XSS_TEXT, actionOutcome, createTicketViaWidget, signIn, watchForInjectedScript } from './dashboard.helpers';

test.describe.configure({ mode: 'serial' });

test('the login page is accessible, refuses a wrong password and sends anonymous visitors to it', async ({ page }) => {
  await page.goto('/dashboard/support');
  await expect(page).toHaveURL(/\/dashboard\/login\?next=%2Fdashboard%2Fsupport$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-login');
  await page.getByLabel('Email').fill(AGENT.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('The email or password is incorrect.');
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-login-error');
});

test('agent: the tickets list shows new tickets without a reload, searches, filters and sorts', async ({ page, request }) => {
  const run = Date.now().toString(36);
  const maya = `maya.${run}@example.com`;
  const olivia = `olivia.${run}@example.com`;
  const noah = `noah.${run}@example.com`;
  await createTicketViaWidget(request, { name: 'Maya Reyes', email: maya, message: 'I need an engagement ring resized to two different sizes.', say: ['show me rings'] });
  await createTicketViaWidget(request, { name: 'Olivia Chen', email: olivia, message: 'Can you hold the sapphire pendant until my wedding date?', urgent: true });
  await signIn(page, AGENT);
  const table = page.getByRole('table', { name: 'Stylist tickets' });
  await expect(table.getByText(maya)).toBeVisible();
  await expect(table.getByText(olivia)).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Select', 'Ticket ID', 'Customer', /Created/, 'Status', 'Priority', 'Answer by', 'Assignee']);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-tickets');

  // A new escalation appears by itself (the list refreshes every 10 seconds).
  await createTicketViaWidget(request, { name: 'Noah Park', email: noah, message: 'Corporate order: 40 bracelets with engraving.' });
  await expect(table.getByText(noah)).toBeVisible({ timeout: 15_000 });

  await page.getByRole('searchbox', { name: 'Search' }).fill(olivia);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.locator('td .strong')).toHaveText(['Olivia Chen']);
  await expect(page).toHaveURL(/q=olivia/);

  await page.getByRole('searchbox', { name: 'Search' }).fill(run);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByLabel('Priority', { exact: true }).selectOption('urgent');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByText(olivia)).toBeVisible();
  await page.getByLabel('Priority', { exact: true }).selectOption('');
  await page.getByLabel('Status', { exact: true }).selectOption('resolved');
  await expect(page.getByText('No tickets match these filters.')).toBeVisible();
  await page.getByLabel('Status', { exact: true }).selectOption('');

  await table.getByRole('button', { name: /Customer/ }).click();
  await expect(page).toHaveURL(/sort=customer/);
  await expect(table.getByRole('columnheader', { name: /Customer/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(table.locator('tbody tr td:nth-child(3) .strong')).toHaveText(['Maya Reyes', 'Noah Park', 'Olivia Chen']);
  await table.getByRole('button', { name: /Customer/ }).click();
  await expect(table.locator('tbody tr td:nth-child(3) .strong')).toHaveText(['Olivia Chen', 'Noah Park', 'Maya Reyes']);
});

test('agent: a ticket with HTML in it shows the HTML as text; assign, status, priority, note, reply and history work', async ({ page, request }) => {
  const noScript = watchForInjectedScript(page);
  const products = (await (await request.get('/api/products?category=ring&pageSize=2')).json()) as { items: { slug: string; name: string }[] };
  const { ticketId } = await createTicketViaWidget(request, { name: XSS_NAME, email: 'mallory@example.com', message: XSS_TEXT, say: [XSS_TEXT], shortlist: products.items.map((p) => p.slug) });
  await signIn(page, AGENT);
  await expect(page.getByRole('table', { name: 'Stylist tickets' }).getByText(XSS_NAME)).toBeVisible();
  await page.getByRole('link', { name: `Ticket #${ticketId} from ${XSS_NAME}` }).click();
  await expect(page.getByRole('heading', { name: `Ticket #${ticketId}` })).toBeVisible();
  await expect(page.getByText(`${XSS_NAME} · mallory@example.com`)).toBeVisible();
  await expect(page.locator('.quote').first()).toHaveText(XSS_TEXT);
  await expect(page.getByRole('list', { name: `Transcript of ticket #${ticketId}` }).getByText(XSS_TEXT).first()).toBeVisible();
  expect(await page.locator('main img, main script, main b').count()).toBe(0);
  const shortlist = page.getByRole('region', { name: 'Shortlist' });
  for (const product of products.items) await expect(shortlist.getByText(product.name)).toBeVisible();

  const outcome = actionOutcome(page);
  await page.getByRole('button', { name: 'Assign to me' }).click();
  await expect(outcome).toHaveText('Assigned to you.');
  await expect(page.getByLabel('Assign to')).toHaveValue(/\d+/);
  await page.getByLabel('Priority').selectOption('high');
  await expect(outcome).toHaveText('Priority updated.');
  await page.getByLabel('Note', { exact: true }).fill('Customer is a repeat buyer. <b>not bold</b>');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByText('Customer is a repeat buyer. <b>not bold</b>')).toBeVisible();
  await page.getByLabel('Reply to the customer').fill('Hello! A stylist will call you tomorrow at 10am.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(outcome).toHaveText('Reply queued for email.');
  await expect(page.getByRole('region', { name: 'Email thread' }).getByText('Hello! A stylist will call you tomorrow at 10am.')).toBeVisible();
  await page.getByLabel('Status').selectOption('resolved');
  await expect(outcome).toHaveText('Status updated.');

  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText(`Assigned to ${AGENT.name}`)).toBeVisible();
  await expect(history.getByText('Priority set to High')).toBeVisible();
  await expect(history.getByText('Internal note')).toBeVisible();
  await expect(history.getByText(/Emailed the customer/)).toBeVisible();
  await expect(history.getByText('Status set to Resolved')).toBeVisible();
  await noScript();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-ticket-detail');
});

test('agent: the CSAT tab shows the target, responses, distribution, trend and comments (as text)', async ({ page, request }) => {
  const noScript = watchForInjectedScript(page);
  await signIn(page, AGENT);
  // The browser tests share one database and other specs rate too: the page must show what was there plus these three.
  type Summary = { total: number; average: number | null; meetsTarget: boolean; target: number; distribution: { rating: number; count: number }[] };
  const summary = async () => (await (await page.request.get('/api/dashboard/csat')).json()) as Summary;
  const points = (s: Summary) => s.distribution.reduce((sum, d) => sum + d.rating * d.count, 0);
  const before = await summary();
  for (const [rating, comment] of [
    [5, 'Found the perfect ring in two minutes!'],
    [4, ''],
    [2, XSS_TEXT],
  ] as const) {
    const { sessionId } = await createTicketViaWidget(request, { name: 'Rater', email: 'rater@example.com', message: 'Question about sizing' });
    const rated = await request.post(`/api/widget/sessions/${sessionId}/forms/csat`, { data: { rating, ...(comment ? { comment } : {}), trigger: 'widget_closed' } });
    expect(rated.status()).toBe(200);
  }
  const after = await summary();
  expect(after.total).toBe(before.total + 3);
  expect(points(after)).toBe(points(before) + 11);
  expect(after.average).toBeCloseTo(points(after) / after.total, 2);
  await page.goto('/dashboard/support');
  await page.getByRole('navigation', { name: 'Support' }).getByRole('link', { name: 'CSAT' }).click();
  await expect(page).toHaveURL(/\/dashboard\/support\/csat$/);
  await expect(page.getByRole('heading', { name: 'CSAT feedback' })).toBeVisible();
  await expect(page.getByText('Total responses')).toBeVisible();
  await expect(page.getByRole('img', { name: /Score distribution/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Average score by day/ })).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: 'Total responses' })).toContainText(String(after.total));
  await expect(page.locator('.stat').filter({ hasText: 'Average score' })).toContainText(after.average!.toFixed(2));
  await expect(page.locator('.stat').filter({ hasText: 'Average score' })).toContainText(after.average! >= after.target ? 'Above the 4.0 target' : 'Below the 4.0 target');
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments.getByText('Found the perfect ring in two minutes!')).toBeVisible();
  await expect(comments.getByText(XSS_TEXT)).toBeVisible();
  expect(await page.locator('main script, main b').count()).toBe(0);
  // Responses and scores are whole numbers on their axes.
  for (const chart of [/Score distribution/, /Average score by day/]) {
    const ticks = await page.getByRole('img', { name: chart }).locator('text.tick[text-anchor="end"]').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    for (const tick of ticks) expect(tick).toMatch(/^\d+$/);
  }
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-csat');
  await comments.getByRole('link', { name: /Conversation of the/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Concierge conversation' })).toBeVisible();
  await noScript();
  await page.goBack();
  await page.getByLabel('From').fill('2026-01-01');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2026-01-01/);
  await expect(page.getByText('Jan 1, 2026')).toBeVisible();
});

test('agent: find an order, read its timeline and open the concierge transcript', async ({ page, request }) => {
  const noScript = watchForInjectedScript(page);
  const { sessionId } = await createTicketViaWidget(request, { name: 'Ava Martinez', email: 'ava.martinez@example.com', message: 'Gift wrap please', say: ['show me necklaces', XSS_TEXT] });
  // Buy through the store with the concierge session id the widget hands to the checkout.
  await page.goto('/catalog?category=necklace&available=true');
  await page.getByRole('list', { name: 'Products' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Add to bag' }).click();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByLabel('Full name').fill('Ava Martinez');
  await page.getByLabel('Email').fill('ava.martinez@example.com');
  await page.getByLabel('Address').fill('12 Rose Lane');
  await page.getByLabel('City').fill('Portland');
  await page.getByLabel('Postal code').fill('97201');
  await page.locator('input[name="conciergeSessionId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), sessionId);
  await page.getByRole('button', { name: 'Place order' }).click();
  const number = (await page.getByText(/GG-\d{6}/).first().textContent())!.match(/GG-\d{6}/)![0];

  await signIn(page, AGENT);
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Orders' }).click();
  await page.getByLabel('Order number or email').fill('GG-104233');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('row')).toHaveCount(2);
  await page.getByLabel('Order number or email').fill('ava.martinez@example.com');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: number })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-orders');

  // The timeline shows a return made in the widget with its RMA number.
  const returnSession = (await (await request.post('/api/widget/sessions', { data: {} })).json()) as { sessionId: string };
  // GG-104235 (one piece): the widget's own return test uses GG-104234 on the same server.
  const returnForm = { orderNumber: 'GG-104235', email: 'olivia.chen@example.com', kind: 'return', reason: 'It does not suit me' };
  let answer = (await (await request.post(`/api/widget/sessions/${returnSession.sessionId}/forms/return`, { data: returnForm, headers: { 'idempotency-key': `rma-${Date.now()}` } })).json()) as {
    rma?: { number: string };
    replies: { type: string; prefill?: { items?: { id: number }[] } }[];
  };
  const items = answer.replies.find((r) => r.type === 'form')?.prefill?.items;
  if (!answer.rma && items?.length) {
    answer = await (await request.post(`/api/widget/sessions/${returnSession.sessionId}/forms/return`, { data: { ...returnForm, itemId: items[0]!.id }, headers: { 'idempotency-key': `rma-item-${Date.now()}` } })).json();
  }
  const rmaNumber = answer.rma!.number;
  await page.getByLabel('Order number or email').fill('gg-104235');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: 'GG-104235' }).click();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText(`RMA Created: ${rmaNumber}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Returns and resizes' }).getByText(rmaNumber)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-order-rma');
  await page.goBack();
  await page.getByLabel('Order number or email').fill('ava.martinez@example.com');
  await page.getByRole('button', { name: 'Search' }).click();

  await page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: number }).click();
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' }).getByText('Order placed')).toBeVisible();
  await expect(page.getByText('Concierge Session ID')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-order-detail');

  await page.getByRole('link', { name: new RegExp(`Concierge Session ID ${sessionId}`) }).click();
  await expect(page.getByRole('heading', { name: 'Concierge conversation' })).toBeVisible();
  const transcript = page.getByRole('list', { name: 'Transcript' });
  await expect(transcript.getByText('show me necklaces')).toBeVisible();
  await expect(transcript.getByText(XSS_TEXT)).toBeVisible();
  await expect(page.getByRole('link', { name: `Order ${number}` }).or(page.getByRole('link', { name: number }))).toBeVisible();
  expect(await page.locator('main script, main b').count()).toBe(0);
  await noScript();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-conversation');
});

test('agent: admin pages answer 403 and are not in the navigation', async ({ page }) => {
  await signIn(page, AGENT);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link')).toHaveText(['Stylist tickets', 'CSAT feedback', 'Orders']);
  for (const path of ['/dashboard/analytics/concierge', '/dashboard/flags', '/dashboard/staff']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  }
  const api = await page.request.get('/api/dashboard/analytics/concierge');
  expect(api.status()).toBe(403);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-agent-forbidden');
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard\/login$/);
  expect((await page.request.get('/api/dashboard/tickets')).status()).toBe(401);
});
