/**
 * Size limits of the classification endpoints, and the 413 answers that name them: a body
 * over a route's `bodyLimit` (refused by fastify before it is parsed) or too many records.
 */
import type { FastifyError, FastifyRequest } from 'fastify';

const MB = 1024 * 1024;

/** Per route: the largest body (bytes) and the most records one request may carry. */
export const LIMITS = {
  classify: { bodyBytes: 128 * MB, records: 50_000 },
  predictBatch: { bodyBytes: 32 * MB, records: 10_000 },
  predict: { bodyBytes: 1 * MB, records: 1 },
} as const;

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
  readonly statusCode = 413;
}

/** "64 MB", "512 KB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** Refuses more than `max` records with a 413 that says the limit. */
export function checkRecordCount(count: number, max: number, route: string): void {
  if (count > max)
    throw new PayloadTooLargeError(
      `${route} takes at most ${max.toLocaleString('en-US')} sequences per request (got ${count.toLocaleString('en-US')}); split the input into several requests`,
    );
}

/** fastify's own 413 ("Request body is too large") reworded to say the route's limit. */
export function bodyTooLargeMessage(error: unknown, request: FastifyRequest): string | null {
  if ((error as FastifyError | null)?.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return null;
  const limit = request.routeOptions.bodyLimit;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  return `the request body is larger than the ${limit ? formatBytes(limit) : 'allowed'} limit of ${route}`;
}
