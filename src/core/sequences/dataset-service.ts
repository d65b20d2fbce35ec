/** Read and delete datasets and their sequences (paged, sorted, filtered, exported). */
import { and, asc, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { exportSequencesInput, listSequencesInput, sequenceQuery } from '../../shared/schemas';
import type {
  DatasetDetail,
  DatasetSummary,
  ExportedFile,
  SequencePage,
  SequenceRow,
} from '../../shared/types';
import { NotFoundError } from '../errors';
import type { RegistryDb } from '../registry/db';
import { auditLog, datasets, sequences } from '../registry/schema';
import { containsText, inJsonList } from '../registry/sql-helpers';
import { toDatasetSummary } from './dataset-rows';
import { formatTable } from './delimited';

type SequenceQuery = z.output<typeof sequenceQuery>;

const sortColumns = {
  seqId: sequences.seqId,
  ordinal: sequences.ordinal,
  length: sequences.length,
  nFraction: sequences.nFraction,
  gcFraction: sequences.gcFraction,
  ambiguousCount: sequences.ambiguousCount,
} as const;

const rowColumns = {
  seqId: sequences.seqId,
  ordinal: sequences.ordinal,
  length: sequences.length,
  nCount: sequences.nCount,
  nFraction: sequences.nFraction,
  ambiguousCount: sequences.ambiguousCount,
  gcFraction: sequences.gcFraction,
  metadata: sequences.metadata,
};

export class DatasetService {
  constructor(private readonly db: RegistryDb) {}

  list(): DatasetSummary[] {
    return this.db.select().from(datasets).orderBy(desc(datasets.id)).all().map(toDatasetSummary);
  }

  get(datasetId: number): DatasetDetail {
    const row = this.db.select().from(datasets).where(eq(datasets.id, datasetId)).get();
    if (!row) throw new NotFoundError(`no dataset with id ${datasetId}`);
    return {
      ...toDatasetSummary(row),
      errors: row.errors,
      errorCount: row.errorCount,
      metadata: row.metadataReport ?? null,
    };
  }

  delete(datasetId: number): { deleted: boolean } {
    const dataset = this.get(datasetId);
    this.db.transaction((tx) => {
      tx.delete(datasets).where(eq(datasets.id, datasetId)).run();
      tx.insert(auditLog)
        .values({ action: 'dataset.delete', detail: { datasetId, name: dataset.name } })
        .run();
    });
    return { deleted: true };
  }

  listSequences(query: z.output<typeof listSequencesInput>): SequencePage {
    this.get(query.datasetId);
    const where = this.where(query);
    const total = this.db.select({ n: count() }).from(sequences).where(where).get()?.n ?? 0;
    const rows = this.db
      .select(rowColumns)
      .from(sequences)
      .where(where)
      .orderBy(...this.orderBy(query))
      .limit(query.limit)
      .offset(query.offset)
      .all();
    return {
      total,
      offset: query.offset,
      rows: rows.map((row) => ({ ...row, metadata: row.metadata ?? null })),
    };
  }

  exportSequences(query: z.output<typeof exportSequencesInput>): ExportedFile {
    const dataset = this.get(query.datasetId);
    const rows: SequenceRow[] = this.db
      .select(rowColumns)
      .from(sequences)
      .where(this.where(query))
      .orderBy(...this.orderBy(query))
      .all()
      .map((row) => ({ ...row, metadata: row.metadata ?? null }));
    const header = [
      'id',
      'length',
      'n_count',
      'n_fraction',
      'ambiguous_count',
      'gc_fraction',
      ...dataset.metadataColumns,
    ];
    const body = rows.map((row) => [
      row.seqId,
      String(row.length),
      String(row.nCount),
      row.nFraction.toFixed(6),
      String(row.ambiguousCount),
      row.gcFraction.toFixed(6),
      ...dataset.metadataColumns.map((column) => row.metadata?.[column] ?? ''),
    ]);
    const safeName = dataset.name.replace(/[^\w.-]+/g, '_');
    return {
      fileName: `${safeName}.sequences.${query.format}`,
      mimeType: query.format === 'csv' ? 'text/csv' : 'text/tab-separated-values',
      content: formatTable(header, body, query.format),
    };
  }

  private where(query: SequenceQuery): SQL | undefined {
    const { filter } = query;
    const conditions: (SQL | undefined)[] = [eq(sequences.datasetId, query.datasetId)];
    if (filter.idContains) conditions.push(containsText(sequences.seqId, filter.idContains));
    if (filter.seqIds) conditions.push(inJsonList(sequences.seqId, filter.seqIds));
    if (filter.minLength !== undefined) conditions.push(gte(sequences.length, filter.minLength));
    if (filter.maxLength !== undefined) conditions.push(lte(sequences.length, filter.maxLength));
    if (filter.maxNFraction !== undefined)
      conditions.push(lte(sequences.nFraction, filter.maxNFraction));
    if (filter.minGcFraction !== undefined)
      conditions.push(gte(sequences.gcFraction, filter.minGcFraction));
    if (filter.maxGcFraction !== undefined)
      conditions.push(lte(sequences.gcFraction, filter.maxGcFraction));
    return and(...conditions);
  }

  private orderBy(query: SequenceQuery): SQL[] {
    const column = sortColumns[query.sort.column];
    const direction = query.sort.direction === 'asc' ? asc : desc;
    return [direction(column), asc(sequences.ordinal)];
  }
}
