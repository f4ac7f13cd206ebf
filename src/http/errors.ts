// Turns every error into the one API shape {"error":{"code","message"}}, or a branded page for browsers.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors';
import { isDatabaseUnavailable } from '../db/connection';

export type ErrorPageRenderer = (status: number, title: string, message: string) => string;

const CODE_BY_STATUS: Record<number, ErrorCode> = { 400: 'invalid_request', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 429: 'rate_limited', 503: 'unavailable' };

/** A browser navigating to a page gets HTML; API callers and fetches get JSON. */
export function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

function describeValidation(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return 'The request is not valid.';
  const field = (first.instancePath || '').replace(/^\//, '').replace(/\//g, '.') || (first.params as { missingProperty?: string })?.missingProperty || '';
  const where = error.validationContext === 'querystring' ? 'query parameter' : error.validationContext === 'params' ? 'path parameter' : 'field';
  return field ? `The ${where} "${field}" ${first.message ?? 'is not valid'}.` : `The request ${first.message ?? 'is not valid'}.`;
}

function classify(error: FastifyError | AppError | Error): { status: number; code: ErrorCode; message: string; details?: Record<string, unknown> } {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, ...(error.details && { details: error.details }) };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return { status: 400, code: 'invalid_request', message: describeValidation(fastifyError) };
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'invalid_request';
    const message = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError ? 'The request body is not valid JSON.' : error.message;
    return { status, code, message };
  }
  if (isDatabaseUnavailable(error)) return { status: 503, code: 'unavailable', message: 'We are briefly unavailable. Please try again in a moment.' };
  return { status: 500, code: 'internal', message: 'Something went wrong on our side. Please try again in a moment.' };
}

const TITLES: Record<number, string> = { 400: 'That request didn’t look right', 404: 'We couldn’t find that page', 409: 'That didn’t go through', 429: 'Too many requests', 503: 'We’ll be right back' };

export function installErrorHandling(app: FastifyInstance, renderErrorPage: ErrorPageRenderer): void {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: Record<string, unknown>) => {
    if (wantsHtml(request)) {
      return reply.status(status).type('text/html; charset=utf-8').send(renderErrorPage(status, TITLES[status] ?? 'Something went wrong', message));
    }
    return reply.status(status).send({ error: { code, message, ...(details && { details }) } });
  };

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { status, code, message, details } = classify(error);
    if (status === 503 && !(error instanceof AppError)) {
      // The database is unreachable: /readyz says so too, and the pool reconnects by itself.
      request.log.warn({ err: error }, 'request failed: database unavailable');
      reply.header('retry-after', '5');
    } else if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (status === 429 && (error as FastifyError).statusCode === 429) {
      const headers = (error as { headers?: Record<string, string> }).headers;
      if (headers) reply.headers(headers);
    }
    return send(request, reply, status, code, message, details);
  });

  // A client error (stray bytes after a request) makes Node destroy the socket while that request may still be in
  // its hooks; a destroyed socket no longer knows its peer, so request.ip became undefined and the rate limit threw a
  // TypeError (a false 5xx alarm). net.Socket keeps the address once read: read it when the connection opens.
  app.server.on('connection', (socket: Socket) => void socket.remoteAddress);

  app.setNotFoundHandler((request, reply) => send(request, reply, 404, 'not_found', `Nothing lives at ${request.method} ${request.url.split('?')[0]}.`));
}
