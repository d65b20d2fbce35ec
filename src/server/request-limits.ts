/**
 * Size limits of the classification endpoints, and the 413 answers that name them: a body
 * over a route's `bodyLimit` (refused by fastify before it is parsed) or too many records.
 */
import type { FastifyError, FastifyRequest } from 'fastify';

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;

/** `POST /api/uploads` unless `serve --max-upload-bytes` says otherwise. */
export const DEFAULT_MAX_UPLOAD_BYTES = 4 * GB;

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

/** "4 GB", "64 MB", "512 KB", "100 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= GB && bytes % GB === 0) return `${bytes / GB} GB`;
  if (bytes >= MB && bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

const UNITS: Record<string, number> = { '': 1, K: KB, M: MB, G: GB, T: 1024 * GB };

/**
 * A size as a person writes it: `1048576`, `512K`, `64M`, `4G` (also `4GB`, `4 GiB`;
 * units are powers of 1024). Null when it is not one.
 */
export function parseByteSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(text);
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * UNITS[match[2]!.toUpperCase()]!);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : null;
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
