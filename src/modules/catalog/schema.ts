// Request and response schemas of the catalog API and the catalog page's query.
import { Type, type Static } from 'typebox';
import { CATEGORIES, METALS } from './types';

export const CatalogQuery = Type.Object(
  {
    category: Type.Optional(Type.Union(CATEGORIES.map((c) => Type.Literal(c)))),
    metal: Type.Optional(Type.Union([...METALS, 'gold' as const].map((m) => Type.Literal(m)))),
    stone: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z ]+$' })),
    priceMin: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    priceMax: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(Type.Union([Type.Literal('featured'), Type.Literal('price_asc'), Type.Literal('price_desc'), Type.Literal('newest')])),
    available: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  },
  { additionalProperties: true },
);
export type CatalogQuery = Static<typeof CatalogQuery>;

export const ProductJson = Type.Object({
  id: Type.Integer(),
  sku: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  category: Type.String(),
  metal: Type.String(),
  stone: Type.Union([Type.String(), Type.Null()]),
  price: Type.Number(),
  currency: Type.String(),
  readyToShip: Type.Boolean(),
  inStock: Type.Boolean(),
  sizes: Type.Array(Type.Number()),
  url: Type.String(),
  imageUrl: Type.String(),
});

export const ProductListJson = Type.Object({
  items: Type.Array(ProductJson),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
