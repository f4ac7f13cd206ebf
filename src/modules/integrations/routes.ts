// Integration endpoints (P5): signed order webhooks from the shop's order system.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { AppError } from '../../errors';
import { verifySignature, type OrderWebhook } from './order-sync';
import { errorResponses } from '../../http/schemas';

const Money = Type.Number({ minimum: 0, maximum: 10_000_000 });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

const OrderWebhookBody = Type.Object({
  event: Type.Union([Type.Literal('order.created'), Type.Literal('order.updated')]),
  id: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,100}$' })),
  order: Type.Object({
    number: Type.String({ pattern: '^[Gg][Gg]-\\d{6}$' }),
    email: Type.String({ format: 'email', maxLength: 254 }),
    customerName: Type.String({ minLength: 1, maxLength: 120 }),
    status: Type.Union(['processing', 'shipped', 'out_for_delivery', 'delivered', 'delayed', 'cancelled'].map((s) => Type.Literal(s))),
    carrier: Nullable(Type.String({ maxLength: 40 })),
    trackingNumber: Nullable(Type.String({ maxLength: 60 })),
    trackingUrl: Nullable(Type.String({ format: 'uri', maxLength: 500 })),
    placedAt: Time,
    shippedAt: Nullable(Time),
    deliveredAt: Nullable(Time),
    estimatedDelivery: Nullable(Type.String({ format: 'date' })),
    conciergeSessionId: Nullable(Type.String({ pattern: '^[A-Za-z0-9_-]{8,64}$' })),
    updatedAt: Type.Optional(Time),
    currency: Type.String({ pattern: '^[A-Za-z]{3}$' }),
    subtotal: Money,
    shipping: Money,
    total: Money,
    items: Type.Array(
      Type.Object({
        sku: Type.String({ minLength: 1, maxLength: 40 }),
        name: Type.String({ minLength: 1, maxLength: 200 }),
        quantity: Type.Integer({ minimum: 1, maximum: 100 }),
        unitPrice: Money,
        size: Nullable(Type.Number({ minimum: 2, maximum: 16 })),
        finalSale: Type.Optional(Type.Boolean()),
      }),
      { minItems: 1, maxItems: 100 },
    ),
  }),
});

const OrderSyncJson = Type.Object({
  number: Type.String(),
  applied: Type.Boolean({ description: 'false: nothing changed (see `ignored`)' }),
  ignored: Type.Optional(Type.Union([Type.Literal('replay'), Type.Literal('stale')], { description: 'replay: this signature or event id was seen in the last 5 minutes; stale: older than the order\'s last update' })),
  created: Type.Boolean(),
  statusChanged: Type.Boolean({ description: 'A timeline event was added' }),
});

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
  }
}

export async function integrationRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // The signature covers the exact bytes sent, so keep the raw body beside the parsed one.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    request.rawBody = body as string;
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError('invalid_request', 'The request body is not valid JSON.'), undefined);
    }
  });

  app.post(
    '/api/integrations/orders',
    {
      schema: {
        summary: 'An order created or changed in the shop\'s order system (docs/order-webhooks.md)',
        description: 'Signed: `X-Aurora-Timestamp` (Unix seconds, at most 5 minutes off) and `X-Aurora-Signature: sha256=HEX`, the HMAC-SHA256 of `"<timestamp>.<raw body>"` under ORDER_WEBHOOK_SECRET; a bad or missing signature is a 401 before the body is validated.',
        security: [{ webhookSignature: [] }],
        body: OrderWebhookBody,
        response: { 200: OrderSyncJson, ...errorResponses(400, 401, 429, 503) },
      },
      config: { rateLimit: { max: 600, timeWindow: '1 minute' } },
      // Authenticate before validating, so an unsigned caller learns nothing about the schema.
      preValidation: async (request) => {
        const secret = services.config.integrations.orderWebhookSecret;
        if (!secret) throw new AppError('unavailable', 'Order webhooks are not configured (set ORDER_WEBHOOK_SECRET).');
        verifySignature(secret, request.headers['x-aurora-timestamp'] as string | undefined, request.headers['x-aurora-signature'] as string | undefined, request.rawBody ?? '', services.now());
      },
    },
    // A replay or an out-of-date update answers 200 with `ignored`, so the sender does not retry it.
    async (request) =>
      services.orderSync.apply(request.body as OrderWebhook, { signature: String(request.headers['x-aurora-signature']), timestamp: Number(request.headers['x-aurora-timestamp']) }),
  );
}
