// The widget under bad conditions: failing requests, the flag off, hostile host CSS, old browsers, data saver.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { adminHeaders, answers, launcher, messageBox, openWidget, panel, sessionIdOf } from './fixtures/widget';

const MESSAGES = '**/api/widget/sessions/*/messages';

/** Serves a test page from the fixtures folder at a path of the store's origin, so /widget.js loads as on a shop page. */
async function serveFixture(page: Page, file: string) {
  const body = fs.readFileSync(path.join('test/e2e/fixtures', file), 'utf8');
  await page.route(`**/__fixtures/${file}`, (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto(`/__fixtures/${file}`);
}

test('a failed message shows "Something went wrong", keeps the text, and Try again sends it once', async ({ page, request }) => {
  await page.goto('/');
  await openWidget(page);
  const keys: string[] = [];
  // The server handles the message but the answer is lost on the way back: every retry must reuse the key.
  await page.route(MESSAGES, async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    await route.fetch();
    await route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"down"}}' });
  });
  await messageBox(page).fill('show me rings in platinum');
  await messageBox(page).press('Enter');

  const alert = panel(page).getByRole('alert');
  await expect(alert).toContainText('Something went wrong');
  await expect(messageBox(page)).toHaveValue('show me rings in platinum');
  // Order tracking opens in the widget (widget-walkthrough.spec.ts follows it), not the contact page.
  await expect(alert.getByRole('button', { name: 'Track order' })).toBeVisible();
  await expect(alert.getByRole('link', { name: 'Shop the catalog' })).toHaveAttribute('href', /\/catalog$/);
  await expect(alert.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', /\/contact$/);
  expect(keys.length).toBe(3);
  expect(new Set(keys).size).toBe(1);
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-error', false);

  await page.unroute(MESSAGES);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(alert).toBeHidden();
  await expect(answers(page).last().getByRole('list', { name: 'Products' })).toBeVisible();
  await expect(messageBox(page)).toHaveValue('');
  await expect(panel(page).getByText('show me rings in platinum')).toHaveCount(1);

  // The server stored the message once, however many times it was sent.
  const transcript = await request.get(`/api/widget/sessions/${await sessionIdOf(page)}`);
  const messages = ((await transcript.json()) as { messages: { role: string; text?: string }[] }).messages;
  expect(messages.filter((m) => m.role === 'customer' && m.text === 'show me rings in platinum')).toHaveLength(1);
});

test('renders nothing when the config says the widget is off', async ({ page }) => {
  await page.route('**/api/widget/config', (route) => route.fulfill({ contentType: 'application/json', body: '{"enabled":false}' }));
  const config = page.waitForResponse('**/api/widget/config');
  await page.goto('/');
  await config;
  await page.waitForTimeout(300);
  await expect(page.locator('aurora-concierge')).toHaveCount(0);
  await expect(launcher(page)).toHaveCount(0);
  // The page's own "Talk to a stylist" link keeps working as a plain link.
  await page.goto('/customizer');
  await page.getByRole('link', { name: 'Talk to a stylist' }).click();
  await expect(page).toHaveURL(/\/contact\?topic=custom-design/);
});

test('the global flag switched off by an admin hides the widget on every page', async ({ page, request, browser, baseURL }) => {
  const headers = await adminHeaders(request);
  const off = await request.put('/api/dashboard/flags/widget_enabled', { headers, data: { enabled: false } });
  expect(off.ok()).toBe(true);
  try {
    expect(await (await request.get('/api/widget/config')).json()).toMatchObject({ enabled: false });
    const config = page.waitForResponse('**/api/widget/config');
    await page.goto('/catalog');
    await config;
    await page.waitForTimeout(300);
    await expect(launcher(page)).toHaveCount(0);
  } finally {
    await request.put('/api/dashboard/flags/widget_enabled', { headers, data: { enabled: true } });
  }
  // Switched back on, a new visit shows it again (the config is cached for 30 seconds, so a fresh browser).
  const fresh = await (await browser.newContext({ baseURL })).newPage();
  await fresh.goto('/catalog');
  await expect(launcher(fresh)).toBeVisible();
  await fresh.context().close();
});

test('host CSS cannot restyle or hide it', async ({ page }) => {
  await serveFixture(page, 'hostile-host.html');
  await expect(launcher(page)).toBeVisible();
  const button = (await launcher(page).boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(Math.round(button.width)).toBe(60);
  expect(viewport.width - (button.x + button.width)).toBeCloseTo(20, 0);
  expect(viewport.height - (button.y + button.height)).toBeCloseTo(20, 0);

  await openWidget(page);
  const styles = await messageBox(page).evaluate((el) => {
    const style = getComputedStyle(el);
    return { fontSize: style.fontSize, color: style.color, display: style.display };
  });
  expect(styles.fontSize).not.toBe('40px');
  expect(styles.color).not.toBe('rgb(255, 0, 0)');
  await expect.poll(async () => Math.round((await panel(page).boundingBox())!.width)).toBe(390);
  const heading = panel(page).getByRole('heading', { name: 'Aurora Concierge' });
  expect(await heading.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/Cormorant|Georgia|serif/);
  expect(await heading.evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/Comic/);
  await screenshot(page, 'widget-hostile-host', false);
});

test('does nothing, and breaks nothing, where Custom Elements are missing', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'customElements', { value: undefined, configurable: true });
    delete (window as { customElements?: unknown }).customElements;
  });
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('aurora-concierge')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});

test('on data saver the chat app waits for the customer; otherwise it loads when the page is idle', async ({ page }) => {
  const appRequests: string[] = [];
  page.on('request', (req) => {
    if (/\/widget\/app-[\w-]+\.js$/.test(req.url())) appRequests.push(req.url());
  });
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true }));
  await page.goto('/');
  await expect(launcher(page)).toBeVisible();
  await page.waitForTimeout(2500);
  expect(appRequests).toHaveLength(0);
  await launcher(page).hover();
  await expect.poll(() => appRequests.length).toBe(1);
  await openWidget(page);

  const idlePage = await page.context().newPage();
  const idleRequests: string[] = [];
  idlePage.on('request', (req) => {
    if (/\/widget\/app-[\w-]+\.js$/.test(req.url())) idleRequests.push(req.url());
  });
  await idlePage.goto('/catalog');
  await expect.poll(() => idleRequests.length, { timeout: 8000 }).toBe(1);
});
