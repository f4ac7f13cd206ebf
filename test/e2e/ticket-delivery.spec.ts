// Issue 12 item 3: a reply counts once its email is delivered, and the agent sees where each reply stands.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { AGENT, createTicketViaWidget, signIn } from './dashboard.helpers';

test('agent: a reply shows Email queued, then Email sent once the outbox delivered it', async ({ page, request }) => {
  const email = `dora.${Date.now().toString(36)}@example.com`;
  const { ticketId } = await createTicketViaWidget(request, { name: 'Dora Diaz', email, message: 'Could you check the clasp on my bracelet order?' });
  await signIn(page, AGENT);
  await page.goto(`/dashboard/support/tickets/${ticketId}`);
  await page.getByLabel('Reply to the customer').fill('Hello Dora, the clasp is a lobster clasp in 14k gold.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  const thread = page.getByRole('region', { name: 'Email thread' });
  await expect(thread.getByText('Email queued')).toBeVisible();
  await expectNoAxeViolations(page);
  // The outbox worker (every WORKER_POLL_SECONDS) delivers it to the demo mailbox; the page shows it on the next load.
  await expect(async () => {
    await page.reload();
    await expect(thread.getByText('Email sent')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectNoAxeViolations(page);
  await screenshot(page, 'ticket-reply-delivered');
});
