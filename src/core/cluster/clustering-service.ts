/** Reads stored clustering runs: summaries, details, points, exports; deletes runs. */
import { desc, eq } from 'drizzle-orm';
import type {
  ClusteringDetail,
  ClusteringSummary,
  ClusterPoints,
} from '../../shared/cluster-types';
import type { ExportedFile } from '../../shared/types';
import { formatRecords, MIME_TYPES, type RecordFormat } from '../sequences/delimited';
import { NotFoundError } from '../errors';
import type { RegistryDb } from '../registry/db';
import { clusterings, datasets } from '../registry/schema';
import { float32FromBlob, int32FromBlob } from './clustering-store';

const summaryColumns = {
  id: clusterings.id,
  datasetId: clusterings.datasetId,
  analysisId: clusterings.analysisId,
  createdAt: clusterings.createdAt,
  params: clusterings.params,
  featurizer: clusterings.featurizer,
  sequenceCount: clusterings.sequenceCount,
  clusterCount: clusterings.clusterCount,
  noiseCount: clusterings.noiseCount,
  metrics: clusterings.metrics,
  durationMs: clusterings.durationMs,
};

type SummaryRow = Omit<ClusteringSummary, 'featurizer'> & { featurizer: Record<string, unknown> };

function toSummary(row: SummaryRow): ClusteringSummary {
  const description = row.featurizer['description'];
  return {
    ...row,
    featurizer: typeof description === 'string' ? description : String(row.featurizer['kind']),
  };
}

interface PointRow {
  seq_id: string;
  value: string | number | null;
}

export class ClusteringService {
  constructor(private readonly db: RegistryDb) {}

  list(datasetId: number): ClusteringSummary[] {
    return this.db
      .select(summaryColumns)
      .from(clusterings)
      .where(eq(clusterings.datasetId, datasetId))
      .orderBy(desc(clusterings.id))
      .all()
      .map(toSummary);
  }

  summary(clusteringId: number): ClusteringSummary {
    const row = this.db
      .select(summaryColumns)
      .from(clusterings)
      .where(eq(clusterings.id, clusteringId))
      .get();
    if (!row) throw new NotFoundError(`no clustering with id ${clusteringId}`);
    return toSummary(row);
  }

  get(clusteringId: number): ClusteringDetail {
    const row = this.db
      .select({ ...summaryColumns, summaries: clusterings.summaries })
      .from(clusterings)
      .where(eq(clusterings.id, clusteringId))
      .get();
    if (!row) throw new NotFoundError(`no clustering with id ${clusteringId}`);
    const { summaries, ...rest } = row;
    const dataset = this.db
      .select({ columns: datasets.metadataColumns })
      .from(datasets)
      .where(eq(datasets.id, row.datasetId))
      .get();
    return {
      ...toSummary(rest),
      clusters: summaries,
      metadataColumns: dataset?.columns ?? [],
    };
  }

  points(clusteringId: number, column?: string): ClusterPoints {
    const run = this.db.select().from(clusterings).where(eq(clusterings.id, clusteringId)).get();
    if (!run) throw new NotFoundError(`no clustering with id ${clusteringId}`);
    const n = run.sequenceCount;
    const ordinals = int32FromBlob(run.ordinals, n, 'ordinals');
    const coordinates = float32FromBlob(run.coordinates, n * run.dimensions, 'coordinates');
    const assignments = int32FromBlob(run.assignments, n, 'assignments');
    // Only the one metadata value asked for is read, not each row's whole metadata.
    const rows = this.db.$client
      .prepare(
        `SELECT s.seq_id, ${column === undefined ? 'NULL' : 's.metadata ->> ?'} AS value
         FROM json_each(?) AS o
           JOIN sequences s ON s.dataset_id = ? AND s.ordinal = o.value
         ORDER BY o.key`,
      )
      .all(
        ...(column === undefined ? [] : [column]),
        JSON.stringify([...ordinals]),
        run.datasetId,
      ) as PointRow[];
    if (rows.length !== n)
      throw new NotFoundError(
        `clustering ${clusteringId} refers to ${n} sequences but ${rows.length} remain in its dataset`,
      );
    const verdicts = new Map<string, string | null>();
    if (run.analysisId !== null) {
      const results = this.db.$client
        .prepare('SELECT seq_id, failure, qc_verdict FROM sequence_results WHERE analysis_id = ?')
        .all(run.analysisId) as {
        seq_id: string;
        failure: string | null;
        qc_verdict: string | null;
      }[];
      for (const r of results) verdicts.set(r.seq_id, r.failure ? 'failed' : r.qc_verdict);
    }
    const ids = rows.map((r) => r.seq_id);
    return {
      clusteringId,
      dimensions: run.dimensions === 3 ? 3 : 2,
      ids,
      coordinates: Array.from(coordinates, (v) => Math.round(v * 1e4) / 1e4),
      assignments: Array.from(assignments),
      qcVerdicts: ids.map((id) => verdicts.get(id) ?? null),
      column:
        column === undefined
          ? null
          : {
              name: column,
              // Empty and missing values are null, as columnValues gives them to the run.
              values: rows.map((r) =>
                r.value === null || r.value === '' ? null : String(r.value),
              ),
            },
    };
  }

  delete(clusteringId: number): { deleted: boolean } {
    const result = this.db.delete(clusterings).where(eq(clusterings.id, clusteringId)).run();
    if (result.changes === 0) throw new NotFoundError(`no clustering with id ${clusteringId}`);
    return { deleted: true };
  }

  /** One row per sequence: id, cluster (-1 noise), coordinates, and the label compared with. */
  export(clusteringId: number, format: RecordFormat): ExportedFile {
    const labelColumn = this.summary(clusteringId).metrics.labelColumn;
    const points = this.points(clusteringId, labelColumn ?? undefined);
    const axes = points.dimensions === 3 ? ['x', 'y', 'z'] : ['x', 'y'];
    const columns = [
      'seq_id',
      'cluster',
      ...axes,
      'qc_verdict',
      ...(labelColumn ? [labelColumn] : []),
    ];
    const records = points.ids.map((id, i) => {
      const record: Record<string, string | number | null> = {
        seq_id: id,
        cluster: points.assignments[i]!,
      };
      axes.forEach((axis, a) => (record[axis] = points.coordinates[i * points.dimensions + a]!));
      record['qc_verdict'] = points.qcVerdicts[i] ?? null;
      if (labelColumn) record[labelColumn] = points.column!.values[i] ?? null;
      return record;
    });
    return {
      fileName: `clustering-${clusteringId}.assignments.${format}`,
      mimeType: MIME_TYPES[format],
      content: formatRecords(records, columns, format),
    };
  }
}
