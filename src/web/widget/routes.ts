// Serves the widget's two bundles (/widget.js and /widget/*) and puts the script tag on every store page.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { Type } from 'typebox';
import { html } from '../html';
import { setWidgetEmbed } from '../store/layout';
import { describeFileRoutes } from '../../http/schemas';
import { fromRoot } from '../../project-root';

// The project's dist/, like the dashboard's bundle (src/modules/dashboard/pages.ts): whatever directory the server starts in.
const DIST = fromRoot('dist');

export interface WidgetAssetOptions {
  /** Where `npm run build:web` puts the bundles (default: the project's dist/). */
  distDir?: string;
}

export async function widgetAssetRoutes(app: FastifyInstance, { distDir = DIST }: WidgetAssetOptions = {}) {
  const loaderDir = path.join(distDir, 'widget-loader');
  const appDir = path.join(distDir, 'widget-app');
  if (!fs.existsSync(path.join(loaderDir, 'widget.js')) || !fs.existsSync(appDir)) {
    app.log.warn('The widget is not built (run npm run build:web): store pages are served without it.');
    return;
  }

  // The loader keeps one URL, so shops pick up new versions within minutes.
  const loader = { description: 'The widget\'s loader script', content: { 'application/javascript': { schema: Type.String() } } };
  app.get('/widget.js', { schema: { response: { 200: loader } } }, (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(fs.createReadStream(path.join(loaderDir, 'widget.js'))),
  );

  // App files carry a content hash in their name: cache them for a year.
  describeFileRoutes(app, 'The widget app\'s files (content-hashed)');
  await app.register(fastifyStatic, {
    root: appDir,
    prefix: '/widget/',
    decorateReply: false,
    allowedPath: (pathName) => !pathName.startsWith('/.vite'),
    immutable: true,
    maxAge: '365d',
    setHeaders: (res) => res.setHeader('access-control-allow-origin', '*'),
  });

  setWidgetEmbed(({ productId }) => html`<script src="/widget.js" async${productId ? html` data-product-id="${productId}"` : ''}></script>`);
}
