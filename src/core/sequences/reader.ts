/**
 * Streaming FASTA/FASTQ(.gz) reader: yields one batch of events per input chunk, with memory
 * bounded by the largest record, whatever the file size.
 */
import { basename } from 'node:path';
import { readChunks, GzipDataError } from './chunk-source';
import { detectFile } from './detect';
import { createParser } from './parser';
import type { ReadEvent, ReadSequencesOptions } from './types';

/** Decoded bytes per chunk (and so per batch of events). */
export const CHUNK_BYTES = 256 * 1024;
const PROGRESS_STEP = 64 * 1024;

/**
 * Reads `path` (format and compression sniffed by `detectFile`, which may throw
 * `FileRefusedError`). Per-record problems are `error` events; a truncated or corrupt gzip
 * stream ends the batches with one `truncated-gzip` error. Aborting `signal` throws its reason.
 */
export async function* readSequences(
  path: string,
  options: ReadSequencesOptions = {},
): AsyncGenerator<ReadEvent[]> {
  const { signal, onProgress } = options;
  const file = options.displayName ?? basename(path);
  signal?.throwIfAborted();
  const info = await detectFile(path, file);
  const parser = createParser(info.format, file);
  let reported = 0;
  const report = (bytesRead: number): void => {
    reported = bytesRead;
    onProgress?.({ bytesRead, bytesTotal: info.bytes, records: parser.records });
  };
  let broken: string | null = null;
  try {
    for await (const { data, bytesRead } of readChunks(path, info.gzip, CHUNK_BYTES)) {
      signal?.throwIfAborted();
      const events = parser.push(data);
      if (bytesRead - reported >= PROGRESS_STEP) report(bytesRead);
      if (events.length > 0) yield events;
    }
  } catch (error) {
    if (!(error instanceof GzipDataError)) throw error;
    broken = error.detail;
  }
  signal?.throwIfAborted();
  const last = broken === null ? parser.end() : parser.truncate(broken);
  report(info.bytes);
  if (last.length > 0) yield last;
}
