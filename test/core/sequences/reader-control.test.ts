import { statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FileRefusedError } from '../../../src/core/sequences/detect';
import { CHUNK_BYTES, readSequences } from '../../../src/core/sequences/reader';
import type { ReadProgress } from '../../../src/core/sequences/types';
import { fixture, readAll, writeTemp } from './helpers';

const text = `>r\n${'ACGTN'.repeat(200)}\n`.repeat(3000); // ~3 MB

describe('readSequences: progress, cancellation, refusal', () => {
  it('reports on-disk bytes about every chunk, ending at the file size', async () => {
    const path = writeTemp('progress.fa', text);
    const progress: ReadProgress[] = [];
    await readAll(path, { onProgress: (p) => progress.push({ ...p }) });
    const size = statSync(path).size;
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(size / CHUNK_BYTES));
    expect(progress.at(-1)).toEqual({ bytesRead: size, bytesTotal: size, records: 3000 });
    for (let i = 1; i < progress.length - 1; i++) {
      expect(progress[i]!.bytesRead - progress[i - 1]!.bytesRead).toBeGreaterThanOrEqual(64 * 1024);
      expect(progress[i]!.records).toBeGreaterThanOrEqual(progress[i - 1]!.records);
    }
  });

  it('reports compressed bytes for gzip', async () => {
    const path = writeTemp('progress.fa.gz', gzipSync(text));
    const progress: ReadProgress[] = [];
    await readAll(path, { onProgress: (p) => progress.push({ ...p }) });
    const size = statSync(path).size;
    expect(progress.at(-1)).toEqual({ bytesRead: size, bytesTotal: size, records: 3000 });
    expect(progress.every((p) => p.bytesRead <= size)).toBe(true);
  });

  it('stops promptly with the signal reason when aborted', async () => {
    const path = writeTemp('abort.fa', text);
    const controller = new AbortController();
    let batches = 0;
    const run = async (): Promise<void> => {
      for await (const batch of readSequences(path, { signal: controller.signal })) {
        expect(batch.length).toBeGreaterThan(0);
        if (++batches === 2) controller.abort();
      }
    };
    await expect(run()).rejects.toMatchObject({ name: 'AbortError' });
    expect(batches).toBe(2);
  });

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    const iterator = readSequences(fixture('good.fa'), { signal: controller.signal });
    await expect(iterator.next()).rejects.toThrow('user cancelled');
  });

  it('can be left early, for plain and gzip files', async () => {
    for (const path of [writeTemp('early.fa', text), writeTemp('early.fa.gz', gzipSync(text))]) {
      let seen = 0;
      for await (const batch of readSequences(path)) {
        seen += batch.length;
        break;
      }
      expect(seen).toBeGreaterThan(0);
    }
  });

  it('throws FileRefusedError for a file that is not sequence data', async () => {
    const iterator = readSequences(fixture('not-sequences.json'), { displayName: 'data.json' });
    await expect(iterator.next()).rejects.toBeInstanceOf(FileRefusedError);
  });
});
