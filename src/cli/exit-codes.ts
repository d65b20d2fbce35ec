/** The CLI's exit codes (README): one place maps outcomes and error kinds to them. */
import type { ErrorKind } from '../shared/contract';

export const EXIT = { success: 0, failure: 1, invalidInput: 2, cancelled: 130 } as const;

/** Refused input (a bad value, a missing file, dataset or model) is 2; anything else 1. */
export function exitCodeOfKind(kind: ErrorKind | undefined): number {
  return kind === 'invalid-input' || kind === 'not-found' ? EXIT.invalidInput : EXIT.failure;
}
