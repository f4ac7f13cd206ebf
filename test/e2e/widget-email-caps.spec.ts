// Audit item 4 in the browser: a stylist request over the email caps is refused (429) and the widget says so
// politely, in the server's words, instead of "we couldn't reach the concierge".
import { expect, test } from '@playwright/test';
import { openWidget, panel } from './fixtures/widget';

test('a stylist request over the per-session email cap shows the polite wait message', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await panel(page).getByRole('button', { name: 'Talk to a stylist' }).click();
  const form = panel(page).getByRole('form', { name: 'Talk to a stylist' });
  await expect(form).toBeVisible();
  const sessionId = await page.evaluate(() => (window as unknown as { AuroraConcierge: { getSessionId(): string | null } }).AuroraConcierge.getSessionId());
  expect(sessionId).toBeTruthy();
  // The session's five emails for this hour, sent before the customer's own try.
  for (let i = 0; i < 5; i++) {
    const sent = await page.request.post(`/api/widget/sessions/${sessionId}/forms/stylist`, {
      data: { name: 'Maya Reyes', email: `maya.caps.${i}@example.com`, message: 'Engraving on a pendant?' },
      headers: { 'idempotency-key': `caps-e2e-${i}-${sessionId}` },
    });
    expect(sent.status()).toBe(200);
  }

  await form.getByLabel('Name').fill('Maya Reyes');
  await form.getByLabel('Email').fill('maya.reyes@example.com');
  await form.getByLabel('How can a stylist help?').fill('One more question about the engraving.');
  await form.getByRole('button', { name: 'Send to a stylist' }).click();
  const notice = panel(page).getByRole('alert');
  await expect(notice.getByText('Please wait a little')).toBeVisible();
  await expect(notice.getByText(/several requests from you in the last hour/)).toBeVisible();
  await expect(notice.getByText('We couldn’t reach the concierge', { exact: false })).toHaveCount(0);
  await expect(notice.getByRole('link', { name: 'Contact us' })).toBeVisible();
});
