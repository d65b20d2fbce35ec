/**
 * Sequences read as chunks of {id, sequence} for classification as they stream in: from
 * files, or from a dataset in the registry (in import order).
 */
import { readSequences } from '../sequences/reader';
import type { RecordError } from '../../shared/types';
import type { RegistryDb } from '../registry/db';
import type { SequenceInput } from './prediction';

export interface FileChunkOptions {
  chunkSize?: number;
  signal?: AbortSignal;
  /** Bytes read so far over all files, and their total on disk. */
  onBytes?: (done: number, total: number) => void;
  /** A record the reader refused (it is skipped). */
  onRecordError?: (error: RecordError) => void;
  /** Bases of one record beyond which the reader refuses it (its default otherwise). */
  maxRecordLength?: number;
}

/** Bytes per storage segment of a chunk's sequences (a longer sequence gets its own). */
const SEGMENT_BYTES = 4 << 20;

/**
 * Stores sequences as bytes in a few large buffers, so a chunk's strings die as soon as
 * they are read (a young-generation GC then has nothing large to copy).
 */
class SegmentStore {
  private segment = new Uint8Array(0);
  private used = 0;

  /** The sequence's bytes (latin1: the reader's sequences are ASCII letters and '-'). */
  store(sequence: string): Uint8Array {
    const length = sequence.length;
    if (this.used + length > this.segment.length) {
      this.segment = new Uint8Array(Math.max(SEGMENT_BYTES, length));
      this.used = 0;
    }
    const bytes = this.segment.subarray(this.used, this.used + length);
    Buffer.from(bytes.buffer, bytes.byteOffset, length).write(sequence, 'latin1');
    this.used += length;
    return bytes;
  }
}

/**
 * Chunks of records from each file in turn, sequences as bytes. A file that is not
 * sequence data, or cannot be read, throws the reader's error (it names the file).
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
  const store = new SegmentStore();
  for (const [index, path] of paths.entries()) {
    const batches = readSequences(path, {
      ...(options.signal && { signal: options.signal }),
      maxRecordLength: options.maxRecordLength,
      onProgress: ({ bytesRead }) => options.onBytes?.(before + bytesRead, total),
    });
    for await (const events of batches) {
      for (const event of events) {
        if (event.type === 'error') {
          options.onRecordError?.(event.error);
          continue;
        }
        chunk.push({ id: event.record.id, sequence: store.store(event.record.sequence) });
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

/**
 * Chunks of a dataset's sequences in import order, read row by row (memory: one chunk),
 * sequences as bytes.
 */
export async function* datasetRecordChunks(
  db: RegistryDb,
  datasetId: number,
  chunkSize = 2048,
): AsyncGenerator<SequenceInput[]> {
  const rows = db.$client
    .prepare(
      'SELECT seq_id AS id, CAST(sequence AS BLOB) AS sequence FROM sequences WHERE dataset_id = ? ORDER BY ordinal',
    )
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
