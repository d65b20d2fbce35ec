/** Writes a clustering run (one transaction) and decodes its typed-array blobs. */
import type { ClusterParams } from '../../shared/cluster-schemas';
import type { ClusterMetrics, ClusterSummary } from '../../shared/cluster-types';
import type { RegistryDb } from '../registry/db';
import { clusterings } from '../registry/schema';

export interface NewClustering {
  datasetId: number;
  analysisId: number | null;
  params: ClusterParams;
  featurizer: Record<string, unknown>;
  featurizerDescription: string;
  metrics: ClusterMetrics;
  summaries: ClusterSummary[];
  ordinals: Int32Array;
  dimensions: number;
  coordinates: Float32Array;
  assignments: Int32Array;
  durationMs: number;
}

// Blobs are the arrays' bytes in the platform order; every platform Electron ships on is
// little-endian, and `fromBlob` checks the length.
const toBlob = (array: Int32Array | Float32Array): Buffer =>
  Buffer.from(array.buffer, array.byteOffset, array.byteLength);

export function int32FromBlob(blob: Buffer, count: number, what: string): Int32Array {
  if (blob.byteLength !== count * 4)
    throw new Error(`stored ${what} has ${blob.byteLength} bytes, expected ${count * 4}`);
  // Copy: the Buffer may sit at an offset that is not a multiple of 4.
  return new Int32Array(new Uint8Array(blob).buffer);
}

export function float32FromBlob(blob: Buffer, count: number, what: string): Float32Array {
  if (blob.byteLength !== count * 4)
    throw new Error(`stored ${what} has ${blob.byteLength} bytes, expected ${count * 4}`);
  return new Float32Array(new Uint8Array(blob).buffer);
}

/** @param onCommit runs inside the transaction, before COMMIT (the job records its outcome) */
export function storeClustering(
  db: RegistryDb,
  run: NewClustering,
  onCommit?: (clusteringId: number) => void,
): number {
  const clusterIds = new Set(run.assignments);
  const noiseCount = run.assignments.reduce((n, a) => n + (a < 0 ? 1 : 0), 0);
  return db.transaction((tx) => {
    const row = tx
      .insert(clusterings)
      .values({
        datasetId: run.datasetId,
        analysisId: run.analysisId,
        params: run.params,
        featurizer: { ...run.featurizer, description: run.featurizerDescription },
        metrics: run.metrics,
        summaries: run.summaries,
        sequenceCount: run.ordinals.length,
        clusterCount: [...clusterIds].filter((c) => c >= 0).length,
        noiseCount,
        dimensions: run.dimensions,
        ordinals: toBlob(run.ordinals),
        coordinates: toBlob(run.coordinates),
        assignments: toBlob(run.assignments),
        durationMs: run.durationMs,
      })
      .returning({ id: clusterings.id })
      .get();
    onCommit?.(row.id);
    return row.id;
  });
}
