// The demo storefront (P1): server-rendered pages over the catalog, bag and checkout services.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import { fromRoot } from '../../project-root';
import { CatalogQuery } from '../../modules/catalog/schema';
import { dropEmptyParams, toFilters } from '../../modules/catalog/query';
import { CATEGORIES } from '../../modules/catalog/types';
import { renderHomePage } from './pages/home';
import { renderCatalogPage } from './pages/catalog';
import { renderProductPage } from './pages/product';
import { renderCartPage } from './pages/cart';
import { renderCheckoutPage, renderOrderCompletePage } from './pages/checkout';
import { renderContactPage, renderCustomizerPage } from './pages/info';
import { formValues, validateCheckout, validateContact } from './forms';
import { describeFileRoutes, HtmlPage, NoBody, PageError } from '../../http/schemas';
import { MAX_ROW_ID, parseWholeNumber } from '../../http/validation';
import { clientKey } from '../../http/client-key';
import { orderConfirmationKey } from '../../modules/orders/email';

const CART_COOKIE = 'gg_cart';
const HTML = 'text/html; charset=utf-8';

// Form posts per client address and minute: a bag is edited often, but a script must not fill the orders or
// the contact inbox. Over the limit a browser gets the "Too many requests" page.
const perMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });
const FORM_LIMITS = { cart: perMinute(60), checkout: perMinute(10), contact: perMinute(5) };

/** A page, and a form post that redirects (303) or shows its form again with the problem (400; JSON when asked for). */
const page = (description: string) => ({ 200: HtmlPage(description) });
const formPost = (redirect: string, again: string) => ({ 303: NoBody(redirect), 400: PageError(again), '4xx': PageError(`${again} (sold out, too many requests…)`) });

export async function storeRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { catalog, cart, orders, contact } = services;

  await app.register(async (assets) => {
    describeFileRoutes(assets, 'The store\'s stylesheet, icons and fonts');
    await assets.register(fastifyStatic, { root: fromRoot('src', 'web', 'store', 'assets'), prefix: '/assets/', maxAge: '1h' });
  });
  // The assets stay either way: error, status and return-label pages use the store's stylesheet.
  if (!services.config.storeEnabled) {
    // A real shop has its own storefront (STORE_ENABLED off): its pages 404, and the root leads staff to the dashboard.
    app.get('/', { schema: { response: { 302: NoBody('To the dashboard') } } }, async (_request, reply) => reply.redirect('/dashboard', 302));
    return;
  }

  const cartId = (request: FastifyRequest): string | undefined => {
    const raw = request.cookies[CART_COOKIE];
    if (!raw) return undefined;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && unsigned.value ? unsigned.value : undefined;
  };
  const setCart = (reply: FastifyReply, id: string) =>
    reply.setCookie(CART_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, secure: services.config.mode === 'production', maxAge: 86_400 });
  const cartCount = async (request: FastifyRequest) => (await cart.get(cartId(request))).itemCount;

  app.get('/', { schema: { response: page('The store\'s home page') } }, async (request, reply) => {
    const featured = await catalog.featured(8);
    const images: Record<string, string> = {};
    for (const c of CATEGORIES) {
      const first = featured.find((p) => p.category === c) ?? (await catalog.browse({ category: c, availableOnly: true }, 'featured', 1, 1)).items[0];
      if (first) images[c] = first.imageUrl;
    }
    return reply.type(HTML).send(renderHomePage(featured, images, await cartCount(request)));
  });

  app.get('/catalog', { preValidation: async (request) => dropEmptyParams(request.query), schema: { querystring: CatalogQuery, response: page('The catalog page') } }, async (request, reply) => {
    const { filters, sort, page, pageSize } = toFilters(request.query, 24);
    const result = await catalog.browse(filters, sort, page, pageSize);
    return reply.type(HTML).send(renderCatalogPage(request.query, result, await cartCount(request)));
  });

  app.get('/products/:slug', { schema: { params: Type.Object({ slug: Type.String({ maxLength: 200 }) }), response: page('A product page') } }, async (request, reply) => {
    const product = await catalog.getBySlug(request.params.slug);
    const related = (await catalog.browse({ category: product.category, availableOnly: true, excludeIds: [product.id] }, 'featured', 1, 4)).items;
    return reply.type(HTML).send(renderProductPage(product, related, await cartCount(request)));
  });

  app.post('/cart/items', { config: FORM_LIMITS.cart, schema: { response: formPost('To the bag', 'The product page with the problem') } }, async (request, reply) => {
    const values = formValues(request.body);
    const productId = parseWholeNumber(values.productId, { min: 1, max: MAX_ROW_ID });
    const quantity = parseWholeNumber(values.quantity ?? '1', { min: 1, max: 10 });
    if (productId === undefined) throw new AppError('invalid_request', 'Choose a piece to add to your bag.');
    if (quantity === undefined) throw new AppError('invalid_request', 'Quantity must be a whole number from 1 to 10.');
    const size = values.size ? Number(values.size) : null;
    try {
      const id = await cart.add(cartId(request), productId, size !== null && Number.isFinite(size) ? size : null, quantity);
      setCart(reply, id);
      return reply.redirect('/cart', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'invalid_request') throw error;
      const product = await catalog.getById(productId);
      return reply.status(400).type(HTML).send(renderProductPage(product, [], await cartCount(request), error.message));
    }
  });

  app.post('/cart/lines/:lineId', { config: FORM_LIMITS.cart, schema: { params: Type.Object({ lineId: Type.Integer({ minimum: 1, maximum: MAX_ROW_ID }) }), response: { 303: NoBody('To the bag') } } }, async (request, reply) => {
    const quantity = parseWholeNumber(formValues(request.body).quantity, { min: 0, max: 10 });
    if (quantity === undefined) throw new AppError('invalid_request', 'Quantity must be a whole number from 0 to 10.');
    await cart.setQuantity(cartId(request), request.params.lineId, quantity);
    return reply.redirect('/cart', 303);
  });

  app.get('/cart', { schema: { response: page('The bag') } }, async (request, reply) => reply.type(HTML).send(renderCartPage(await cart.get(cartId(request)))));

  app.get('/checkout', { schema: { response: page('The checkout form') } }, async (request, reply) =>
    reply.type(HTML).send(renderCheckoutPage(await cart.get(cartId(request)), {}, {}, randomUUID())),
  );

  app.post('/checkout', { config: FORM_LIMITS.checkout, schema: { response: formPost('To the order confirmation', 'The checkout form with the problems') } }, async (request, reply) => {
    const values = formValues(request.body);
    const current = await cart.get(cartId(request));
    const key = /^[A-Za-z0-9-]{16,64}$/.test(values.idempotencyKey ?? '') ? values.idempotencyKey! : randomUUID();
    const { errors, input } = validateCheckout(values);
    if (!input) return reply.status(400).type(HTML).send(renderCheckoutPage(current, values, errors, key));
    try {
      const order = await orders.checkout(current, input, key, { clientAddress: clientKey(request.ip) });
      return reply.redirect(`/checkout/complete/${order.confirmation_token}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      return reply.status(error.status).type(HTML).send(renderCheckoutPage(current, values, { form: error.message }, key));
    }
  });

  app.get('/checkout/complete/:token', { schema: { params: Type.Object({ token: Type.String({ maxLength: 64 }) }), response: page('The order confirmation') } }, async (request, reply) => {
    const detail = await orders.byConfirmationToken(request.params.token);
    if (!detail) throw new AppError('not_found', 'We could not find that order confirmation.');
    const emailed = await services.mail.isQueued(orderConfirmationKey(detail.order.number));
    return reply.type(HTML).header('cache-control', 'no-store').send(renderOrderCompletePage(detail, { emailed }));
  });

  app.get('/customizer', { schema: { response: page('The custom design page') } }, async (request, reply) => reply.type(HTML).send(renderCustomizerPage(await catalog.stones(), await cartCount(request))));

  app.get('/contact', { schema: { querystring: Type.Object({ sent: Type.Optional(Type.String({ maxLength: 10 })), topic: Type.Optional(Type.String({ maxLength: 40 })) }), response: page('The contact form') } }, async (request, reply) =>
    reply.type(HTML).send(renderContactPage({ topic: request.query.topic ?? '' }, {}, request.query.sent === '1')),
  );

  app.post('/contact', { config: FORM_LIMITS.contact, schema: { response: formPost('To the contact page saying it was sent', 'The contact form with the problems') } }, async (request, reply) => {
    const values = formValues(request.body);
    const { errors, input } = validateContact(values);
    if (!input) return reply.status(400).type(HTML).send(renderContactPage(values, errors, false));
    await contact.submit(input, { clientAddress: clientKey(request.ip) });
    return reply.redirect('/contact?sent=1', 303);
  });
}
