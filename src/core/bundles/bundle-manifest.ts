/**
 * `manifest.json` of a model bundle: everything needed to run the model on another machine
 * and to trust that it is the model that was trained. DESIGN.md "Models" lists the fields.
 */
import { z } from 'zod';
import { featurizerConfigSchema } from '../features/featurizer-union';
import { MANIFEST_ENTRY, MODEL_ENTRY, unsafeEntryPathProblem } from './entry-paths';

/** The format this build writes. */
export const BUNDLE_FORMAT_VERSION = 1;
/** The formats this build reads. */
export const SUPPORTED_BUNDLE_FORMAT_VERSIONS: readonly number[] = [BUNDLE_FORMAT_VERSION];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits (sha256)');
const kebabName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a kebab-case name');
const labelIndex = /^(0|[1-9]\d*)$/;

const fileEntrySchema = z.object({
  sha256: sha256Hex,
  size: z.number().int().nonnegative(),
});

// Keys are checked here rather than by a key schema so the message names the bad key.
const labelsSchema = z.record(z.string(), z.string().min(1)).superRefine((labels, ctx) => {
  const keys = Object.keys(labels);
  if (keys.length < 2) ctx.addIssue({ code: 'custom', message: 'a model needs at least 2 labels' });
  for (const key of keys)
    if (!labelIndex.test(key))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `label keys are class indices 0, 1, 2, ...; got ${JSON.stringify(key)}`,
      });
  for (let i = 0; i < keys.length; i++)
    if (labels[String(i)] === undefined)
      ctx.addIssue({
        code: 'custom',
        message: `label indices must run 0..${keys.length - 1}: ${i} is missing`,
      });
  const seen = new Set<string>();
  for (const [index, label] of Object.entries(labels)) {
    if (seen.has(label))
      ctx.addIssue({ code: 'custom', path: [index], message: `label ${label} appears twice` });
    seen.add(label);
  }
});

const filesSchema = z.record(z.string(), fileEntrySchema).superRefine((files, ctx) => {
  for (const name of Object.keys(files)) {
    const problem =
      name === MANIFEST_ENTRY ? 'the manifest does not list itself' : unsafeEntryPathProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', path: [name], message: problem });
  }
  if (!(MODEL_ENTRY in files))
    ctx.addIssue({ code: 'custom', message: `a bundle must contain ${MODEL_ENTRY}` });
});

const manifestShape = {
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  name: z.string().min(1),
  version: z.string().min(1),
  /** What the model predicts, e.g. `clade` or `lineage`. */
  task: kebabName,
  /** Class index (as a string, JSON keys are strings) -> label. */
  labels: labelsSchema,
  featurizer: featurizerConfigSchema,
  reference: z.object({ id: z.string().min(1), sha256: sha256Hex }),
  calibration: z.object({ temperature: z.number().positive() }),
  /** Below this calibrated probability a sequence is reported as unassigned. */
  confidenceThreshold: z.number().min(0).max(1),
  trainingDataSha256: sha256Hex,
  model: z.object({
    /** e.g. `softmax`, `mlp`, `random-forest`. */
    family: kebabName,
    parameters: z.record(z.string(), z.json()),
  }),
  /** Free-form evaluation results (the evaluation report). */
  metrics: z.record(z.string(), z.json()),
  createdAt: z.iso.datetime({ offset: true }),
  toolVersion: z.string().min(1),
};

/** Every field but `files`: what a trainer hands to `writeBundle`. */
export const bundleManifestContentSchema = z.object(manifestShape);
export const bundleManifestSchema = z.object({
  ...manifestShape,
  /** Every entry but the manifest, by path: sha256 (hex) and size in bytes. */
  files: filesSchema,
});

export type BundleManifest = z.output<typeof bundleManifestSchema>;
export type BundleManifestContent = z.output<typeof bundleManifestContentSchema>;
/** As written by a caller: featurizer defaults may be omitted. */
export type BundleManifestContentInput = z.input<typeof bundleManifestContentSchema>;
export type BundleFileEntry = z.output<typeof fileEntrySchema>;

/** The labels in class-index order (index i of the model's output is `labels[i]`). */
export function labelsInOrder(manifest: Pick<BundleManifest, 'labels'>): string[] {
  return Object.keys(manifest.labels).map((_, i) => manifest.labels[String(i)]!);
}
