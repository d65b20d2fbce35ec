/**
 * What every reader fuzz property asserts: a call returns a value, or throws the reader's own
 * error type with a message naming the input, and it finishes within a time bound.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzRuns } from '../helpers/fuzz';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

type ErrorClass = abstract new (...args: never[]) => Error;

/** A property's time limit: its run count grows under `npm run fuzz`, so does this. */
export const FUZZ_TEST_TIMEOUT_MS = fuzzRuns(30_000);

/** Each reader call must finish within this (generated inputs are at most ~70 kB). */
export const CALL_TIME_LIMIT_MS = 2_000;

function checkError(caught: unknown, errorClass: ErrorClass, messageStart: string): Error {
  // A TypeError, RangeError or library error escaping a reader is the bug this looks for.
  if (!(caught instanceof errorClass)) throw caught;
  expect(caught.message.startsWith(messageStart), caught.message).toBe(true);
  return caught;
}

function checkTime(startedAt: number, limitMs: number): void {
  const elapsed = performance.now() - startedAt;
  expect(elapsed, `reader call took ${Math.round(elapsed)} ms`).toBeLessThan(limitMs);
}

/** Runs a synchronous reader: its value, or its named error (anything else is rethrown). */
export function outcomeOf<T>(
  read: () => T,
  errorClass: ErrorClass,
  messageStart: string,
  timeLimitMs = CALL_TIME_LIMIT_MS,
): Outcome<T> {
  const startedAt = performance.now();
  try {
    const value = read();
    checkTime(startedAt, timeLimitMs);
    return { ok: true, value };
  } catch (caught) {
    const error = checkError(caught, errorClass, messageStart);
    checkTime(startedAt, timeLimitMs);
    return { ok: false, error };
  }
}

/** As `outcomeOf` for an async reader; a call that never settles fails after the bound. */
export async function asyncOutcomeOf<T>(
  read: () => Promise<T>,
  errorClass: ErrorClass,
  messageStart: string,
): Promise<Outcome<T>> {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`reader did not settle within ${CALL_TIME_LIMIT_MS} ms`)),
      CALL_TIME_LIMIT_MS,
    );
  });
  try {
    const value = await Promise.race([read(), hang]);
    checkTime(startedAt, CALL_TIME_LIMIT_MS);
    return { ok: true, value };
  } catch (caught) {
    const error = checkError(caught, errorClass, messageStart);
    checkTime(startedAt, CALL_TIME_LIMIT_MS);
    return { ok: false, error };
  } finally {
    clearTimeout(timer);
  }
}

/** Characters that trip text readers: quotes, delimiters, line ends, BOM, case-changing letters. */
export const TRICKY_CHARS = [
  '"',
  "'",
  ',',
  ';',
  '\t',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '\u00a0',
  '\ufeff',
  '\u0000',
  '#',
  '=',
  '%',
  '%2',
  '%3B',
  '>',
  '@',
  '\\',
  '/',
  'ß',
  'ſ',
  'ﬆ',
  'ı',
  'İ',
  'é',
  '😀',
  '\ud800',
  'x',
  '1',
];

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** `text` as it reads back from a UTF-8 file: lone surrogates become U+FFFD. */
export function wellFormed(text: string): string {
  return utf8.decode(new TextEncoder().encode(text));
}

/** Text edits: insert, delete or replace a run, truncate, or repeat a slice. */
export type TextEdit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'repeat'; at: number; length: number };

const position = fc.nat({ max: 1_000_000 });
const trickyText = fc
  .array(fc.oneof(fc.constantFrom(...TRICKY_CHARS), fc.string({ maxLength: 4, unit: 'binary' })), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(''));

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: position, text: trickyText }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: position,
    length: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: position,
    length: fc.integer({ min: 1, max: 8 }),
    text: trickyText,
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: position,
    length: fc.integer({ min: 1, max: 80 }),
  }),
);

/** Applies `edits` in order; positions wrap to the text's length. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + 1);
    if (edit.kind === 'insert') out = out.slice(0, at) + edit.text + out.slice(at);
    else if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else if (edit.kind === 'replace')
      out = out.slice(0, at) + edit.text + out.slice(at + edit.length);
    else if (edit.kind === 'truncate') out = out.slice(0, at);
    else out = out.slice(0, at + edit.length) + out.slice(at);
  }
  return out;
}
