// Catalog JSON API and generated product images.
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Services } from '../../services';
import { renderProductImage } from './image';
import { CatalogQuery, ProductJson, ProductListJson } from './schema';
import { toFilters } from './query';
import type { Product } from './types';
import { errorResponses } from '../../http/schemas';

export function productJson(p: Product) {
  return {
    id: p.id,
    sku: p.sku,
    slug: p.slug,
    name: p.name,
    description: p.description,
    category: p.category,
    metal: p.metal,
    stone: p.stone,
    price: p.priceCents / 100,
    currency: p.currency,
    readyToShip: p.readyToShip,
    inStock: p.readyToShip ? p.stock > 0 : true,
    sizes: p.sizes,
    url: `/products/${p.slug}`,
    imageUrl: p.imageUrl,
  };
}

export async function catalogRoutes(fastify: FastifyInstance, { services }: { services: Services }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/products', { schema: { summary: 'Browse the catalog (the catalog page\'s filters)', querystring: CatalogQuery, response: { 200: ProductListJson, ...errorResponses(400) } } }, async (request) => {
    const { filters, sort, page, pageSize } = toFilters(request.query, 24);
    const result = await services.catalog.browse(filters, sort, page, pageSize);
    return { items: result.items.map(productJson), total: result.total, page, pageSize };
  });

  app.get('/api/products/:slug', { schema: { params: Type.Object({ slug: Type.String({ maxLength: 200 }) }), summary: 'One product', response: { 200: ProductJson, ...errorResponses(404) } } }, async (request) =>
    productJson(await services.catalog.getBySlug(request.params.slug)),
  );

  app.get('/images/products/:file', { schema: { params: Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+\\.svg$', maxLength: 210 }) }), response: { 200: { description: 'The product\'s picture', content: { 'image/svg+xml': { schema: Type.String() } } } } } }, async (request, reply) => {
    const product = await services.catalog.getBySlug(request.params.file.replace(/\.svg$/, ''));
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(renderProductImage(product));
  });
}
