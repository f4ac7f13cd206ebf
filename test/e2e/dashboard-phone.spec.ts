// The dashboard on a phone: the sidebar becomes a slim bar (brand and Menu), so a ticket list starts near the top of
// the screen; Menu opens the navigation, live updates and sign-out, a followed link or Escape closes it.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { ADMIN, signIn } from './dashboard.helpers';

const PHONE = { width: 390, height: 844 };

test('on a phone the sidebar is a slim bar with a Menu that opens the navigation, and closes on a link or Escape', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.setViewportSize(PHONE);
  const menu = page.getByRole('button', { name: /^Menu/ });
  const nav = page.getByRole('navigation', { name: 'Dashboard' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();
  // The bar takes under a tenth of the screen; the page's heading follows it.
  const bar = (await page.getByRole('complementary', { name: 'Sidebar' }).boundingBox())!;
  expect(bar.height).toBeLessThan(84);
  const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
  expect(heading.y).toBeLessThan(140);
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-phone-bar', false);

  // By keyboard: open, every admin page is listed, Escape closes and focus is back on Menu.
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav.getByRole('link')).toHaveText(['Stylist tickets', 'CSAT feedback', 'Orders', 'Analytics', 'Feature flags', 'Staff', 'Canned replies']);
  await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'dashboard-phone-menu', false);
  await nav.getByRole('link', { name: 'Orders' }).focus();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();

  // A link followed from the menu opens its page and closes the menu.
  await menu.click();
  await nav.getByRole('link', { name: 'Orders' }).click();
  await expect(page).toHaveURL(/\/dashboard\/orders$/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  // On the desktop there is no Menu: the sidebar shows everything.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(nav).toBeVisible();
});
