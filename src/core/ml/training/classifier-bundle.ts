/** The bundle of a trained clade classifier: manifest, model and the pathogen's own files. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex, writeBundle, type BundleManifestDraft } from '../../bundles';
import type { AlignedAlleleFeaturizerConfig } from '../../features/aligned-alleles';
import type { LabeledGenome } from './aligned-genomes';
import type { JsonValue } from './fit-candidate';

export interface ClassifierBundleInput {
  pathogenDir: string;
  pathogenId: string;
  name: string;
  version: string;
  task: string;
  classNames: readonly string[];
  featurizer: AlignedAlleleFeaturizerConfig;
  modelBytes: Uint8Array;
  exemplarsTsv: string;
  family: string;
  parameters: Record<string, JsonValue>;
  metrics: Record<string, JsonValue>;
  temperature: number;
  confidenceThreshold: number;
  genomes: readonly LabeledGenome[];
  createdAt: string;
  toolVersion: string;
}

/** sha256 over every training genome's id, label, group and sequence, in order. */
export function trainingDataSha256(genomes: readonly LabeledGenome[]): string {
  const hash = createHash('sha256');
  for (const g of genomes) hash.update(`${g.id}\t${g.label}\t${g.group ?? ''}\t${g.sequence}\n`);
  return hash.digest('hex');
}

/** The bundle's bytes (deterministic for the same input). */
export function classifierBundle(input: ClassifierBundleInput): Uint8Array {
  const reference = readFileSync(join(input.pathogenDir, 'reference.fasta'));
  const annotation = readFileSync(join(input.pathogenDir, 'genome_annotation.gff3'));
  const draft: BundleManifestDraft = {
    name: input.name,
    version: input.version,
    task: input.task,
    labels: Object.fromEntries(input.classNames.map((label, i) => [String(i), label])),
    featurizer: input.featurizer,
    reference: { id: input.pathogenId, sha256: sha256Hex(reference) },
    calibration: { temperature: input.temperature },
    confidenceThreshold: input.confidenceThreshold,
    trainingDataSha256: trainingDataSha256(input.genomes),
    model: { family: input.family, parameters: input.parameters },
    metrics: input.metrics,
    createdAt: input.createdAt,
    toolVersion: input.toolVersion,
  };
  return writeBundle(
    draft,
    {
      'model.onnx': input.modelBytes,
      'reference.fasta': reference,
      'annotation.gff3': annotation,
      'exemplars.tsv': new TextEncoder().encode(input.exemplarsTsv),
    },
    `${input.name} bundle`,
  );
}
