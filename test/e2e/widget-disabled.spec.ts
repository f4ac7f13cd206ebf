// The global switch turned off while a customer has the widget open (audit item 13): a polite closed state.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { adminHeaders, launcher, messageBox, openWidget, panel, say } from './fixtures/widget';

/** Runs `steps` with widget_enabled off, switched by an admin in the dashboard's API, and always switches it back on. */
async function whileSwitchedOff(request: APIRequestContext, steps: () => Promise<void>) {
  const headers = await adminHeaders(request);
  expect((await request.put('/api/dashboard/flags/widget_enabled', { headers, data: { enabled: false } })).ok()).toBe(true);
  try {
    await steps();
  } finally {
    await request.put('/api/dashboard/flags/widget_enabled', { headers, data: { enabled: true } });
  }
}

test('switched off while open, the next message shows the closed state with working contact links', async ({ page, request }) => {
  const consoleProblems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
  });
  const analytics: string[] = [];
  page.on('request', (req) => {
    if (req.url().endsWith('/api/widget/events')) analytics.push(req.postData() ?? '');
  });
  await page.goto('/catalog');
  await openWidget(page);
  await expect((await say(page, 'show me rings in rose gold')).getByRole('list', { name: 'Products' })).toBeVisible();

  await whileSwitchedOff(request, async () => {
    const messages: number[] = [];
    page.on('response', (res) => {
      if (res.url().endsWith('/messages')) messages.push(res.status());
    });
    await messageBox(page).fill('Is this ring available in size 6?');
    await panel(page).getByRole('button', { name: 'Send' }).click();

    const closed = panel(page).getByRole('region', { name: 'Our concierge is away for now' });
    await expect(closed).toBeVisible();
    await expect(closed).toContainText('your message wasn’t sent');
    await expect(closed.getByRole('heading', { name: 'Our concierge is away for now' })).toBeFocused();
    // No chat and no forms that cannot work: the message box, Send and the old answers are gone; no retry either.
    await expect(messageBox(page)).toHaveCount(0);
    await expect(panel(page).getByRole('button', { name: 'Send' })).toHaveCount(0);
    await expect(panel(page).getByRole('region', { name: 'Conversation' })).toHaveCount(0);
    await expect(panel(page).getByRole('alert')).toHaveCount(0);
    expect(messages).toEqual([503]); // the switch is final: asked once, not retried

    const email = closed.getByRole('link', { name: 'Email hello@glowglitch.example' });
    const mailto = new URL((await email.getAttribute('href'))!);
    expect(mailto.protocol).toBe('mailto:');
    expect(mailto.pathname).toBe('hello@glowglitch.example');
    expect(mailto.searchParams.get('subject')).toBe('A question for GlowGlitch');
    expect(mailto.searchParams.get('body')).toBe('Is this ring available in size 6?');

    await expectNoAxeViolations(page, 'aurora-concierge');
    await screenshot(page, 'widget-disabled', false);
    expect(consoleProblems.filter((text) => !/503|Failed to load resource/.test(text))).toEqual([]);

    // The switch is not reported as an error (it would feed the error-rate alert); the contact link leads to the form.
    expect(analytics.filter((body) => body.includes('"type":"error"'))).toEqual([]);
    await closed.getByRole('link', { name: 'Visit our contact page' }).click();
    await expect(page).toHaveURL(/\/contact$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Contact us' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Contact form' })).toBeVisible();
  });
});

test('opened after the switch, the widget says it is away instead of starting a conversation', async ({ page, request }) => {
  await page.goto('/');
  await expect(launcher(page)).toBeVisible();
  await whileSwitchedOff(request, async () => {
    await launcher(page).click();
    const closed = panel(page).getByRole('region', { name: 'Our concierge is away for now' });
    await expect(closed).toBeVisible();
    await expect(closed).not.toContainText('wasn’t sent');
    await expect(closed.getByRole('link', { name: 'Visit our contact page' })).toHaveAttribute('href', /\/contact$/);
    await page.setViewportSize({ width: 390, height: 844 }); // a phone: the panel takes the screen
    await expectNoAxeViolations(page, 'aurora-concierge');
    await screenshot(page, 'widget-disabled-phone', false);
    // Closing goes straight back to the launcher: nothing to rate.
    await panel(page).getByRole('button', { name: 'Close' }).click();
    await expect(panel(page)).toBeHidden();
    await expect(launcher(page)).toBeFocused();
  });
});
