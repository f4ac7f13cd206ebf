// Serving the widget: cache rules for the loader and the hashed app, nothing else from dist, the tag on store pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../html';
import { renderPage } from '../store/layout';
import { widgetAssetRoutes } from './routes';

describe('widget asset routes', () => {
  let dist: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'widget-dist-'));
    fs.mkdirSync(path.join(dist, 'widget-loader'));
    fs.mkdirSync(path.join(dist, 'widget-app', '.vite'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'widget-loader', 'widget.js'), '(function(){})();');
    fs.writeFileSync(path.join(dist, 'widget-app', 'app-AbC123.js'), 'window.x=1;');
    fs.writeFileSync(path.join(dist, 'widget-app', '.vite', 'manifest.json'), '{}');
    app = Fastify({ logger: false });
    await app.register(widgetAssetRoutes, { distDir: dist });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves the loader at /widget.js with a short cache, so shops get updates within minutes', async () => {
    const res = await app.inject({ url: '/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.body).toBe('(function(){})();');
  });

  it('serves hashed app files under /widget/ for a year, to any origin', async () => {
    const res = await app.inject({ url: '/widget/app-AbC123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('does not serve the build manifest', async () => {
    expect((await app.inject({ url: '/widget/.vite/manifest.json' })).statusCode).toBe(404);
  });

  it('puts one async script tag on store pages, with the product id on product pages', () => {
    const product = renderPage({ title: 'Ring', productId: 42, body: html`<p>ring</p>` });
    expect(product.match(/<script src="\/widget\.js"/g)).toHaveLength(1);
    expect(product).toContain('<script src="/widget.js" async data-product-id="42"></script>');
    expect(renderPage({ title: 'Home', body: html`<p>home</p>` })).toContain('<script src="/widget.js" async></script>');
  });
});
