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

/** By name, so errors rebuilt after crossing from a worker keep their kind. */
const kindByName: Record<string, ErrorKind> = {
  NotFoundError: 'not-found',
  ConflictError: 'conflict',
  InvalidInputError: 'invalid-input',
  // A bundle that fails verification is the caller's bad input, with a reason.
  BundleError: 'invalid-input',
};

export function errorKind(error: unknown): ErrorKind {
  if (error instanceof Error && Object.hasOwn(kindByName, error.name))
    return kindByName[error.name]!;
  return 'internal';
}

export function serializeError(error: unknown): SerializedError {
  return {
    kind: errorKind(error),
    message: error instanceof Error ? error.message : String(error),
  };
}
