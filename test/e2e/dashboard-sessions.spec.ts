// Sign out everywhere: one device ends every session of the account, and the others are sent to the login page.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { AGENT, signIn } from './dashboard.helpers';

test('agent signed in on two devices: "Sign out everywhere" on one sends the other to the login page', async ({ page: laptop, browser }) => {
  // A second browser context: its own cookies, as on another device.
  const phoneContext = await browser.newContext();
  const phone = await phoneContext.newPage();
  try {
    await signIn(laptop, AGENT);
    await signIn(phone, AGENT);
    await expectNoAxeViolations(phone);
    await screenshot(phone, 'dashboard-sign-out-everywhere');

    await phone.getByRole('button', { name: 'Sign out everywhere' }).click();
    await expect(phone).toHaveURL(/\/dashboard\/login$/);

    // The laptop's next step finds its session gone.
    await laptop.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Orders' }).click();
    await expect(laptop).toHaveURL(/\/dashboard\/login\?next=%2Fdashboard%2Forders$/);
    await expect(laptop.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect((await laptop.request.get('/api/dashboard/session')).status()).toBe(401);
    await expectNoAxeViolations(laptop);

    // Signing in again works as before.
    await signIn(laptop, AGENT);
  } finally {
    await phoneContext.close();
  }
});
