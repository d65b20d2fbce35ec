/** Error kinds every front maps the same way (HTTP status, CLI exit code, IPC reply). */
import type { ErrorKind, SerializedError } from '../shared/contract';

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

export class InvalidInputError extends Error {
  override readonly name = 'InvalidInputError';
}

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof NotFoundError) return 'not-found';
  if (error instanceof ConflictError) return 'conflict';
  if (error instanceof InvalidInputError) return 'invalid-input';
  return 'internal';
}

export function serializeError(error: unknown): SerializedError {
  return {
    kind: errorKind(error),
    message: error instanceof Error ? error.message : String(error),
  };
}
