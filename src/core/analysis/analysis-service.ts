/** Reads stored analyses: summaries, the per-sequence QC table, one sequence's calls, mutations. */
import { and, asc, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { listMutationsInput, listQcInput, mutationQuery } from '../../shared/analysis-schemas';
import type {
  AnalysisSummary,
  MutationKind,
  MutationPage,
  MutationRow,
  PathogenSummary,
  QcPage,
  QcRow,
  QcVerdict,
  ScoreBin,
  SequenceResult,
} from '../../shared/analysis-types';
import { NotFoundError } from '../errors';
import type { RegistryDb } from '../registry/db';
import { analyses, mutationCarriers, mutationCounts, sequenceResults } from '../registry/schema';
import { containsText, inJsonList } from '../registry/sql-helpers';

/** Score bins of the QC histogram: good, mediocre and bad stay on separate bins. */
const SCORE_EDGES = [0, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000, Infinity];

const qcColumns = {
  id: sequenceResults.id,
  seqId: sequenceResults.seqId,
  ordinal: sequenceResults.ordinal,
  failure: sequenceResults.failure,
  qc: sequenceResults.qc,
  nearest: sequenceResults.nearest,
  substitutionCount: sequenceResults.substitutionCount,
  deletionCount: sequenceResults.deletionCount,
  insertionCount: sequenceResults.insertionCount,
  missingCount: sequenceResults.missingCount,
};

type QcSelect = { [K in keyof typeof qcColumns]: (typeof qcColumns)[K]['_']['data'] | null };

function toQcRow(row: QcSelect): QcRow {
  return {
    seqId: row.seqId!,
    ordinal: row.ordinal!,
    failure: row.failure ?? null,
    verdict: row.qc?.verdict ?? null,
    overallScore: row.qc?.overallScore ?? null,
    rules: row.qc?.rules ?? [],
    nearest: row.nearest ?? null,
    substitutionCount: row.substitutionCount ?? 0,
    deletionCount: row.deletionCount ?? 0,
    insertionCount: row.insertionCount ?? 0,
    missingCount: row.missingCount ?? 0,
  };
}

export interface StoredAnalysis {
  id: number;
  referenceSha256: string;
}

/** The stored analysis of a dataset against a pathogen, if any, with its reference hash. */
export function findAnalysis(
  db: RegistryDb,
  datasetId: number,
  pathogenId: string,
): StoredAnalysis | null {
  return (
    db
      .select({ id: analyses.id, referenceSha256: analyses.referenceSha256 })
      .from(analyses)
      .where(and(eq(analyses.datasetId, datasetId), eq(analyses.pathogenId, pathogenId)))
      .get() ?? null
  );
}

export class AnalysisService {
  constructor(
    private readonly db: RegistryDb,
    private readonly pathogens: {
      summary(id: string): PathogenSummary;
      reference(id: string): string;
    },
  ) {}

  referenceSequence(pathogenId: string): string {
    return this.pathogens.reference(pathogenId);
  }

  list(datasetId: number): AnalysisSummary[] {
    return this.db
      .select()
      .from(analyses)
      .where(eq(analyses.datasetId, datasetId))
      .orderBy(desc(analyses.id))
      .all()
      .map((row) => this.summarize(row));
  }

  get(analysisId: number): AnalysisSummary {
    const row = this.db.select().from(analyses).where(eq(analyses.id, analysisId)).get();
    if (!row) throw new NotFoundError(`no analysis with id ${analysisId}`);
    return this.summarize(row);
  }

  listQc(query: z.output<typeof listQcInput>): QcPage {
    this.get(query.analysisId);
    const where = this.qcWhere(query);
    const total = this.db.select({ n: count() }).from(sequenceResults).where(where).get()?.n ?? 0;
    const column = {
      ordinal: sequenceResults.ordinal,
      seqId: sequenceResults.seqId,
      qcScore: sequenceResults.qcScore,
      substitutionCount: sequenceResults.substitutionCount,
      missingCount: sequenceResults.missingCount,
    }[query.sort.column];
    const direction = query.sort.direction === 'asc' ? asc : desc;
    const rows = this.db
      .select(qcColumns)
      .from(sequenceResults)
      .where(where)
      .orderBy(direction(column), asc(sequenceResults.ordinal))
      .limit(query.limit)
      .offset(query.offset)
      .all();
    return { total, offset: query.offset, rows: rows.map(toQcRow) };
  }

  getSequenceResult(analysisId: number, seqId: string): SequenceResult {
    const row = this.db
      .select({ ...qcColumns, calls: sequenceResults.calls })
      .from(sequenceResults)
      .where(and(eq(sequenceResults.analysisId, analysisId), eq(sequenceResults.seqId, seqId)))
      .get();
    if (!row) throw new NotFoundError(`no sequence '${seqId}' in analysis ${analysisId}`);
    return { ...toQcRow(row), calls: row.calls ?? null };
  }

  listMutations(query: z.output<typeof listMutationsInput>): MutationPage {
    this.get(query.analysisId);
    const where = this.mutationWhere(query);
    const total = this.db.select({ n: count() }).from(mutationCounts).where(where).get()?.n ?? 0;
    const rows = this.mutationRows(query, query.offset, query.limit);
    return { total, offset: query.offset, rows };
  }

  /** All mutation rows of a query, for exports. */
  mutationRows(query: z.output<typeof mutationQuery>, offset = 0, limit = -1): MutationRow[] {
    const column = {
      position: mutationCounts.position,
      count: mutationCounts.count,
      label: mutationCounts.label,
      gene: mutationCounts.gene,
    }[query.sort.column];
    const direction = query.sort.direction === 'asc' ? asc : desc;
    return this.db
      .select()
      .from(mutationCounts)
      .where(this.mutationWhere(query))
      .orderBy(direction(column), asc(mutationCounts.position), asc(mutationCounts.label))
      .limit(limit)
      .offset(offset)
      .all()
      .map((row) => ({
        label: row.label,
        kind: row.kind as MutationKind,
        position: row.position,
        gene: row.gene,
        aaChanges: row.aaChanges ? row.aaChanges.split(',') : [],
        count: row.count,
        frequency: row.frequency,
      }));
  }

  find(datasetId: number, pathogenId: string): StoredAnalysis | null {
    return findAnalysis(this.db, datasetId, pathogenId);
  }

  private summarize(row: typeof analyses.$inferSelect): AnalysisSummary {
    const scores = this.db
      .select({ score: sequenceResults.qcScore })
      .from(sequenceResults)
      .where(
        and(eq(sequenceResults.analysisId, row.id), sql`${sequenceResults.qcScore} IS NOT NULL`),
      )
      .all();
    const bins: ScoreBin[] = SCORE_EDGES.slice(0, -1).map((from, i) => ({
      from,
      to: SCORE_EDGES[i + 1]!,
      count: 0,
    }));
    for (const { score } of scores) {
      const bin = bins.find((b) => score! >= b.from && score! < b.to);
      if (bin) bin.count += 1;
    }
    const qc: Record<QcVerdict, number> = {
      good: row.goodCount,
      mediocre: row.mediocreCount,
      bad: row.badCount,
    };
    return {
      id: row.id,
      datasetId: row.datasetId,
      pathogen: this.pathogens.summary(row.pathogenId),
      createdAt: row.createdAt,
      sequenceCount: row.sequenceCount,
      alignedCount: row.alignedCount,
      failedCount: row.failedCount,
      qc,
      durationMs: row.durationMs,
      scoreHistogram: bins,
    };
  }

  private qcWhere(query: z.output<typeof listQcInput>): SQL | undefined {
    const { filter } = query;
    const conditions: (SQL | undefined)[] = [eq(sequenceResults.analysisId, query.analysisId)];
    if (filter.verdict === 'failed') conditions.push(sql`${sequenceResults.failure} IS NOT NULL`);
    else if (filter.verdict) conditions.push(eq(sequenceResults.qcVerdict, filter.verdict));
    if (filter.idContains) conditions.push(containsText(sequenceResults.seqId, filter.idContains));
    if (filter.seqIds) conditions.push(inJsonList(sequenceResults.seqId, filter.seqIds));
    if (filter.mutation) {
      const carriers = this.db
        .select({ id: mutationCarriers.resultId })
        .from(mutationCarriers)
        .innerJoin(mutationCounts, eq(mutationCounts.id, mutationCarriers.mutationId))
        .where(
          and(
            eq(mutationCounts.analysisId, query.analysisId),
            eq(mutationCounts.label, filter.mutation),
          ),
        );
      conditions.push(inArray(sequenceResults.id, carriers));
    }
    return and(...conditions);
  }

  private mutationWhere(query: z.output<typeof mutationQuery>): SQL | undefined {
    const { filter } = query;
    const conditions: (SQL | undefined)[] = [eq(mutationCounts.analysisId, query.analysisId)];
    if (filter.gene) conditions.push(eq(mutationCounts.gene, filter.gene));
    if (filter.kind) conditions.push(eq(mutationCounts.kind, filter.kind));
    if (filter.minPosition !== undefined)
      conditions.push(gte(mutationCounts.position, filter.minPosition));
    if (filter.maxPosition !== undefined)
      conditions.push(lte(mutationCounts.position, filter.maxPosition));
    if (filter.minFrequency !== undefined)
      conditions.push(gte(mutationCounts.frequency, filter.minFrequency));
    if (filter.maxFrequency !== undefined)
      conditions.push(lte(mutationCounts.frequency, filter.maxFrequency));
    if (filter.labelContains) {
      const text = filter.labelContains;
      conditions.push(
        or(containsText(mutationCounts.label, text), containsText(mutationCounts.aaChanges, text)),
      );
    }
    return and(...conditions);
  }
}
