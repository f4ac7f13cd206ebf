// The concierge widget as a shopper uses it: open and close, welcome, product discovery, shortlist, order tracking.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { answers, launcher, messageBox, openWidget, panel, say } from './fixtures/widget';

test('opens with a welcome and quick links, and closes with the mouse', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await expect(messageBox(page)).toBeFocused();
  const quick = panel(page).getByRole('group', { name: 'Suggestions' });
  for (const label of ['Track my order', 'Find jewelry', 'Return or resize', 'Talk to a stylist']) {
    await expect(quick.getByRole('button', { name: label })).toBeVisible();
  }
  await expect(launcher(page)).toBeHidden();
  await panel(page).getByRole('button', { name: 'Close' }).click();
  await expect(panel(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
});

test('finds rings, refines to rose gold and cheaper, and links each card to its product page', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  const rings = await say(page, 'show me rings');
  const first = rings.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(first.first()).toBeVisible();

  const rose = await say(page, 'in rose gold');
  const roseCards = rose.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(roseCards.first()).toBeVisible();
  for (const meta of await roseCards.locator('.card-meta').allTextContents()) expect(meta).toMatch(/Rose gold/);
  const rosePrices = (await roseCards.locator('.card-price').allTextContents()).map((p) => Number(p.replace(/[^0-9.]/g, '')));

  // "cheaper" keeps rings in rose gold and lowers the budget below what was shown (or says honestly there is nothing).
  const cheaper = await say(page, 'cheaper');
  await expect(cheaper).toContainText(/rose gold rings/i);
  const budget = Number(/under \$([\d,.]+)/.exec((await cheaper.textContent())!)![1]!.replace(/,/g, ''));
  expect(budget).toBeLessThan(Math.min(...rosePrices));
  const cheaperCards = cheaper.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(cheaperCards.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-products-desktop', false);

  const link = cheaperCards.first().getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});
