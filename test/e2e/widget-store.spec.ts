// The widget on the demo store: on every page, aware of the product page, and credited with the purchase.
import { expect, test } from '@playwright/test';
import { adminHeaders, answers, launcher, openWidget, panel, say, sessionIdOf } from './fixtures/widget';

test('every store page carries one async widget tag, and the launcher shows on each', async ({ page }) => {
  await page.goto('/catalog?category=necklace&available=true');
  const productPath = new URL((await page.getByRole('list', { name: 'Products' }).getByRole('link').first().getAttribute('href'))!, page.url()).pathname;
  for (const path of ['/', '/catalog', productPath, '/cart', '/checkout', '/customizer', '/contact']) {
    await page.goto(path);
    const tags = page.locator('script[src="/widget.js"]');
    await expect(tags).toHaveCount(1);
    expect(await tags.getAttribute('async')).not.toBeNull();
    await expect(launcher(page)).toBeVisible();
  }
});

test('on a product page the widget knows the product', async ({ page }) => {
  await page.goto('/catalog?category=ring&available=true');
  await page.getByRole('list', { name: 'Products' }).getByRole('link').first().click();
  const productId = await page.locator('script[src="/widget.js"]').getAttribute('data-product-id');
  expect(Number(productId)).toBeGreaterThan(0);
  const title = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  const started = page.waitForRequest((req) => req.url().endsWith('/api/widget/sessions') && req.method() === 'POST');
  await launcher(page).click();
  expect((await started).postDataJSON()).toMatchObject({ productId: Number(productId) });
  await expect(answers(page).first()).toBeVisible();

  const sent = page.waitForRequest((req) => /\/messages$/.test(req.url()));
  const answer = await say(page, 'does this come in white gold?');
  expect((await sent).postDataJSON()).toMatchObject({ productId: Number(productId) });
  await expect(answer).toContainText(title);
});

test('a purchase after using the widget records the concierge session on the order', async ({ page, request }) => {
  await page.goto('/');
  await openWidget(page);
  await say(page, 'show me necklaces');
  const sessionId = await sessionIdOf(page);
  expect(sessionId).toMatch(/^cs_/);

  await page.goto('/catalog?category=necklace&available=true');
  await page.getByRole('list', { name: 'Products' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Add to bag' }).click();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByLabel('Full name').fill('Maya Reyes');
  await page.getByLabel('Email').fill('maya.reyes@example.com');
  await page.getByLabel('Address').fill('88 Harbor St');
  await page.getByLabel('City').fill('Seattle');
  await page.getByLabel('Postal code').fill('98101');
  const checkout = page.waitForRequest((req) => req.url().endsWith('/checkout') && req.method() === 'POST');
  await page.getByRole('button', { name: 'Place order' }).click();
  expect(new URLSearchParams((await checkout).postData()!).get('conciergeSessionId')).toBe(sessionId);
  const number = (await page.getByTestId('order-number').textContent())!.trim();

  // The support team sees it on the order (D6).
  await adminHeaders(request);
  const order = await request.get(`/api/dashboard/orders/${number}`);
  expect(order.status()).toBe(200);
  expect(JSON.stringify(await order.json())).toContain(sessionId!);
});

test('the page\'s own "Talk to a stylist" link opens the widget on the stylist form', async ({ page }) => {
  await page.goto('/customizer');
  await expect(launcher(page)).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Talk to a stylist' }).click();
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByRole('form', { name: 'Talk to a stylist' })).toBeVisible();
  await expect(page).toHaveURL(/\/customizer$/);
});
