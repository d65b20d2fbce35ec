/**
 * Sequences read as chunks of {id, sequence} for classification as they stream in: from
 * files, or from a dataset in the registry (in import order).
 */
import { readSequences } from '../../sequences/reader';
import type { RecordError } from '../../../shared/types';
import type { RegistryDb } from '../../registry/db';
import type { SequenceInput } from './prediction';

export interface FileChunkOptions {
  chunkSize?: number;
  signal?: AbortSignal;
  /** Bytes read so far over all files, and their total on disk. */
  onBytes?: (done: number, total: number) => void;
  /** A record the reader refused (it is skipped). */
  onRecordError?: (error: RecordError) => void;
}

/**
 * Chunks of records from each file in turn. A file that is not sequence data, or cannot
 * be read, throws the reader's error (it names the file).
 */
export async function* fileRecordChunks(
  paths: readonly string[],
  sizes: readonly number[],
  options: FileChunkOptions = {},
): AsyncGenerator<SequenceInput[]> {
  const chunkSize = options.chunkSize ?? 2048;
  const total = sizes.reduce((a, b) => a + b, 0);
  let before = 0;
  let chunk: SequenceInput[] = [];
  for (const [index, path] of paths.entries()) {
    const batches = readSequences(path, {
      ...(options.signal && { signal: options.signal }),
      onProgress: ({ bytesRead }) => options.onBytes?.(before + bytesRead, total),
    });
    for await (const events of batches) {
      for (const event of events) {
        if (event.type === 'error') {
          options.onRecordError?.(event.error);
          continue;
        }
        chunk.push({ id: event.record.id, sequence: event.record.sequence });
        if (chunk.length >= chunkSize) {
          yield chunk;
          chunk = [];
        }
      }
    }
    before += sizes[index]!;
  }
  if (chunk.length > 0) yield chunk;
}

/** Chunks of a dataset's sequences in import order, read row by row (memory: one chunk). */
export async function* datasetRecordChunks(
  db: RegistryDb,
  datasetId: number,
  chunkSize = 2048,
): AsyncGenerator<SequenceInput[]> {
  const rows = db.$client
    .prepare('SELECT seq_id AS id, sequence FROM sequences WHERE dataset_id = ? ORDER BY ordinal')
    .iterate(datasetId) as IterableIterator<SequenceInput>;
  let chunk: SequenceInput[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
