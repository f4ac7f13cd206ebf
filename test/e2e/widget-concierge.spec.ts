// The concierge's words in a real browser (issue 11): the truth on a product page, no form on a guess, suggestions
// that work by click, and another language answered in that language.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { answers, openWidget, panel, say } from './fixtures/widget';
import { expectNoAxeViolations, screenshot } from './support';

interface ApiProduct {
  slug: string;
  name: string;
  price: number;
  readyToShip: boolean;
}

/** The first catalog piece that is made to order (the API lists every piece, whatever its availability). */
async function madeToOrderPiece(request: APIRequestContext): Promise<ApiProduct> {
  for (let page = 1; page <= 10; page++) {
    const res = await request.get(`/api/products?pageSize=60&page=${page}`);
    expect(res.status()).toBe(200);
    const { items } = (await res.json()) as { items: ApiProduct[] };
    const piece = items.find((item) => !item.readyToShip);
    if (piece) return piece;
    if (items.length < 60) break;
  }
  throw new Error('the demo catalog has no made-to-order piece');
}

const dollars = (price: number) => `$${price.toLocaleString('en-US', { minimumFractionDigits: price % 1 ? 2 : 0 })}`;

test('on a made-to-order piece the concierge gives its price and says it is made to order, never ready to ship', async ({ page, request }) => {
  const piece = await madeToOrderPiece(request);
  await page.goto(`/products/${piece.slug}`);
  await openWidget(page);
  const answer = await say(page, 'how much is it');
  await expect(answer).toContainText(dollars(piece.price));
  await expect(answer).toContainText(/made to order/i);
  await expect(answer).toContainText('3–4 weeks');
  await expect(answer).not.toContainText(/ready to ship/i);
  const shipping = await say(page, 'is this ready to ship?');
  await expect(shipping).toContainText(/made to order/i);
  await expect(shipping).not.toContainText(/\bis ready to ship\b/i);
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-made-to-order', false);
});

test('a worry about a piece gets an answer and suggestions, not a form; a suggestion opens its flow by click', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  const goodbye = await say(page, 'sorry wrong chat lol');
  await expect(goodbye).toContainText(/no problem/i);
  await expect(panel(page).getByRole('form')).toHaveCount(0);

  const answer = await say(page, 'it turned my finger green lol is it fake');
  await expect(answer).toContainText(/copper/i);
  await expect(panel(page).getByRole('form')).toHaveCount(0);
  const stylist = answer.getByRole('group', { name: 'Suggestions' }).getByRole('button', { name: 'Talk to a stylist' });
  await expect(stylist).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, 'widget-green-finger', false);

  await stylist.click();
  await expect(panel(page).getByRole('form', { name: 'Talk to a stylist' })).toBeVisible();
});

test('a message in Spanish is answered in Spanish, with a way to reach the team', async ({ page }) => {
  await page.goto('/');
  await openWidget(page);
  const answer = await say(page, 'Hola, busco un anillo de oro blanco');
  await expect(answer).toContainText('Gracias por escribirnos');
  await expect(answer).not.toContainText(/outside what I can help with/i);
  await expect(answer.getByRole('button', { name: 'Hablar con un estilista' }).or(answer.getByRole('link', { name: 'Contactar con nuestro equipo' })).first()).toBeVisible();
  await expect(answers(page)).toHaveCount(2);
  await expectNoAxeViolations(page);
});
