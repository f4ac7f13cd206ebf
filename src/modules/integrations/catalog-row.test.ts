// Catalog import rows: every field is checked, and a bad value is named by its field.
import { describe, expect, it } from 'vitest';
import { toProductRow, type RowContext } from './catalog-row';

const context: RowContext = { currency: 'USD', imageOrigins: ['http://127.0.0.1:3000', 'https://shop.example'], now: '2026-11-20T15:00:00.000Z' };
const good = { sku: 'IMP-9', name: 'Dawn Ring', category: 'ring', metal: 'rose gold', price: '1,250.00' };
const fieldsWrong = (record: Record<string, unknown>) => {
  const result = toProductRow(record, context);
  return Array.isArray(result) ? result.map((e) => e.field) : [];
};

describe('toProductRow', () => {
  it('accepts a good row and fills the defaults', () => {
    expect(toProductRow(good, context)).toMatchObject({ sku: 'IMP-9', slug: 'dawn-ring-imp-9', metal: 'rose_gold', price_cents: 125_000, currency: 'USD', stock: 0, ready_to_ship: 1, featured: 0, sizes: '[]', image_url: '/images/products/dawn-ring-imp-9.svg' });
    expect(toProductRow({ ...good, currency: 'eur', sizes: [6, 5.5, '5'], readyToShip: false, featured: 'yes', stone: 'None' }, context)).toMatchObject({ currency: 'EUR', sizes: '[5,5.5,6]', ready_to_ship: 0, featured: 1, stone: null });
  });

  it.each([
    ['DOLLARS', 'currency'],
    ['US', 'currency'],
    ['XYZ', 'currency'],
  ])('refuses the currency %s (not ISO 4217)', (currency, field) => {
    expect(fieldsWrong({ ...good, currency })).toEqual([field]);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'data:image/svg+xml;base64,PHN2Zy8+',
    'https://tracker.example/pixel.gif?visitor=1',
    '//tracker.example/pixel.gif',
    'http://127.0.0.1:3000@tracker.example/p.gif',
    'https://user:pass@shop.example/a.png',
    'images/ring.png',
    '/images/ring png',
    'ftp://shop.example/a.png',
  ])('refuses the image URL %s', (imageUrl) => {
    expect(fieldsWrong({ ...good, image_url: imageUrl })).toEqual(['image_url']);
  });

  it('accepts an image path on this service or an http(s) URL on its own or the shop\'s origin', () => {
    for (const url of ['/images/custom/dawn.png', 'http://127.0.0.1:3000/images/a.svg', 'https://shop.example/cdn/a.png?v=2']) {
      expect(toProductRow({ ...good, imageUrl: url }, context)).toMatchObject({ image_url: url });
    }
  });

  it.each<[string, Record<string, unknown>]>([
    ['sku', { sku: 'a b' }],
    ['name', { name: 'x'.repeat(121) }],
    ['name', { name: 'Dawn\u0000Ring' }],
    ['name', { name: { en: 'Dawn' } }],
    ['description', { description: 'd'.repeat(2001) }],
    ['category', { category: 'hat' }],
    ['metal', { metal: 'tin' }],
    ['stone', { stone: '<img src=x>' }],
    ['price', { price: 'Infinity' }],
    ['price', { price: '1e999' }],
    ['price', { price: -5 }],
    ['price', { price: '0' }],
    ['price', { price: '12.345' }],
    ['price', { price: 2_000_000 }],
    ['stock', { stock: '1e3' }],
    ['stock', { stock: -1 }],
    ['stock', { stock: '2.5' }],
    ['ready_to_ship', { ready_to_ship: 'maybe' }],
    ['featured', { featured: 'perhaps' }],
    ['sizes', { sizes: '5;99' }],
    ['sizes', { sizes: '5;5' }],
    ['sizes', { sizes: '5.1' }],
    ['sizes', { sizes: [{}] }],
    ['slug', { slug: 'Bad Slug' }],
    ['slug', { slug: '-dawn--ring' }],
    ['prise', { prise: '10' }],
  ])('names the field %s when it is %j', (field, change) => {
    expect(fieldsWrong({ ...good, ...change })).toEqual([field]);
  });

  it('lists every bad field of a row at once', () => {
    expect(fieldsWrong({ sku: 'IMP-9', name: '', category: 'hat', metal: 'platinum', price: 'free', currency: 'DOLLARS' })).toEqual(['name', 'category', 'price', 'currency']);
  });
});
