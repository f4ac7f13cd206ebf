// Work in volume (issue 12 item 5) in the browser, as an admin and as an agent: canned replies (managed, inserted with
// their variables filled), tags, bulk changes that skip what changed underneath, keyboard shortcuts and their help
// dialog, saved views and search, the customer panel, CSAT comments by rating, CSV exports, times in the shop's zone,
// and the list's density at 1366×768 and on a phone. Every page axe-clean; screenshots in test-results/screenshots.
import { expect, request as apiRequest, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { ADMIN, AGENT, createTicketViaWidget, signIn } from './dashboard.helpers';

test.describe.configure({ mode: 'serial', timeout: 90_000 });

const run = Date.now().toString(36);
const CANNED_TITLE = `Order check ${run}`;
const tickets: Record<string, number> = {};

/** A colleague's change through the API, signed in as them (their own cookie jar). */
async function asColleague<T>(baseURL: string, act: (call: (method: 'GET' | 'POST', path: string, data?: unknown) => Promise<T>) => Promise<T>) {
  const context = await apiRequest.newContext({ baseURL });
  const login = await context.post('/api/dashboard/login', { data: { email: ADMIN.email, password: ADMIN.password } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  try {
    return await act(async (method, path, data) => (await (method === 'GET' ? context.get(path) : context.post(path, { data, headers: { 'x-csrf-token': csrfToken } }))).json() as Promise<T>);
  } finally {
    await context.dispose();
  }
}

/** Rows of the ticket table wholly inside the viewport. */
async function visibleRows(page: Page): Promise<number> {
  return page.locator('table[aria-label="Stylist tickets"] tbody tr').evaluateAll((rows) => {
    const height = window.innerHeight;
    return rows.filter((row) => {
      const box = row.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= height;
    }).length;
  });
}

test.beforeAll(async ({ request }) => {
  // Enough open tickets to fill a laptop screen, three of them this run's own.
  tickets.ava = (await createTicketViaWidget(request, { name: 'Ava Martinez', email: 'ava.martinez@example.com', message: `Is my order on its way? (${run})` })).ticketId;
  tickets.bea = (await createTicketViaWidget(request, { name: 'Bea Bulk', email: `bea.${run}@volume.test`, message: 'Please wrap it as a gift' })).ticketId;
  tickets.cal = (await createTicketViaWidget(request, { name: 'Cal Bulk', email: `cal.${run}@volume.test`, message: 'Resize to 7 please' })).ticketId;
  tickets.dee = (await createTicketViaWidget(request, { name: 'Dee Bulk', email: `dee.${run}@volume.test`, message: 'Engraving 50%_off typo' })).ticketId;
  for (let i = 0; i < 10; i++) await createTicketViaWidget(request, { name: `Filler ${i}`, email: `filler${i}.${run}@volume.test`, message: `Question number ${i}` });
});

test('admin: manages canned replies; an unknown variable is refused and named', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Canned replies' }).click();
  await expect(page.getByRole('heading', { name: 'Canned replies', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'New canned reply' });
  await form.getByLabel('Title').fill(CANNED_TITLE);
  await form.getByLabel('Reply').fill('Hi {{customer.frist_name}}, about {{order.number}}');
  await form.getByRole('button', { name: 'Add canned reply' }).click();
  await expect(page.getByRole('alert')).toContainText('Unknown variable {{customer.frist_name}}');
  await form.getByLabel('Reply').fill('Hi {{customer.first_name}}, about ticket {{ticket.id}} and your order {{order.number}}: I am on it. {{agent.name}}');
  await form.getByRole('button', { name: 'Add canned reply' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added “${CANNED_TITLE}”.` })).toBeVisible();
  await expect(page.getByRole('heading', { name: CANNED_TITLE, level: 3 })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: '{{ticket.answer_by}}' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-canned-replies-admin');

  // Edit, then a second one to delete.
  await page.getByRole('button', { name: `Edit ${CANNED_TITLE}` }).click();
  const edit = page.getByRole('form', { name: `Edit ${CANNED_TITLE}` });
  await edit.getByLabel('Reply').fill('Hi {{customer.first_name}}, about ticket {{ticket.id}} and your order {{order.number}}: I am on it. {{agent.name}}, {{shop.name}}');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/I am on it\. \{\{agent\.name\}\}, \{\{shop\.name\}\}/)).toBeVisible();
  await form.getByLabel('Title').fill(`Throwaway ${run}`);
  await form.getByLabel('Reply').fill('Bye');
  await form.getByRole('button', { name: 'Add canned reply' }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Delete Throwaway ${run}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Deleted “Throwaway ${run}”.` })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Throwaway ${run}` })).toHaveCount(0);
});

test('agent: the canned replies page is for admins only', async ({ page }) => {
  await signIn(page, AGENT);
  await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Canned replies' })).toHaveCount(0);
  await page.goto('/dashboard/canned-replies');
  await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
});

test('agent: inserts a canned reply with its variables filled, must fill what the ticket lacks, tags the ticket and sees the customer', async ({ page }) => {
  await signIn(page, AGENT);
  await page.goto(`/dashboard/support/tickets/${tickets.ava}`);
  await expect(page.getByRole('heading', { name: `Ticket #${tickets.ava}` })).toBeVisible();
  // Times carry the shop's zone (America/New_York in the demo).
  await expect(page.getByText(/Answer by/).locator('xpath=following-sibling::dd[1]')).toContainText(/E[SD]T/);

  await page.getByLabel('Canned reply').selectOption({ label: CANNED_TITLE });
  await page.getByRole('button', { name: 'Insert' }).click();
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  await expect(reply).toHaveValue(`Hi Ava, about ticket #${tickets.ava} and your order {{order.number}}: I am on it. Sam Stylist, GlowGlitch`);
  await expect(reply).toBeFocused();
  // The widget ticket names no order: the agent is told, and cannot send the placeholder.
  await expect(page.getByText('{{order.number}}: This ticket is not linked to an order.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send reply' })).toBeDisabled();
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-ticket-canned-missing');
  await reply.fill(`Hi Ava, about ticket #${tickets.ava} and your order GG-104233: I am on it. Sam Stylist, GlowGlitch`);
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reply queued for email.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Email thread' }).getByText('your order GG-104233: I am on it.')).toBeVisible();

  // Tags: add (normalized), shown in the history, removable.
  await page.getByLabel('New tag').fill('Gift Wrap');
  await page.getByRole('button', { name: 'Add tag' }).click();
  const tagsCard = page.getByRole('region', { name: 'Tags' });
  await expect(tagsCard.getByRole('listitem')).toHaveText(['gift-wrap×']);
  await expect(page.getByRole('region', { name: 'History' }).getByText('Tagged gift-wrap')).toBeVisible();
  await page.getByLabel('New tag').fill('rush');
  await page.getByRole('button', { name: 'Add tag' }).click();
  await tagsCard.getByRole('button', { name: 'Remove tag rush' }).click();
  await expect(tagsCard.getByRole('listitem')).toHaveText(['gift-wrap×']);

  // The customer panel: orders by email, each a link to its order page.
  const customer = page.getByRole('region', { name: 'Customer' });
  await expect(customer.getByRole('link', { name: 'GG-104233' })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-ticket-tags-customer');
  await customer.getByRole('link', { name: 'GG-104233' }).click();
  await expect(page).toHaveURL(/\/dashboard\/orders\/GG-104233$/);
});

test('agent: keyboard shortcuts on the ticket page (a, r, n, ?) and never while typing', async ({ page }) => {
  await signIn(page, AGENT);
  await page.goto(`/dashboard/support/tickets/${tickets.bea}`);
  await expect(page.getByRole('heading', { name: `Ticket #${tickets.bea}` })).toBeVisible();
  await page.keyboard.press('r');
  const reply = page.getByRole('textbox', { name: 'Reply to the customer' });
  await expect(reply).toBeFocused();
  // Typing "a" in the reply is a letter, not "assign to me".
  await page.keyboard.type('a');
  await expect(reply).toHaveValue('a');
  await expect(page.getByRole('region', { name: 'Manage' })).toContainText('Assignee: Unassigned');
  await page.locator('h1').click();
  await page.keyboard.press('n');
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.locator('h1').click();
  await page.keyboard.press('a');
  await expect(page.getByRole('region', { name: 'Manage' })).toContainText(`Assignee: ${AGENT.name}`);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('definition')).toHaveText(['Assign the ticket to me', 'Write a reply to the customer', 'Write an internal note', 'Show these shortcuts']);
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-ticket-shortcuts-help', false);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('agent: 12+ rows at 1366×768; j/k/x select, bulk assign skips the ticket a colleague changed meanwhile', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, AGENT);
  const table = page.getByRole('table', { name: 'Stylist tickets' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const rows = await visibleRows(page);
  expect(rows, 'ticket rows wholly visible at 1366×768').toBeGreaterThanOrEqual(12);
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-tickets-desktop-1366', false);

  await page.getByRole('searchbox', { name: 'Search' }).fill(`${run}@volume.test`);
  await expect(table.locator('tbody tr')).toHaveCount(13);
  await page.getByRole('searchbox', { name: 'Search' }).fill('bulk');
  await expect(table.getByText(`bea.${run}@volume.test`)).toBeVisible();
  await expect(table.locator('tbody tr').filter({ hasText: run })).toHaveCount(3);
  // The list is newest first: Dee, Cal, Bea. j moves to the first row, x selects, j j x selects the third.
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByLabel(`Select ticket #${tickets.dee}`)).toBeChecked();
  await expect(page.getByLabel(`Select ticket #${tickets.bea}`)).toBeChecked();
  await page.getByLabel(`Select ticket #${tickets.cal}`).check();
  await expect(page.getByRole('region', { name: 'Change the selected tickets' })).toContainText('3 tickets selected');

  // A colleague takes Cal's ticket after the list was shown.
  await asColleague(baseURL!, async (call) => {
    const me = (await call('GET', '/api/dashboard/session')) as unknown as { user: { id: number } };
    return call('POST', `/api/dashboard/tickets/${tickets.cal}/assign`, { assigneeId: me.user.id });
  });
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-tickets-bulk-selected', false);
  await page.getByLabel('Assign to').selectOption({ label: `Me (${AGENT.name})` });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  const outcome = page.getByRole('status').filter({ hasText: 'Changed' });
  await expect(outcome).toContainText('Changed 1 ticket.');
  await expect(outcome).toContainText(`Skipped 1 that changed under you: Ticket #${tickets.cal} changed while you had it open: ${ADMIN.name} assigned it to ${ADMIN.name}`);
  await expect(outcome).toContainText(`Ticket #${tickets.bea} is already assigned to ${AGENT.name}.`);
  await expect(table.locator('tr', { hasText: `dee.${run}` })).toContainText(AGENT.name);
  await expect(table.locator('tr', { hasText: `cal.${run}` })).toContainText(ADMIN.name);
  await screenshot(page, 'volume-tickets-bulk-result', false);

  // Select all on the page, then set a status for all of them.
  await page.getByLabel('Select all tickets on this page').check();
  await page.getByLabel('Status', { exact: true }).last().selectOption({ label: 'Resolved' });
  await page.getByRole('button', { name: 'Set status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Changed' })).toContainText('Changed 3 tickets.');

  // ? shows the list page's shortcuts.
  await page.locator('h1').click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('definition')).toHaveText([
    'Next ticket',
    'Previous ticket',
    'Open the ticket',
    'Select or unselect the ticket',
    'Assign the ticket to me',
    'Show these shortcuts',
  ]);
  await page.keyboard.press('Escape');
});

test('agent: saved views with counts, search by order number and escaped wildcards; Enter opens', async ({ page }) => {
  await signIn(page, AGENT);
  const views = page.getByRole('navigation', { name: 'Saved views' });
  await expect(views.getByRole('link', { name: /^Mine \d+$/ })).toBeVisible();
  await views.getByRole('link', { name: /^Mine/ }).click();
  await expect(views.getByRole('link', { name: /^Mine/ })).toHaveAttribute('aria-current', 'page');
  const table = page.getByRole('table', { name: 'Stylist tickets' });
  const mine = Number((await views.getByRole('link', { name: /^Mine/ }).innerText()).replace(/\D/g, ''));
  await expect(table.locator('tbody tr')).toHaveCount(Math.min(mine, 25));
  for (const row of await table.locator('tbody tr').all()) await expect(row).toContainText(AGENT.name);
  await expectNoAxeViolations(page);
  await views.getByRole('link', { name: /^Overdue/ }).click();
  await expect(views.getByRole('link', { name: /^Overdue/ })).toHaveAttribute('aria-current', 'page');
  await views.getByRole('link', { name: 'All' }).click();

  await page.getByRole('searchbox', { name: 'Search' }).fill('50%_off');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText(`dee.${run}@volume.test`);
  await page.getByRole('searchbox', { name: 'Search' }).fill('%');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search' }).fill('gg104233');
  await expect(table.getByText('ava.martinez@example.com').first()).toBeVisible();
  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/dashboard\/support\/tickets\/\d+$/);
});

test('agent on a phone (390×844): the list is readable cards, a ticket opens', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, AGENT);
  const table = page.getByRole('table', { name: 'Stylist tickets' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
  expect(await visibleRows(page)).toBeGreaterThanOrEqual(3);
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-tickets-phone-390', false);
  await table.locator('a.ticket-link').first().click();
  await expect(page.getByRole('heading', { name: /^Ticket #\d+$/ })).toBeVisible();
  await screenshot(page, 'volume-ticket-phone-390', false);
});

test('admin: CSAT comments by rating a page at a time, and both CSV exports with the filters', async ({ page, request }) => {
  for (let i = 0; i < 12; i++) {
    const session = (await (await request.post('/api/widget/sessions', { data: { pageUrl: 'http://127.0.0.1/', visitorId: `volume-${run}-${i}` } })).json()) as { sessionId: string };
    await request.post(`/api/widget/sessions/${session.sessionId}/forms/csat`, { data: { rating: i < 11 ? 2 : 5, comment: `Volume ${run} comment ${i}`, trigger: 'widget_closed' } });
  }
  await signIn(page, ADMIN);
  await page.goto('/dashboard/support/csat');
  await page.getByLabel('Rating', { exact: true }).selectOption({ label: '2 stars' });
  const comments = page.getByRole('region', { name: 'Comments' });
  await expect(comments.getByRole('listitem')).toHaveCount(10);
  for (const stars of await comments.getByRole('img').all()) await expect(stars).toHaveAttribute('aria-label', '2 out of 5 stars');
  await expect(comments.getByRole('navigation', { name: 'Pagination' })).toContainText('Page 1 of');
  await expectNoAxeViolations(page);
  await screenshot(page, 'volume-csat-comments');
  await comments.getByRole('button', { name: 'Next' }).click();
  await expect(comments.getByRole('navigation', { name: 'Pagination' })).toContainText('Page 2 of');

  const ratings = await page.request.get((await comments.getByRole('link', { name: 'Export ratings CSV' }).getAttribute('href'))!);
  expect(ratings.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const lines = (await ratings.text()).trimEnd().split('\r\n').slice(1);
  expect(lines.length).toBeGreaterThanOrEqual(11);
  expect(lines.every((l) => l.split(',')[2] === '2')).toBe(true);

  await page.goto(`/dashboard/support?q=${encodeURIComponent(`${run}@volume.test`)}`);
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(href).toContain(`q=${encodeURIComponent(`${run}@volume.test`)}`);
  const csv = await page.request.get(href!);
  expect((await csv.text()).trimEnd().split('\r\n')).toHaveLength(14);
});

test('agent: no export links (exports are for admins)', async ({ page }) => {
  await signIn(page, AGENT);
  await expect(page.getByRole('table', { name: 'Stylist tickets' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
  expect((await page.request.get('/api/dashboard/exports/tickets.csv')).status()).toBe(403);
});
