// Desktop notifications (issue 12 item 5): off until the agent turns them on and the browser grants permission;
// then a new ticket or a customer's reply, while the agent is in another window, shows a notification naming only the
// ticket number (no customer words on a lock screen), and clicking it opens the ticket. Headless Chromium has no
// desktop and never loses focus, so the page is told it is in the background, and each notification the page creates
// with the browser's own Notification is recorded: what it says, and its click.
import { expect, test } from '@playwright/test';
import { AGENT, createTicketViaWidget, signIn } from './dashboard.helpers';
import { expectNoAxeViolations, screenshot } from './support';

test.describe.configure({ timeout: 60_000 });

test('turned on, a new ticket in another window shows a notification with the ticket number only; clicking it opens the ticket', async ({ browser, request }) => {
  const context = await browser.newContext({ permissions: ['notifications'] });
  try {
    await context.addInitScript(() => {
      const Real = window.Notification;
      const shown: { title: string; body?: string; tag?: string; notification: Notification }[] = [];
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body, tag: options?.tag, notification: this });
        }
      }
      Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true });
      Object.assign(window, { shownNotifications: shown, goToBackground: () => Object.assign(document, { hasFocus: () => false }) });
    });
    const page = await context.newPage();
    await signIn(page, AGENT);
    await expect(page.getByRole('status').filter({ hasText: 'Live updates on' })).toBeVisible();

    // Off until asked for: nothing is shown for a ticket that comes in meanwhile.
    await page.evaluate(() => (window as unknown as { goToBackground: () => void }).goToBackground());
    const quiet = await createTicketViaWidget(request, { name: 'Nora Quiet', email: 'nora.quiet@example.com', message: 'Is the Lune pendant on a chain?' });
    await expect(page.getByRole('link', { name: `Ticket #${quiet.ticketId} from Nora Quiet` })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications.length)).toBe(0);

    await page.getByRole('button', { name: 'Turn on desktop notifications' }).click();
    await expect(page.getByText('Desktop notifications on')).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, 'live-notifications-on');

    const { ticketId } = await createTicketViaWidget(request, { name: 'Mira Private', email: 'mira.private@example.com', message: 'My ring size is 6 and my address is 12 Rue Secret' });
    await expect.poll(() => page.evaluate(() => (window as unknown as { shownNotifications: { title: string }[] }).shownNotifications.map((n) => n.title))).toEqual([`New ticket #${ticketId}`]);
    const shown = await page.evaluate(() => (window as unknown as { shownNotifications: { title: string; body?: string; tag?: string }[] }).shownNotifications.map(({ title, body, tag }) => ({ title, body, tag })));
    expect(shown).toEqual([{ title: `New ticket #${ticketId}`, body: 'Aurora Dashboard · click to open it', tag: `ticket-${ticketId}` }]);
    expect(JSON.stringify(shown)).not.toMatch(/Mira|mira\.private|Rue Secret|ring size/);

    // Clicking the notification opens the ticket in the dashboard.
    await page.evaluate(() => {
      const { notification } = (window as unknown as { shownNotifications: { notification: Notification }[] }).shownNotifications[0]!;
      notification.onclick!(new Event('click'));
    });
    await expect(page.getByRole('heading', { name: `Ticket #${ticketId}` })).toBeVisible();

    // Turned off, nothing more is shown (the news still reaches the page: the sidebar counts it).
    await page.getByRole('button', { name: 'Turn off' }).click();
    await expect(page.getByRole('button', { name: 'Turn on desktop notifications' })).toBeVisible();
    const unread = page.locator('.live-unread strong');
    const before = Number(await unread.textContent());
    await createTicketViaWidget(request, { name: 'Ada After', email: 'ada.after@example.com', message: 'Do you ship to Canada?' });
    await expect(unread).toHaveText(String(before + 1));
    expect(await page.evaluate(() => (window as unknown as { shownNotifications: unknown[] }).shownNotifications.length)).toBe(1);
  } finally {
    await context.close();
  }
});
