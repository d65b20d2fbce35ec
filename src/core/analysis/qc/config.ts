/**
 * Per-pathogen QC configuration, read from `resources/pathogens/<id>/pathogen.json`.
 * Rules, parameter names and default values follow Nextclade's `qc` section of its dataset
 * `pathogen.json`, except that genes are `gene` and codons are 1-based and inclusive, as in
 * our `SequenceCalls` (Nextclade's are 0-based, with half-open codon ranges).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const count = z.number().int().nonnegative();
const positiveCount = z.number().int().positive();
const weight = z.number().nonnegative();

export const missingDataConfigSchema = z.strictObject({
  enabled: z.boolean(),
  /** Missing bases that cost nothing. */
  scoreBias: count,
  /** Missing bases beyond `scoreBias` at which the score reaches 100 (bad). */
  missingDataThreshold: positiveCount,
});

export const mixedSitesConfigSchema = z.strictObject({
  enabled: z.boolean(),
  /** Ambiguous (non-ACGTN) sites at which the score reaches 100 (bad). */
  mixedSitesThreshold: positiveCount,
});

export const privateMutationsConfigSchema = z.strictObject({
  enabled: z.boolean(),
  weightReversionSubstitutions: weight,
  weightLabeledSubstitutions: weight,
  weightUnlabeledSubstitutions: weight,
  /** Weighted private mutations that cost nothing (each private deletion run weighs 1). */
  typical: weight,
  /** Weighted private mutations beyond `typical` at which the score reaches 100 (bad). */
  cutoff: z.number().positive(),
});

export const snpClustersConfigSchema = z.strictObject({
  enabled: z.boolean(),
  windowSize: positiveCount,
  /** A window holding more than this many private substitutions is a cluster. */
  clusterCutOff: positiveCount,
  /** Score added by each cluster. */
  scoreWeight: weight,
});

export const ignoredFrameShiftSchema = z
  .strictObject({ gene: z.string().min(1), codonStart: positiveCount, codonEnd: positiveCount })
  .refine((shift) => shift.codonEnd >= shift.codonStart, 'codonEnd must be >= codonStart');

export const frameShiftsConfigSchema = z.strictObject({
  enabled: z.boolean(),
  /** Score added by each frame shift that is not ignored. */
  scoreWeight: weight,
  /** Known frame shifts, matched exactly on gene and codon range. */
  ignoredFrameShifts: z.array(ignoredFrameShiftSchema),
});

export const ignoredStopCodonSchema = z.strictObject({
  gene: z.string().min(1),
  codon: positiveCount,
});

export const stopCodonsConfigSchema = z.strictObject({
  enabled: z.boolean(),
  /** Score added by each premature stop codon that is not ignored. */
  scoreWeight: weight,
  ignoredStopCodons: z.array(ignoredStopCodonSchema),
});

export const qcConfigSchema = z.strictObject({
  missingData: missingDataConfigSchema,
  mixedSites: mixedSitesConfigSchema,
  privateMutations: privateMutationsConfigSchema,
  snpClusters: snpClustersConfigSchema,
  frameShifts: frameShiftsConfigSchema,
  stopCodons: stopCodonsConfigSchema,
});

/** `pathogen.json`; keys other than these are kept out of the parsed value (other modules own them). */
export const pathogenConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1),
  /** Where the QC parameters come from. */
  qcSource: z.string().optional(),
  qc: qcConfigSchema,
});

export type QcConfig = z.infer<typeof qcConfigSchema>;
export type PathogenConfig = z.infer<typeof pathogenConfigSchema>;
export type IgnoredFrameShift = z.infer<typeof ignoredFrameShiftSchema>;
export type IgnoredStopCodon = z.infer<typeof ignoredStopCodonSchema>;

/** Validates a parsed `pathogen.json`; the error names the first bad field. */
export function parsePathogenConfig(json: unknown, source = 'pathogen.json'): PathogenConfig {
  const parsed = pathogenConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new Error(`${source}: ${path}: ${issue.message}`);
}

/** Reads and validates `<pathogenDir>/pathogen.json`. */
export async function loadPathogenConfig(pathogenDir: string): Promise<PathogenConfig> {
  const file = join(pathogenDir, 'pathogen.json');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsePathogenConfig(json, file);
}
