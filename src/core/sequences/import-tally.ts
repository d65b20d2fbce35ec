/**
 * What one import has taken in so far: the ids seen, the errors kept, the bases, the
 * metadata rows matched and the content hash; each new sequence is written to the dataset
 * as it comes. Made inside the import's transaction, once the dataset's row exists.
 */
import { createHash } from 'node:crypto';
import type { MetadataReport, RecordError } from '../../shared/types';
import type { RegistryDb } from '../registry/db';
import type { MetadataTable } from './metadata';
import type { ReadEvent } from './types';

/** Errors kept in full in the report and the registry; the count covers them all. */
export const MAX_STORED_ERRORS = 1000;
const MAX_UNMATCHED_IDS = 200;

export class ImportTally {
  readonly seen = new Map<string, { file: string; line: number }>();
  readonly errors: RecordError[] = [];
  errorCount = 0;
  totalBases = 0;
  matched = 0;
  private readonly hash = createHash('sha256');
  private readonly insertSequence;

  constructor(
    client: RegistryDb['$client'],
    private readonly datasetId: number,
    private readonly metadata: MetadataTable | null,
  ) {
    this.insertSequence = client.prepare(
      `INSERT INTO sequences (dataset_id, ordinal, seq_id, description, length, n_count, ambiguous_count,
         gc_count, n_fraction, gc_fraction, sequence, quality, metadata)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  addError(error: RecordError): void {
    this.errorCount += 1;
    if (this.errors.length < MAX_STORED_ERRORS) this.errors.push(error);
  }

  /**
   * Takes one event read from `fileName`: a sequence with a new id is written to the
   * dataset (true); a bad record or a repeated id is counted as an error (false).
   */
  take(fileName: string, event: ReadEvent): boolean {
    if (event.type === 'error') {
      this.addError(event.error);
      return false;
    }
    const record = event.record;
    const first = this.seen.get(record.id);
    if (first) {
      this.addError({
        file: fileName,
        line: record.line,
        recordId: record.id,
        code: 'duplicate-id',
        reason: `duplicate id '${record.id}' (first seen in ${first.file} at line ${first.line})`,
      });
      return false;
    }
    this.seen.set(record.id, { file: fileName, line: record.line });
    const meta = this.metadata?.rows.get(record.id) ?? null;
    if (meta) this.matched += 1;
    const acgt = record.length - record.nCount - record.ambiguousCount;
    this.insertSequence.run(
      this.datasetId,
      this.seen.size - 1,
      record.id,
      record.description,
      record.length,
      record.nCount,
      record.ambiguousCount,
      record.gcCount,
      record.length > 0 ? record.nCount / record.length : 0,
      acgt > 0 ? record.gcCount / acgt : 0,
      record.sequence,
      record.quality ?? null,
      meta ? JSON.stringify(meta) : null,
    );
    this.hash.update(`${record.id}\t${record.sequence}\n`);
    this.totalBases += record.length;
    return true;
  }

  /** How the metadata rows met the sequences; null without metadata. */
  metadataReport(): MetadataReport | null {
    const metadata = this.metadata;
    if (!metadata) return null;
    const unmatched = [...metadata.rows.keys()].filter((id) => !this.seen.has(id));
    return {
      file: metadata.file,
      columns: metadata.columns,
      idColumn: metadata.idColumn,
      rows: metadata.rows.size,
      matched: this.matched,
      unmatchedIds: unmatched.slice(0, MAX_UNMATCHED_IDS),
      unmatchedCount: unmatched.length,
      sequencesWithoutMetadata: this.seen.size - this.matched,
    };
  }

  /** The content hash: every sequence taken, in order, then the metadata table. Call once. */
  contentSha256(): string {
    const metadata = this.metadata;
    if (metadata) {
      this.hash.update(`metadata\t${metadata.columns.join('\t')}\n`);
      for (const [id, row] of metadata.rows) this.hash.update(`${id}\t${JSON.stringify(row)}\n`);
    }
    return this.hash.digest('hex');
  }
}
