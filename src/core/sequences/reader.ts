/**
 * Streaming FASTA/FASTQ(.gz) reader: yields one batch of events per input chunk, with memory
 * bounded by the record limit (`maxRecordLength`), whatever the file size.
 */
import { basename } from 'node:path';
import { readChunks, GzipDataError } from './chunk-source';
import { detectFile } from './detect';
import { DEFAULT_GZIP_RATIO_GUARD, recordLimits } from './input-limits';
import { createParser } from './parser';
import type { ReadEvent, ReadSequencesOptions } from './types';

/** Decoded bytes per chunk (and so per batch of events). */
export const CHUNK_BYTES = 256 * 1024;
const PROGRESS_STEP = 64 * 1024;

/**
 * Reads `path` (format and compression sniffed by `detectFile`, which may throw
 * `FileRefusedError`). Per-record problems are `error` events (a record longer than
 * `maxRecordLength` is one: `record-too-long`, its bases skipped unbuffered); a truncated or
 * corrupt gzip stream ends the batches with one `truncated-gzip` error, a gzip stream that
 * trips the ratio guard with one `decompression-limit` error. Aborting `signal` throws its
 * reason.
 */
export async function* readSequences(
  path: string,
  options: ReadSequencesOptions = {},
): AsyncGenerator<ReadEvent[]> {
  const { signal, onProgress } = options;
  const file = options.displayName ?? basename(path);
  signal?.throwIfAborted();
  const info = await detectFile(path, file);
  const guard =
    options.gzipRatioGuard === undefined ? DEFAULT_GZIP_RATIO_GUARD : options.gzipRatioGuard;
  const parser = createParser(info.format, file, recordLimits(options.maxRecordLength));
  let reported = 0;
  const report = (bytesRead: number): void => {
    reported = bytesRead;
    onProgress?.({ bytesRead, bytesTotal: info.bytes, records: parser.records });
  };
  let broken: GzipDataError | null = null;
  try {
    for await (const { data, bytesRead } of readChunks(path, info.gzip, CHUNK_BYTES, guard)) {
      signal?.throwIfAborted();
      const events = parser.push(data);
      if (bytesRead - reported >= PROGRESS_STEP) report(bytesRead);
      if (events.length > 0) yield events;
    }
  } catch (error) {
    if (!(error instanceof GzipDataError)) throw error;
    broken = error;
  }
  signal?.throwIfAborted();
  const last = broken === null ? parser.end() : parser.truncate(broken.detail, broken.code);
  report(info.bytes);
  if (last.length > 0) yield last;
}
