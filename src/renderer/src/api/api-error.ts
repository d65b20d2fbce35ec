import type { ErrorKind } from '../../../shared/contract';

/** An operation refused or failed on the other side; `kind` says how. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    message: string,
    readonly kind: ErrorKind,
  ) {
    super(message);
  }
}

/** Rebuilds the `{kind, message}` body of a failed response as an ApiError. */
export function errorFromBody(status: number, body: string): ApiError {
  try {
    const parsed = JSON.parse(body) as { kind?: ErrorKind; message?: string };
    if (typeof parsed.message === 'string') {
      return new ApiError(parsed.message, parsed.kind ?? 'internal');
    }
  } catch {
    // Not JSON (a proxy or a crash page): fall through to the status line.
  }
  return new ApiError(`The server answered ${status}`, status === 404 ? 'not-found' : 'internal');
}

/** The message to show for anything thrown by an operation. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
