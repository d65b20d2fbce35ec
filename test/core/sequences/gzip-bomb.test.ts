/**
 * Issue #17 acceptance: a gzip file that decompresses to 4 GiB of one record is refused, with
 * the file and the record named, while the reader's peak RSS stays under 500 MB. The bombs
 * are concatenated gzip members (one compressed 64 MiB block written 64 times), read in a
 * child process so that its peak RSS is the reader's own.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeTemp } from './helpers';

const CHILD = resolve(import.meta.dirname, 'read-bounded.ts');
const MAX_RSS_MB = 500;

interface ChildResult {
  records: string[];
  errors: { file: string; line: number; recordId: string | null; code: string; reason: string }[];
  peakRssMb: number;
  seconds: number;
  gaveUp?: string;
}

/** `>header` then `blocks` copies of `block`, each its own gzip member, then `tail`. */
function writeBomb(name: string, header: string, block: Buffer, tail: string, blocks = 64): string {
  const path = writeTemp(name, gzipSync(`${header}\n`));
  const member = gzipSync(block, { level: 9 });
  const fd = openSync(path, 'a');
  try {
    for (let i = 0; i < blocks; i++) writeSync(fd, member);
    if (tail !== '') writeSync(fd, gzipSync(tail));
  } finally {
    closeSync(fd);
  }
  return path;
}

async function readInChild(path: string): Promise<ChildResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  await once(child, 'close');
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildResult;
}

describe('gzip bomb', () => {
  it('refuses 4 GiB of one record (64 MiB of A, 64 times) naming file and record, RSS < 500 MB', async () => {
    const path = writeBomb('bomb.fa.gz', '>bomb', Buffer.alloc(64 << 20, 'A'), '');
    const result = await readInChild(path);
    expect(result.gaveUp).toBeUndefined();
    expect(result.records).toEqual([]);
    expect(result.errors[0]).toEqual({
      file: 'bomb.fa.gz',
      line: 1,
      recordId: 'bomb',
      code: 'record-too-long',
      reason: 'sequence longer than the 100,000,000-base limit (set --max-record-length)',
    });
    // At ~1,000:1 the file is stopped by the decompressed-size guard, long before 4 GiB.
    expect(result.errors[1]).toMatchObject({ file: 'bomb.fa.gz', code: 'decompression-limit' });
    expect(result.errors[1]!.reason).toMatch(
      /^the gzip data expands to more than 500 times its compressed size .*, so reading stopped at line 2$/,
    );
    expect(result.errors).toHaveLength(2);
    expect(result.peakRssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('refuses 1 GiB of gaps in one record (no bases to count) by its text length', async () => {
    const line = `${'-'.repeat(60)}\n`;
    const block = Buffer.from(line.repeat(Math.floor((64 << 20) / line.length)));
    const path = writeBomb('gaps.fa.gz', '>gaps', block, '>after\nACGT\n', 16);
    const result = await readInChild(path);
    expect(result.gaveUp).toBeUndefined();
    expect(result.errors).toEqual([
      {
        file: 'gaps.fa.gz',
        line: 1,
        recordId: 'gaps',
        code: 'record-too-long',
        reason:
          'record text (gaps, blanks and line ends included) longer than the 267,108,864-byte limit (set --max-record-length)',
      },
    ]);
    expect(result.records).toEqual(['after']);
    expect(result.peakRssMb).toBeLessThan(MAX_RSS_MB);
  });

  it('skips 4 GiB of one record in 60-base lines (under the ratio guard) and reads the record after it', async () => {
    const line = `${'A'.repeat(60)}\n`;
    const block = Buffer.from(line.repeat(Math.floor((64 << 20) / line.length)));
    const path = writeBomb('lines.fa.gz', '>bomb big', block, '>after\nACGT\n');
    const result = await readInChild(path);
    expect(result.gaveUp).toBeUndefined();
    expect(result.errors).toEqual([
      {
        file: 'lines.fa.gz',
        line: 1,
        recordId: 'bomb',
        code: 'record-too-long',
        reason: 'sequence longer than the 100,000,000-base limit (set --max-record-length)',
      },
    ]);
    expect(result.records).toEqual(['after']);
    expect(result.peakRssMb).toBeLessThan(MAX_RSS_MB);
  });
});
