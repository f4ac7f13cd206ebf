// The dashboard's pages: one HTML shell for every client-side route, guarded like the API, plus its built assets.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Access } from '../auth/guard';
import { fromRoot } from '../../project-root';
import { describeFileRoutes, HtmlPage, NoBody } from '../../http/schemas';

const DIST = fromRoot('dist', 'dashboard');

/** Client-side routes and who may open them; the SPA renders the page, the server decides who gets it. */
export const DASHBOARD_PAGES: { url: string; access: Access }[] = [
  { url: '/dashboard/login', access: 'public' },
  { url: '/dashboard/support', access: 'agent' },
  { url: '/dashboard/support/csat', access: 'agent' },
  { url: '/dashboard/support/tickets/:id', access: 'agent' },
  { url: '/dashboard/orders', access: 'agent' },
  { url: '/dashboard/orders/:number', access: 'agent' },
  { url: '/dashboard/conversations/:id', access: 'agent' },
  { url: '/dashboard/analytics/concierge', access: 'admin' },
  { url: '/dashboard/flags', access: 'admin' },
  { url: '/dashboard/staff', access: 'admin' },
  { url: '/dashboard/canned-replies', access: 'admin' },
];

/** The HTML shell; `status` tells the SPA to show a 403 instead of the page. */
export function renderShell(status: 200 | 403 = 200): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Aurora Dashboard</title>
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/dashboard/assets/dashboard.css">
<script type="module" src="/dashboard/assets/dashboard.js"></script>
</head>
<body data-status="${status}">
<div id="app"><p class="boot">Loading the dashboard…</p></div>
</body>
</html>`;
}

/** Built JS and CSS: public (the login page needs them) and free of data. */
export async function dashboardAssets(app: FastifyInstance) {
  describeFileRoutes(app, 'The dashboard\'s built JS and CSS');
  await app.register(fastifyStatic, { root: path.join(DIST, 'assets'), prefix: '/dashboard/assets/', decorateReply: false, maxAge: '5m' });
}

export async function dashboardPages(app: FastifyInstance) {
  const shell = (status: 200 | 403 = 200) => (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderShell(status));

  const toLogin = NoBody('Not signed in: to the sign-in page');
  const responses = { 200: HtmlPage('The dashboard\'s page (the SPA renders it)'), 303: toLogin, 403: HtmlPage('The shell saying this page is for admins') };
  app.get('/dashboard', { config: { access: 'agent', page: true }, schema: { response: { 303: NoBody('To the tickets, or to the sign-in page') } } }, async (_request, reply) => reply.redirect('/dashboard/support', 303));
  for (const page of DASHBOARD_PAGES) app.get(page.url, { config: { access: page.access, page: true }, schema: { response: responses } }, shell());
}
