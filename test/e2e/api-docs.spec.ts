// The API reference page (/api/docs): served from this server under its CSP, no console errors, the API's operations.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';

test('the API reference opens without console errors and shows the widget, webhook and dashboard operations', async ({ page, baseURL }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Everything comes from this server: no CDN, no validator badge.
  page.on('request', (request) => {
    if (!request.url().startsWith(baseURL!) && !request.url().startsWith('data:')) problems.push(`left the server: ${request.url()}`);
  });

  await page.goto('/api/docs');
  // Swagger UI's bundle is large: on a busy machine it takes a while to parse and render.
  await expect(page.getByRole('heading', { name: /Aurora Concierge API/ })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveTitle('Aurora Concierge API reference');
  for (const tag of ['widget', 'webhooks', 'dashboard']) await expect(page.locator(`#operations-tag-${tag}`)).toBeVisible();
  const turn = page.locator('#operations-widget-post_api_widget_sessions__sessionId__messages');
  await expect(turn).toContainText('/api/widget/sessions/{sessionId}/messages');
  await expect(page.locator('#operations-webhooks-post_api_integrations_orders')).toBeVisible();
  await expect(page.locator('#operations-dashboard-post_api_dashboard_tickets__id__replies')).toBeVisible();

  // An operation opens on its responses: the answer's schema and the shared error body.
  await turn.locator('.opblock-summary').first().click();
  const responses = turn.locator('.responses-table').first();
  await expect(responses).toContainText('200');
  await expect(responses).toContainText('4XX');
  await expect(turn).toContainText('messageId');
  // The dashboard's routes name their auth: the session cookie and, on changes, the CSRF header.
  await expect(page.getByRole('button', { name: /Authorize/ })).toBeVisible();

  await expectNoAxeViolations(page);
  await screenshot(page, 'api-docs');
  expect(problems).toEqual([]);
});
