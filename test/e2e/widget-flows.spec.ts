// The widget's guided flows: order tracking (match and mismatch), stylist hand-off, return/resize and CSAT forms.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, screenshot } from './support';
import { answers, launcher, openWidget, panel, say } from './fixtures/widget';

// West of UTC, where a calendar day parsed as midnight UTC would show as the day before.
test.use({ timezoneId: 'America/Los_Angeles' });

test('tracks the demo order with its email, and a wrong pair reveals nothing', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await panel(page).getByRole('button', { name: 'Track my order' }).click();
  const form = panel(page).getByRole('form', { name: 'Track your order' });
  await expect(form).toBeVisible();

  // Checked in the browser first, with the errors tied to their fields.
  await form.getByRole('button', { name: 'Track order' }).click();
  await expect(form.getByLabel('Order number')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Enter your order number, like GG-104233.')).toBeVisible();
  await expect(form.getByLabel('Order number')).toBeFocused();

  // A mismatch: the same answer as an order that does not exist.
  await form.getByLabel('Order number').fill('GG-104233');
  await form.getByLabel('Email').fill('someone.else@example.com');
  await form.getByRole('button', { name: 'Track order' }).click();
  const miss = answers(page).last();
  await expect(miss).toContainText("I couldn't find an order with that number and email");
  await expect(miss).not.toContainText(/Shipped|Processing|Delivered/);
  await expect(panel(page).getByText('Looked up order GG-104233')).toBeVisible();

  const retry = miss.getByRole('form', { name: 'Track your order' });
  await retry.getByLabel('Order number').fill('gg-104233');
  await retry.getByLabel('Email').fill('ava.martinez@example.com');
  await retry.getByRole('button', { name: 'Track order' }).click();
  const status = panel(page).getByRole('region', { name: 'Order GG-104233' });
  await expect(status).toBeVisible();
  await expect(status.locator('.badge')).toHaveText('Shipped');
  await expect(status.locator('.badge')).toHaveClass(/\bstatus-shipped\b/); // the status colour applies
  await expect(status.getByText('Carrier')).toBeVisible();
  await expect(status.getByRole('link', { name: /^Track / })).toHaveAttribute('href', /^https?:\/\//);
  await expect(status.getByText('Estimated delivery')).toBeVisible();
  // The card shows the same delivery day as the concierge's sentence, in any time zone.
  const said = /Estimated delivery: ([^.]+)\./.exec((await answers(page).last().textContent()) ?? '')?.[1];
  expect(said).toMatch(/^\w{3}, \w{3} \d{1,2}$/);
  await expect(status.locator('.order-facts')).toContainText(`Estimated delivery${said}`);
  await expect(status.getByRole('list', { name: 'Timeline' }).getByRole('listitem').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-order-status', false);
});

test('takes the order number and email straight from a message', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  const answer = await say(page, 'where is my order GG-104236? my email is ava.martinez@example.com');
  await expect(answer.getByRole('region', { name: 'Order GG-104236' }).locator('.badge')).toHaveText('Processing');
});

test('hands off to a stylist with a validated form, then asks for a rating', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await panel(page).getByRole('button', { name: 'Talk to a stylist' }).click();
  const form = panel(page).getByRole('form', { name: 'Talk to a stylist' });
  await expect(form).toBeVisible();
  await form.getByRole('button', { name: 'Send to a stylist' }).click();
  await expect(form.getByText('Enter your name.')).toBeVisible();
  await expect(form.getByText('Enter an email address so the stylist can reply.')).toBeVisible();
  await expectNoAxeViolations(page);

  await form.getByLabel('Name').fill('Maya Reyes');
  await form.getByLabel('Email').fill('maya.reyes@example.com');
  await form.getByLabel('How can a stylist help?').fill('I would like an engraving on a pendant for an anniversary.');
  await form.getByRole('checkbox', { name: 'It’s urgent' }).check();
  await form.getByRole('button', { name: 'Send to a stylist' }).click();
  await expect(panel(page).getByText('Sent to a stylist')).toBeVisible();
  await expect(panel(page).getByRole('textbox', { name: 'Message' })).toBeFocused();
  await expect(answers(page).last()).toContainText(/Your request is ticket #\d+/);

  // The server asks for a rating after a completed flow: stars are a radio group, and a rating is required.
  const rating = panel(page).getByRole('form', { name: 'How did we do?' });
  await expect(rating.getByRole('group', { name: 'Rate this chat' }).getByRole('radio')).toHaveCount(5);
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await expect(rating.getByText('Choose from 1 to 5 stars.')).toBeVisible();
  await rating.getByRole('radio', { name: '4 stars' }).check();
  await expect(rating.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-stylist-csat', false);

  // Closing does not ask a second time in this session.
  await panel(page).getByRole('button', { name: 'Close' }).click();
  await expect(panel(page)).toBeHidden();
});

test('offers the return and resize form with the right fields', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await panel(page).getByRole('button', { name: 'Return or resize' }).click();
  const form = panel(page).getByRole('form', { name: 'Return or resize' });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('New ring size')).toHaveCount(0);
  await form.getByRole('radio', { name: 'Resize my ring' }).check();
  await expect(form.getByLabel('New ring size')).toBeVisible();
  await form.getByRole('button', { name: 'Request resize' }).click();
  await expect(form.getByText('Choose a reason.')).toBeVisible();
  await expect(form.getByText('Enter a ring size from 3 to 13.')).toBeVisible();
  await form.getByRole('radio', { name: 'Return for a refund' }).check();
  await expect(form.getByLabel('New ring size')).toHaveCount(0);
  await expect(form.getByRole('button', { name: 'Request return' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a return asks which piece, creates an RMA with a label link, and the rating can be changed', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await panel(page).getByRole('button', { name: 'Return or resize' }).click();
  const form = panel(page).getByRole('form', { name: 'Return or resize' }).last();
  await form.getByLabel('Order number').fill('GG-104234');
  await form.getByLabel('Email').fill('ava.martinez@example.com');
  await form.getByLabel('Reason').selectOption('Changed my mind');
  await form.getByRole('button', { name: 'Request return' }).click();

  // Two pieces in that order: the form comes back, filled in, with an item picker.
  await expect(answers(page).last()).toContainText('Which one is it about?');
  const again = answers(page).last().getByRole('form', { name: 'Return or resize' });
  await expect(again.getByLabel('Order number')).toHaveValue('GG-104234');
  await again.getByRole('button', { name: 'Request return' }).click();
  await expect(again.getByText('Choose the piece.')).toBeVisible();
  await again.getByLabel('Item').selectOption({ label: 'Wren Diamond Halo Pendant' });
  await again.getByLabel('Reason').selectOption('Changed my mind');
  await again.getByRole('button', { name: 'Request return' }).click();

  const rma = answers(page).last();
  await expect(rma).toContainText(/Your RMA number is [A-Z0-9-]+/);
  await expect(rma.getByRole('link', { name: 'Print your return label' })).toHaveAttribute('href', /\/returns\/.+\/label\?token=/);
  await expect(panel(page).getByText('Return requested for order GG-104234')).toHaveCount(2);

  const rating = rma.getByRole('form', { name: 'How did we do?' });
  await rating.getByRole('radio', { name: '5 stars' }).check();
  await rating.getByLabel('Anything to add? (optional)').fill('Quick and easy.');
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await expect(panel(page).getByText('You rated this chat 5 out of 5')).toBeVisible();

  await panel(page).getByRole('button', { name: 'Change rating' }).click();
  await panel(page).getByRole('radio', { name: '3 stars' }).check();
  await panel(page).getByRole('button', { name: 'Send rating' }).click();
  await expect(panel(page).getByText('You rated this chat 3 out of 5')).toBeVisible();
  await expectNoAxeViolations(page);
});

test('closing after a real conversation asks for a rating once per session', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  await say(page, 'what is your warranty?');
  await panel(page).getByRole('button', { name: 'Close' }).click();

  const rating = answers(page).last().getByRole('form', { name: 'How did we do?' });
  await expect(rating).toBeVisible();
  await expect(rating.getByRole('radio', { name: '1 star', exact: true })).toBeFocused();
  await rating.getByRole('radio', { name: '4 stars' }).check();
  await rating.getByRole('button', { name: 'Send rating' }).click();
  await expect(panel(page).getByText('You rated this chat 4 out of 5')).toBeVisible();

  await panel(page).getByRole('button', { name: 'Close' }).click();
  await expect(panel(page)).toBeHidden();
  await launcher(page).click();
  await say(page, 'do you ship internationally?');
  await panel(page).getByRole('button', { name: 'Close' }).click();
  await expect(panel(page)).toBeHidden();
});
