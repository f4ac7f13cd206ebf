// The support dashboard as an admin: analytics, the widget switch, staff accounts, and everything an agent sees.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { ADMIN, actionOutcome, createTicketViaWidget, signIn } from './dashboard.helpers';

test.describe.configure({ mode: 'serial' });

test('admin: concierge analytics shows open rate, intents, conversion and error rate with charts', async ({ page, request }) => {
  for (let i = 0; i < 4; i++) {
    const { sessionId } = await createTicketViaWidget(request, { name: `Analytics ${i}`, email: `analytics${i}@example.com`, message: 'Custom pricing please', say: ['where is my order', 'show me rings under 500'] });
    await request.post('/api/widget/events', { data: { type: 'widget_loaded', sessionId } });
    if (i < 3) await request.post('/api/widget/events', { data: { type: 'widget_opened', sessionId } });
  }
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Analytics' }).click();
  await expect(page).toHaveURL(/\/dashboard\/analytics\/concierge$/);
  await expect(page.getByRole('heading', { name: 'Concierge analytics' })).toBeVisible();
  for (const label of ['Widget open rate', 'Conversion rate', 'Error rate']) await expect(page.locator('.stat').filter({ hasText: label })).toBeVisible();
  await expect(page.locator('.stat').filter({ hasText: 'Widget open rate' })).toContainText(/\d+ opens of \d+ loads/);
  await expect(page.getByRole('img', { name: /Most common intents/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Open rate and error rate by day/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Widget loads, opens and messages by day/ })).toBeVisible();
  // An axis of counts is labelled in whole numbers.
  const eventTicks = await page.getByRole('img', { name: /Widget loads, opens and messages by day/ }).locator('text.tick[text-anchor="end"]').allTextContents();
  expect(eventTicks.length).toBeGreaterThanOrEqual(2);
  for (const tick of eventTicks) expect(tick).toMatch(/^\d+$/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-analytics');
});

test('admin: switch the widget off and on again', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Feature flags' }).click();
  const toggle = page.getByRole('switch', { name: 'Aurora Concierge widget' });
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(actionOutcome(page)).toHaveText('Aurora Concierge widget is now off.');
  expect((await (await page.request.get('/api/widget/config')).json()).enabled).toBe(false);
  await expect(page.getByText(`by ${ADMIN.email}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-flags');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  expect((await (await page.request.get('/api/widget/config')).json()).enabled).toBe(true);
});

test('admin: add a stylist, who signs in with the generated password; reset it; disable them', async ({ page, browser }) => {
  await signIn(page, ADMIN);
  await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Staff' }).click();
  await page.getByLabel('Name').fill('Rosa Lind');
  await page.getByLabel('Email').fill('rosa.lind@glowglitch.test');
  await page.getByRole('button', { name: 'Add staff member' }).click();
  const password = (await actionOutcome(page).locator('code').textContent())!;
  expect(password).toMatch(/^[\w]{5}(-[\w]{5}){3}$/);
  const table = page.getByRole('table', { name: 'Staff accounts' });
  await expect(table.getByRole('row', { name: /Rosa Lind/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-staff');

  const rosa = await browser.newPage();
  await signIn(rosa, { email: 'rosa.lind@glowglitch.test', password });
  await expect(rosa.locator('.whoami-name')).toHaveText('Rosa Lind');

  await page.getByRole('button', { name: 'Reset password of Rosa Lind' }).click();
  await expect(actionOutcome(page)).toContainText('New password for Rosa Lind');
  const newPassword = (await actionOutcome(page).locator('code').textContent())!;
  expect(newPassword).not.toBe(password);
  // A reset ends the old sessions.
  expect((await rosa.request.get('/api/dashboard/session')).status()).toBe(401);
  await signIn(rosa, { email: 'rosa.lind@glowglitch.test', password: newPassword });

  await page.getByRole('button', { name: 'Disable Rosa Lind' }).click();
  await expect(actionOutcome(page)).toContainText('Rosa Lind is disabled');
  await expect(table.getByRole('row', { name: /Rosa Lind/ }).getByText('Disabled')).toBeVisible();
  expect((await rosa.request.get('/api/dashboard/session')).status()).toBe(401);
  await rosa.goto('/dashboard/login');
  await rosa.getByLabel('Email').fill('rosa.lind@glowglitch.test');
  await rosa.getByLabel('Password').fill(newPassword);
  await rosa.getByRole('button', { name: 'Sign in' }).click();
  // A disabled account answers like a wrong password (nothing tells an attacker the password was right).
  await expect(rosa.getByRole('alert')).toContainText('The email or password is incorrect.');
  await rosa.close();
});

test('admin: sees every section, including the tickets an agent works on', async ({ page }) => {
  await signIn(page, ADMIN);
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(nav.getByRole('link')).toHaveText(['Stylist tickets', 'CSAT feedback', 'Orders', 'Analytics', 'Feature flags', 'Staff', 'Canned replies']);
  await page.getByLabel('Assignee').selectOption('unassigned');
  await expect(page).toHaveURL(/assignee=unassigned/);
  const table = page.getByRole('table', { name: 'Stylist tickets' });
  await table.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: /Ticket #\d+/ })).toBeVisible();
  await page.getByLabel('Assign to').selectOption({ label: 'Sam Stylist' });
  await expect(actionOutcome(page)).toHaveText('Assignee changed.');
  await expect(page.getByRole('region', { name: 'History' }).getByText('Assigned to Sam Stylist')).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-admin-ticket');
});
