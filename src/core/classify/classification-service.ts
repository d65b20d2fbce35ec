/** Reads of stored classification runs: history, one run, its predictions, exports. */
import { and, asc, count, desc, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  exportClassificationInput,
  listPredictionsInput,
  PredictionFilter,
} from '../../shared/classify-schemas';
import type {
  ClassificationDetail,
  ClassificationSummary,
  PredictionDetail,
  PredictionPage,
  PredictionRow,
  TreePlacement,
} from '../../shared/classify-types';
import type { ExportedFile } from '../../shared/types';
import { formatRecords, MIME_TYPES, type RecordValue } from '../sequences/delimited';
import { NotFoundError } from '../errors';
import type { RegistryDb } from '../registry/db';
import { classifications, datasets, modelVersions, predictions } from '../registry/schema';
import { containsText } from '../registry/sql-helpers';
import { confidenceHistogram } from './prediction-rules';
import { TREE_COLUMNS, treeCells } from './prediction-rows';

type PredictionSelect = typeof predictions.$inferSelect;

const summaryColumns = {
  run: classifications,
  datasetName: datasets.name,
  modelName: modelVersions.name,
  modelVersion: modelVersions.version,
  modelTask: modelVersions.task,
};

type SummarySelect = {
  run: typeof classifications.$inferSelect;
  datasetName: string;
  modelName: string;
  modelVersion: string;
  modelTask: string;
};

function toSummary({ run, ...joined }: SummarySelect): ClassificationSummary {
  return {
    id: run.id,
    datasetId: run.datasetId,
    datasetName: joined.datasetName,
    model: {
      id: run.modelVersionId,
      name: joined.modelName,
      version: joined.modelVersion,
      task: joined.modelTask,
    },
    pathogenId: run.pathogenId,
    analysisId: run.analysisId,
    createdAt: run.createdAt,
    sequenceCount: run.sequenceCount,
    assignedCount: run.assignedCount,
    unassignedCount: run.unassignedCount,
    unassignedByReason: run.unassignedByReason,
    recombinantCount: run.recombinantCount,
    labelCounts: run.labelCounts,
    confidenceThreshold: run.confidenceThreshold,
    durationMs: run.durationMs,
  };
}

function toRow(row: PredictionSelect): PredictionRow {
  return {
    ordinal: row.ordinal,
    seqId: row.seqId,
    label: row.label,
    topLabel: row.topLabel,
    confidence: row.confidence,
    status: row.status,
    reason: row.reason,
    detail: row.detail,
    fallbackLabel: row.fallbackLabel,
    fallbackExemplar: row.fallbackExemplar,
    fallbackDistance: row.fallbackDistance,
    recombinant: row.recombinant ?? null,
    tree: row.tree ?? null,
    qcVerdict: row.qcVerdict as PredictionRow['qcVerdict'],
    aaSubstitutions: row.aaSubstitutions ? row.aaSubstitutions.split(',') : [],
  };
}

function filterWhere(classificationId: number, filter: PredictionFilter): SQL | undefined {
  const p = predictions;
  const conditions: (SQL | undefined)[] = [eq(p.classificationId, classificationId)];
  if (filter.status) conditions.push(eq(p.status, filter.status));
  if (filter.label !== undefined)
    // Unassigned sequences have no label: for them the filter means the most probable one.
    conditions.push(
      filter.status === 'unassigned' ? eq(p.topLabel, filter.label) : eq(p.label, filter.label),
    );
  if (filter.reason) conditions.push(eq(p.reason, filter.reason));
  if (filter.minConfidence !== undefined) conditions.push(gte(p.confidence, filter.minConfidence));
  if (filter.maxConfidence !== undefined) conditions.push(lte(p.confidence, filter.maxConfidence));
  if (filter.qcVerdict) conditions.push(eq(p.qcVerdict, filter.qcVerdict));
  if (filter.idContains) conditions.push(containsText(p.seqId, filter.idContains));
  if (filter.recombinant !== undefined)
    conditions.push(filter.recombinant ? isNotNull(p.recombinant) : sql`${p.recombinant} IS NULL`);
  return and(...conditions);
}

const sortColumns = {
  ordinal: predictions.ordinal,
  seqId: predictions.seqId,
  label: sql`coalesce(${predictions.label}, ${predictions.topLabel})`,
  confidence: predictions.confidence,
  fallbackDistance: predictions.fallbackDistance,
};

export class ClassificationService {
  constructor(private readonly db: RegistryDb) {}

  /** Newest first; one dataset's, or every dataset's. */
  list(datasetId?: number): ClassificationSummary[] {
    return this.db
      .select(summaryColumns)
      .from(classifications)
      .innerJoin(datasets, eq(datasets.id, classifications.datasetId))
      .innerJoin(modelVersions, eq(modelVersions.id, classifications.modelVersionId))
      .where(datasetId === undefined ? undefined : eq(classifications.datasetId, datasetId))
      .orderBy(desc(classifications.id))
      .all()
      .map(toSummary);
  }

  /** @throws NotFoundError */
  summary(classificationId: number): ClassificationSummary {
    const row = this.db
      .select(summaryColumns)
      .from(classifications)
      .innerJoin(datasets, eq(datasets.id, classifications.datasetId))
      .innerJoin(modelVersions, eq(modelVersions.id, classifications.modelVersionId))
      .where(eq(classifications.id, classificationId))
      .get();
    if (!row) throw new NotFoundError(`no classification with id ${classificationId}`);
    return toSummary(row);
  }

  get(classificationId: number): ClassificationDetail {
    const summary = this.summary(classificationId);
    // One read serves the histogram and the QC counts.
    const values = this.db
      .select({
        confidence: predictions.confidence,
        status: predictions.status,
        verdict: predictions.qcVerdict,
      })
      .from(predictions)
      .where(eq(predictions.classificationId, classificationId))
      .all();
    const qcCounts: ClassificationDetail['qcCounts'] = {
      good: 0,
      mediocre: 0,
      bad: 0,
      failed: 0,
      none: 0,
    };
    for (const { verdict } of values) qcCounts[(verdict ?? 'none') as keyof typeof qcCounts] += 1;
    return { ...summary, confidenceHistogram: confidenceHistogram(values), qcCounts };
  }

  listPredictions(query: z.output<typeof listPredictionsInput>): PredictionPage {
    this.summary(query.classificationId);
    const where = filterWhere(query.classificationId, query.filter);
    const total = this.db.select({ n: count() }).from(predictions).where(where).get()?.n ?? 0;
    const direction = query.sort.direction === 'asc' ? asc : desc;
    const rows = this.db
      .select()
      .from(predictions)
      .where(where)
      .orderBy(direction(sortColumns[query.sort.column]), asc(predictions.ordinal))
      .limit(query.limit)
      .offset(query.offset)
      .all();
    return { rows: rows.map(toRow), total, offset: query.offset };
  }

  /** @throws NotFoundError when the run or the sequence is not there */
  getPrediction(classificationId: number, seqId: string): PredictionDetail {
    const summary = this.summary(classificationId);
    const row = this.db
      .select()
      .from(predictions)
      .where(and(eq(predictions.classificationId, classificationId), eq(predictions.seqId, seqId)))
      .get();
    if (!row)
      throw new NotFoundError(`classification ${classificationId} has no sequence '${seqId}'`);
    return {
      ...toRow(row),
      top: row.top,
      classificationId,
      analysisId: summary.analysisId,
      model: { id: summary.model.id, name: summary.model.name, version: summary.model.version },
    };
  }

  /** The run's sequences that were placed on a tree, in input order, with their placements. */
  placements(
    classificationId: number,
  ): { id: string; placement: TreePlacement; label: string | null }[] {
    this.summary(classificationId);
    return this.db
      .select({ id: predictions.seqId, tree: predictions.tree, label: predictions.label })
      .from(predictions)
      .where(and(eq(predictions.classificationId, classificationId), isNotNull(predictions.tree)))
      .orderBy(asc(predictions.ordinal))
      .all()
      .map((row) => ({ id: row.id, placement: row.tree!, label: row.label }));
  }

  /** The filtered predictions, in the table's order, as a file. */
  export(query: z.output<typeof exportClassificationInput>): ExportedFile {
    const summary = this.summary(query.classificationId);
    const direction = query.sort.direction === 'asc' ? asc : desc;
    const rows = this.db
      .select()
      .from(predictions)
      .where(filterWhere(query.classificationId, query.filter))
      .orderBy(direction(sortColumns[query.sort.column]), asc(predictions.ordinal))
      .all();
    const columns = [
      'id',
      'label',
      'confidence',
      'status',
      'reason',
      'top_label',
      'fallback_label',
      'fallback_exemplar',
      'fallback_distance',
      'recombinant_parents',
      'breakpoint',
      ...TREE_COLUMNS,
      'qc_verdict',
      'aa_substitutions',
      'model',
      'model_version',
    ];
    const records = rows.map((row): Record<string, RecordValue> => ({
      id: row.seqId,
      label: row.label,
      confidence: Number(row.confidence.toFixed(4)),
      status: row.status,
      reason: row.reason,
      top_label: row.topLabel,
      fallback_label: row.fallbackLabel,
      fallback_exemplar: row.fallbackExemplar,
      fallback_distance: row.fallbackDistance,
      recombinant_parents: row.recombinant ? row.recombinant.parents.join('/') : null,
      breakpoint: row.recombinant?.breakpoint ?? null,
      ...treeCells(row.tree, row.label),
      qc_verdict: row.qcVerdict,
      aa_substitutions: row.aaSubstitutions,
      model: summary.model.name,
      model_version: summary.model.version,
    }));
    const safeName = summary.datasetName.replace(/[^\w.-]+/g, '_').slice(0, 60);
    return {
      fileName: `classification-${summary.id}.${safeName}.${query.format}`,
      mimeType: MIME_TYPES[query.format],
      content: formatRecords(records, columns, query.format),
    };
  }

  delete(classificationId: number): { deleted: boolean } {
    const result = this.db
      .delete(classifications)
      .where(eq(classifications.id, classificationId))
      .run();
    return { deleted: result.changes > 0 };
  }
}
