// The demo store as a shopper uses it: browse, filter, open a product, check out, see the order number.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';

test('home page shows featured pieces and categories', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fine jewelry, ready when you are');
  await expect(page.getByRole('list', { name: 'Featured pieces' }).getByRole('listitem')).toHaveCount(8);
  await expectNoAxeViolations(page);
  await screenshot(page, 'store-home');
});

test('filter the catalog by category, metal and price, then page through', async ({ page }) => {
  await page.goto('/catalog');
  await page.getByLabel('Category').selectOption('ring');
  await page.getByLabel('Metal').selectOption('gold');
  await page.getByLabel('Max').fill('2000');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/category=ring/);
  const cards = page.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const prices = await cards.locator('.price').allTextContents();
  for (const price of prices) expect(Number(price.replace(/[^0-9.]/g, ''))).toBeLessThanOrEqual(2000);
  const metals = await cards.locator('.meta').allTextContents();
  for (const metal of metals) expect(metal).toMatch(/^(Yellow|White|Rose) gold\b/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'store-catalog-filtered');

  await page.goto('/catalog');
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('status')).toContainText('page 2 of');
});

test('open a product, add it to the bag, check out and see the order number', async ({ page }) => {
  await page.goto('/catalog?category=necklace&available=true');
  const first = page.getByRole('list', { name: 'Products' }).getByRole('link').first();
  const name = (await first.locator('h3').textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expectNoAxeViolations(page);
  await screenshot(page, 'store-product');

  await page.getByRole('button', { name: 'Add to bag' }).click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'store-cart');

  await page.getByRole('link', { name: 'Checkout' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByText('Please enter your full name.')).toBeVisible();
  await page.getByLabel('Full name').fill('Maya Reyes');
  await page.getByLabel('Email').fill('maya.reyes@example.com');
  await page.getByLabel('Address').fill('88 Harbor St');
  await page.getByLabel('City').fill('Seattle');
  await page.getByLabel('Postal code').fill('98101');
  await expectNoAxeViolations(page);
  await screenshot(page, 'store-checkout');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your order is confirmed');
  await expect(page.getByTestId('order-number')).toHaveText(/^GG-\d{6}$/);
  await expectNoAxeViolations(page);
  await screenshot(page, 'store-order-confirmed');
});

test('a ring needs a size before it goes in the bag', async ({ page }) => {
  await page.goto('/catalog?category=ring&available=true');
  await page.getByRole('list', { name: 'Products' }).getByRole('link').first().click();
  await page.getByLabel('Ring size').selectOption({ index: 2 });
  await page.getByRole('button', { name: 'Add to bag' }).click();
  await expect(page.getByText(/size \d/)).toBeVisible();
});

for (const path of ['/customizer', '/contact', '/status', '/products/does-not-exist']) {
  test(`${path} is accessible`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, `store-${path.replace(/\W+/g, '-').replace(/^-|-$/g, '')}`);
  });
}

test('the contact form stores a message and says so', async ({ page }) => {
  await page.goto('/contact');
  // Scoped to the form: the concierge widget on the page has a "Message" box of its own.
  const form = page.getByRole('form', { name: 'Contact form' });
  await form.getByLabel('Your name').fill('Lena');
  await form.getByLabel('Email').fill('lena@example.com');
  await form.getByLabel('Message').fill('Do you resize vintage rings?');
  await form.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByRole('status')).toContainText('your message is with our team');
});
