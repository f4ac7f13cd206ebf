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
  // Screen readers hear the answer through the panel's live region (the message box has its own, for its counter).
  await expect(panel(page).locator(':scope > [aria-live="polite"]')).toContainText(/Aurora Concierge: Here .* ready-to-ship rings.* products shown/);

  const rose = await say(page, 'in rose gold');
  const roseCards = rose.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(roseCards.first()).toBeVisible();
  for (const meta of await roseCards.locator('.card-meta').allTextContents()) expect(meta).toMatch(/Rose gold/);
  const rosePrices = (await roseCards.locator('.card-price').allTextContents()).map((p) => Number(p.replace(/[^0-9.]/g, '')));

  // "cheaper" keeps rings in rose gold and lowers the budget below what was shown (or says honestly there is nothing).
  const cheaper = await say(page, 'cheaper');
  await expect(cheaper).toContainText(/rose gold rings/i);
  // "Under $X" means strictly below X, and X is no more than the cheapest piece shown before.
  const budget = Number(/under \$([\d,.]+)/.exec((await cheaper.textContent())!)![1]!.replace(/,/g, ''));
  expect(budget).toBeLessThanOrEqual(Math.min(...rosePrices));
  const cheaperCards = cheaper.getByRole('list', { name: 'Products' }).getByRole('listitem');
  await expect(cheaperCards.first()).toBeVisible();
  // Whether they match or are the nearest alternatives (another metal, same budget), every card is cheaper.
  for (const price of (await cheaperCards.locator('.card-price').allTextContents()).map((p) => Number(p.replace(/[^0-9.]/g, '')))) {
    expect(price).toBeLessThan(Math.min(...rosePrices));
  }
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-products-desktop', false);

  const link = cheaperCards.first().getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/products\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('is usable with the keyboard alone: open, search, pick a suggestion, Escape closes and focus returns', async ({ page }) => {
  await page.goto('/catalog');
  // Tab until the launcher has focus (it comes last, after the page's own links).
  for (let i = 0; i < 80 && !(await launcher(page).evaluate((el) => el.matches(':focus')).catch(() => false)); i++) await page.keyboard.press('Tab');
  await expect(launcher(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page)).toBeVisible();
  await expect(messageBox(page)).toBeFocused();
  await expect(answers(page).first()).toContainText('Aurora');

  await page.keyboard.type('show me earrings');
  await page.keyboard.press('Enter');
  await expect(answers(page)).toHaveCount(2);
  await expect(answers(page).last().getByRole('list', { name: 'Products' })).toBeVisible();
  await expect(messageBox(page)).toHaveValue('');

  // Shift+Tab from the box reaches the answer's suggestions; Enter picks one.
  await page.keyboard.press('Shift+Tab');
  const suggestion = panel(page).getByRole('group', { name: 'Suggestions' }).getByRole('button', { name: 'Talk to a stylist' });
  await expect(suggestion).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByRole('form', { name: 'Talk to a stylist' })).toBeVisible();

  await page.keyboard.press('Escape');
  // A real conversation: the widget asks for a rating once, then Escape closes.
  await expect(panel(page).getByRole('group', { name: 'Rate this chat' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toBeHidden();
  await expect(launcher(page)).toBeFocused();
});

test('saves products to the shortlist, lists and removes them', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  const answer = await say(page, 'show me necklaces');
  const cards = answer.getByRole('list', { name: 'Products' }).getByRole('listitem');
  const name = (await cards.first().locator('.card-name').textContent())!;
  await cards.first().getByRole('button', { name: `Save ${name} to shortlist` }).click();
  await expect(cards.first().getByRole('button', { name: `Saved ${name}, remove from shortlist` })).toBeVisible();
  await expect(panel(page).getByRole('button', { name: 'Shortlist, 1 saved' })).toBeVisible();

  await panel(page).getByRole('button', { name: 'Shortlist, 1 saved' }).click();
  const saved = panel(page).getByRole('list', { name: 'Saved products' });
  await expect(saved.getByRole('link', { name })).toBeVisible();
  await expectNoAxeViolations(page);

  // The shortlist belongs to the visitor: it is still there on another page.
  await page.goto('/catalog');
  await openWidget(page);
  await panel(page).getByRole('button', { name: 'Shortlist, 1 saved' }).click();
  await expect(saved.getByRole('link', { name })).toBeVisible();
  await saved.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(panel(page).getByText('Nothing saved yet')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Back to chat' }).click();
  await expect(messageBox(page)).toBeVisible();
});

test('keeps the conversation when closed and reopened, and across a reload', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await say(page, 'show me bracelets');
  await expect(answers(page)).toHaveCount(2);
  await page.evaluate(() => window.AuroraConcierge!.close());
  await expect(panel(page)).toBeHidden();
  await launcher(page).click();
  await expect(panel(page).getByText('show me bracelets')).toBeVisible();

  const sessionId = await page.evaluate(() => window.AuroraConcierge!.getSessionId());
  expect(sessionId).toBeTruthy();
  await page.reload();
  await launcher(page).click();
  await expect(panel(page).getByText('show me bracelets')).toBeVisible();
  await expect(answers(page)).toHaveCount(2);
  expect(await page.evaluate(() => window.AuroraConcierge!.getSessionId())).toBe(sessionId);

  // A session the server no longer knows (expired after 24 hours) starts a fresh one instead of failing.
  await page.evaluate(() => sessionStorage.setItem('auroraConcierge.session', JSON.stringify({ id: 'cs_expiredsession00000000', expiresAt: new Date(Date.now() + 60_000).toISOString() })));
  await messageBox(page).fill('show me rings');
  await messageBox(page).press('Enter');
  await expect(answers(page).last().getByRole('list', { name: 'Products' })).toBeVisible();
  await expect(panel(page).getByText('show me bracelets')).toBeHidden();
  expect(await page.evaluate(() => window.AuroraConcierge!.getSessionId())).not.toBe('cs_expiredsession00000000');
});

test('the open widget passes axe and looks right on desktop and on a phone', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-open-desktop', false);
  await say(page, 'Track my order');
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/catalog');
  await launcher(page).click();
  await expect(panel(page)).toBeVisible();
  // Full screen on a phone (polled: the panel rises in with a short animation).
  await expect.poll(async () => (await panel(page).boundingBox())!.width).toBe(390);
  await expect.poll(async () => (await panel(page).boundingBox())!.height).toBe(844);
  const answer = await say(page, 'rose gold rings under 3000');
  // The newest answer is shown from its first line: just below the top of the conversation, not under the header.
  const transcript = panel(page).getByRole('region', { name: 'Conversation' });
  const offset = async () => (await answer.boundingBox())!.y - (await transcript.boundingBox())!.y;
  let previous = Number.NaN; // the transcript scrolls smoothly: measure once it has come to rest
  await expect.poll(async () => previous === (previous = await offset()), { intervals: [150] }).toBe(true);
  expect(previous).toBeGreaterThanOrEqual(0);
  expect(previous).toBeLessThanOrEqual(40);
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-open-mobile', false);
});
