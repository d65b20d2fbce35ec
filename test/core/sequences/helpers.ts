/** Shared helpers for the sequence reader tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { RecordError, SequenceFormat } from '../../../src/shared/types';
import type { RecordLimits } from '../../../src/core/sequences/input-limits';
import { createParser } from '../../../src/core/sequences/parser';
import { readSequences } from '../../../src/core/sequences/reader';
import type {
  ReadEvent,
  ReadSequencesOptions,
  SequenceRecord,
} from '../../../src/core/sequences/types';

const FIXTURES = fileURLToPath(new URL('../../fixtures/sequences/', import.meta.url));

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export interface ReadResult {
  records: SequenceRecord[];
  errors: RecordError[];
  batches: number;
  /** Events in order, as `id` or `error:code@line`. */
  order: string[];
}

function collect(events: ReadEvent[], result: ReadResult): void {
  for (const event of events) {
    if (event.type === 'record') {
      result.records.push(event.record);
      result.order.push(event.record.id);
    } else {
      result.errors.push(event.error);
      result.order.push(`error:${event.error.code}@${event.error.line}`);
    }
  }
}

export async function readAll(path: string, options?: ReadSequencesOptions): Promise<ReadResult> {
  const result: ReadResult = { records: [], errors: [], batches: 0, order: [] };
  for await (const batch of readSequences(path, options)) {
    result.batches++;
    collect(batch, result);
  }
  return result;
}

/** Feeds `bytes` to a parser cut at the given offsets (copies, so the input is untouched). */
export function parseSplit(
  format: SequenceFormat,
  bytes: Buffer,
  cuts: number[] = [],
  limits?: RecordLimits,
): ReadResult {
  const result: ReadResult = { records: [], errors: [], batches: 0, order: [] };
  const parser = createParser(format, 'test', limits);
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    collect(parser.push(Buffer.from(bytes.subarray(start, cut))), result);
    start = cut;
  }
  collect(parser.end(), result);
  return result;
}

let dir: string | null = null;

/** Writes a file in a per-test-file temporary folder (removed after the file's tests). */
export function writeTemp(name: string, content: string | Uint8Array): string {
  if (dir === null) {
    dir = mkdtempSync(join(tmpdir(), 'variantdesk-seq-'));
    const created = dir;
    afterAll(() => rmSync(created, { recursive: true, force: true }));
  }
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
