import type { DatasetSummary } from '../../shared/types';
import type { datasets } from '../registry/schema';

export function toDatasetSummary(row: typeof datasets.$inferSelect): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    contentSha256: row.contentSha256,
    createdAt: row.createdAt,
    sequenceCount: row.sequenceCount,
    invalidCount: row.invalidCount,
    totalBases: row.totalBases,
    sourceFiles: row.sourceFiles,
    metadataColumns: row.metadataColumns,
  };
}
