/** Raw input as a sequence of decoded chunks, plain or gzip, with on-disk bytes consumed. */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { InputStopCode } from './parser';
import type { GzipRatioGuard } from './input-limits';

export interface Chunk {
  /** Valid until the next chunk is requested. */
  data: Buffer;
  /** Bytes of the file on disk consumed so far. */
  bytesRead: number;
}

/**
 * The gzip stream ended early or is corrupt, or was stopped by the ratio guard; chunks before
 * it were good.
 */
export class GzipDataError extends Error {
  override readonly name = 'GzipDataError';
  constructor(
    readonly detail: string,
    readonly code: InputStopCode = 'truncated-gzip',
  ) {
    super(`gzip data ${detail}`);
  }
}

/** `guard` applies to gzip input only (null: none). */
export function readChunks(
  path: string,
  gzip: boolean,
  chunkSize: number,
  guard: GzipRatioGuard | null,
): AsyncGenerator<Chunk> {
  return gzip ? readGzip(path, chunkSize, guard) : readPlain(path, chunkSize);
}

/** Bytes per asynchronous read: each costs an event-loop turn, so more than a chunk. */
const READ_AHEAD_BYTES = 1024 * 1024;

async function* readPlain(path: string, chunkSize: number): AsyncGenerator<Chunk> {
  const handle = await open(path, 'r');
  try {
    yield* readAhead(handle, chunkSize);
  } finally {
    await handle.close();
  }
}

/**
 * Reads READ_AHEAD_BYTES at a time into two alternating buffers, so the next read runs on
 * the thread pool while the current one is parsed, and hands them out in `chunkSize` slices.
 */
async function* readAhead(handle: FileHandle, chunkSize: number): AsyncGenerator<Chunk> {
  const size = Math.max(chunkSize, READ_AHEAD_BYTES);
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)] as const;
  let which = 0;
  let position = 0;
  let pending = handle.read(buffers[0], 0, size, 0);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return;
      const current = buffers[which]!;
      const start = position;
      position += bytesRead;
      which ^= 1;
      pending = handle.read(buffers[which]!, 0, size, position);
      for (let offset = 0; offset < bytesRead; offset += chunkSize) {
        const end = Math.min(bytesRead, offset + chunkSize);
        yield { data: current.subarray(offset, end), bytesRead: start + end };
      }
    }
  } finally {
    await pending.catch(() => undefined);
  }
}

function gzipDetail(error: NodeJS.ErrnoException): string | null {
  if (error.code === 'Z_BUF_ERROR') return 'ends early';
  if (error.code?.startsWith('Z_')) return `is corrupt (${error.message})`;
  return null;
}

/** Decoded chunks waiting for the parser before the compressed input is paused. */
const MAX_QUEUED = 4;

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`;
}

/** The guard's verdict after `decoded` bytes out of `compressed` bytes read, or null. */
function ratioFailure(
  guard: GzipRatioGuard | null,
  decoded: number,
  compressed: number,
): GzipDataError | null {
  if (guard === null || decoded <= guard.afterBytes || decoded <= guard.maxRatio * compressed)
    return null;
  const detail =
    `expands to more than ${guard.maxRatio} times its compressed size ` +
    `(${mebibytes(decoded)} from ${mebibytes(compressed)}), so reading stopped`;
  return new GzipDataError(detail, 'decompression-limit');
}

/**
 * zlib runs on the thread pool while the parser works. Its output is taken from 'data' events
 * rather than an async iterator: on an error a stream drops what it had buffered, and every
 * chunk decoded before a truncation or a failed check must still reach the parser.
 */
async function* readGzip(
  path: string,
  chunkSize: number,
  guard: GzipRatioGuard | null,
): AsyncGenerator<Chunk> {
  const source = createReadStream(path, { highWaterMark: 64 * 1024 });
  const gunzip = createGunzip({ chunkSize });
  const queue: Buffer[] = [];
  let decoded = 0;
  let failure: Error | null = null;
  let ended = false;
  let needDrain = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const regulate = (): void => {
    if (needDrain || queue.length >= MAX_QUEUED) source.pause();
    else source.resume();
  };
  source.on('data', (data: string | Buffer) => {
    needDrain = !gunzip.write(data);
    regulate();
  });
  source.on('end', () => gunzip.end());
  source.on('error', (error) => {
    failure ??= error;
    notify();
  });
  gunzip.on('drain', () => {
    needDrain = false;
    regulate();
  });
  gunzip.on('data', (data: Buffer) => {
    if (failure !== null) return;
    decoded += data.length;
    // Compressed bytes read so far run ahead of what was decoded: the ratio errs low.
    failure = ratioFailure(guard, decoded, source.bytesRead);
    if (failure !== null) source.destroy();
    else queue.push(data);
    regulate();
    notify();
  });
  gunzip.on('end', () => {
    ended = true;
    notify();
  });
  gunzip.on('error', (error) => {
    failure ??= error;
    notify();
  });
  try {
    for (;;) {
      const data = queue.shift();
      if (data !== undefined) {
        regulate();
        yield { data, bytesRead: source.bytesRead };
        continue;
      }
      // Set by the stream callbacks, which control-flow analysis does not see.
      const stop = failure as Error | null;
      if (stop !== null) {
        if (stop instanceof GzipDataError) throw stop;
        const detail = gzipDetail(stop);
        throw detail === null ? stop : new GzipDataError(detail);
      }
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    source.destroy();
    gunzip.destroy();
  }
}
