// Security headers on every response: helmet's set (CSP, nosniff, …), a Permissions-Policy, and who may embed what.
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type { Config } from '../config';

/**
 * Browser features no page of ours uses (store, dashboard, widget, label): denied, so an injected script
 * or a framed page cannot ask the customer for the camera, location, a payment or a USB device.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];
export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

/** The dashboard's pages, assets and API: read by the dashboard alone, never by another site. */
export const isDashboardPath = (url: string): boolean => /^\/(api\/)?dashboard(\/|\?|$)/.test(url);

function decodedPath(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

export function installSecurityHeaders(app: FastifyInstance, config: Config): void {
  // Helmet's middleware is built once here: @fastify/helmet rebuilt it (and parsed the CSP) on every request,
  // ~3% of a chat turn. Two builds, one per resource policy.
  const build = (policy: 'cross-origin' | 'same-origin') =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'self'"],
          upgradeInsecureRequests: config.mode === 'production' ? [] : null,
        },
      },
      crossOriginResourcePolicy: { policy },
      hsts: config.mode === 'production',
    });
  // The widget script, its API and product images are embedded by other sites (the shop's pages).
  const embeddable = build('cross-origin');
  const dashboard = build('same-origin');
  app.addHook('onRequest', (request, reply, done) => {
    reply.raw.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    // Judged by the route that matched (the router decodes %64ashboard to dashboard), or the decoded path for a 404.
    const headers = isDashboardPath(request.routeOptions.url ?? '') || isDashboardPath(decodedPath(request.url)) ? dashboard : embeddable;
    headers(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
