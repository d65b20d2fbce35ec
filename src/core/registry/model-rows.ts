/** Registry rows of model versions turned into the contract's shapes. */
import type { BundleManifest } from '../bundles';
import type {
  ModelHeadline,
  ModelVersionDetail,
  ModelVersionSummary,
} from '../../shared/classify-types';
import type { modelVersions } from './schema';

export type ModelVersionRow = typeof modelVersions.$inferSelect;
export type NewModelVersionRow = typeof modelVersions.$inferInsert;

const numberOr = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

function crossValidation(manifest: BundleManifest): Record<string, unknown> {
  const cv = manifest.metrics.crossValidation;
  return cv && typeof cv === 'object' && !Array.isArray(cv) ? (cv as Record<string, unknown>) : {};
}

/** The figures shown beside a model, from the manifest's cross-validation report. */
export function headlineOf(manifest: BundleManifest): ModelHeadline {
  const cv = crossValidation(manifest);
  return {
    accuracy: numberOr(cv.accuracy),
    macroF1: numberOr(cv.macroF1),
    weightedF1: numberOr(cv.weightedF1),
    logLoss: numberOr(cv.logLoss),
    coverage: numberOr(cv.coverage),
  };
}

/** Per-class figures of the cross-validation report, when it has them. */
export function perClassOf(manifest: BundleManifest): ModelVersionDetail['perClass'] {
  const rows = crossValidation(manifest).perClass;
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row: unknown) => {
    const r = row as Record<string, unknown>;
    const precision = numberOr(r.precision);
    const recall = numberOr(r.recall);
    const f1 = numberOr(r.f1);
    const support = numberOr(r.support);
    return typeof r.label === 'string' &&
      precision !== null &&
      recall !== null &&
      f1 !== null &&
      support !== null
      ? [{ label: r.label, precision, recall, f1, support }]
      : [];
  });
}

/** The manifest's account of the chosen model, in words. */
export function describeModel(manifest: BundleManifest): string {
  const chosen = manifest.metrics.chosen;
  return typeof chosen === 'string' ? chosen : manifest.model.family;
}

export function toModelSummary(row: ModelVersionRow, aliases: string[]): ModelVersionSummary {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    task: row.task,
    pathogenId: row.pathogenId,
    family: row.family,
    description: row.description,
    featurizer: row.featurizer,
    labels: row.labels,
    confidenceThreshold: row.confidenceThreshold,
    temperature: row.temperature,
    headline: row.headline,
    aliases,
    source: row.source,
    bundleSha256: row.bundleSha256,
    sizeBytes: row.sizeBytes,
    createdAt: row.createdAt,
    registeredAt: row.registeredAt,
    toolVersion: row.toolVersion,
  };
}
