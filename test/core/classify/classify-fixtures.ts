/**
 * Small real bundles for classifier tests: SARS-CoV-2 tips of five distant clades, genomes
 * rebuilt from their labeled mutations, a softmax model trained on them (aligned alleles
 * or 5-mer spectra), and a few tips per clade as exemplars.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sha256Hex, writeBundle, type BundleManifestDraft } from '../../../src/core/bundles';
import {
  alignedAlleleFeatures,
  kmerSpectra,
  alignedAlleleFeaturizerConfigSchema,
  parseFeaturizerConfig,
  selectVaryingPositions,
  type FeaturizerConfig,
} from '../../../src/core/features';
import { toInferenceModel } from '../../../src/core/ml/linear/inference-graph';
import { trainSoftmax } from '../../../src/core/ml/linear/train-linear';
import {
  parseLabeledRows,
  type LabeledRow,
} from '../../../src/core/pathogens/labeled-mutations';
import { tipGenome } from '../../../src/core/pathogens/tip-genomes';

const PATHOGEN = resolve(import.meta.dirname, '../../../resources/pathogens/sars-cov-2');
export const CLADES = ['20B', '21J', '22B', '23A', '24A'];
const TRAIN_PER_CLADE = 12;
const EXEMPLARS_PER_CLADE = 6;
const HELD_OUT_PER_CLADE = 4;

const fastaText = readFileSync(join(PATHOGEN, 'reference.fasta'), 'utf8');
const gffText = readFileSync(join(PATHOGEN, 'genome_annotation.gff3'), 'utf8');
export const REFERENCE = fastaText
  .split('\n')
  .filter((line) => !line.startsWith('>'))
  .join('')
  .trim()
  .toUpperCase();

const rows = parseLabeledRows(readFileSync(join(PATHOGEN, 'labeled.tsv'), 'utf8'));
const byClade = new Map(CLADES.map((clade) => [clade, rows.filter((r) => r.clade === clade)]));
const pick = (from: number, count: number): LabeledRow[] =>
  CLADES.flatMap((clade) => byClade.get(clade)!.slice(from, from + count));

export const trainTips = pick(0, TRAIN_PER_CLADE);
export const exemplarTips = pick(0, EXEMPLARS_PER_CLADE);
export const heldOutTips = pick(TRAIN_PER_CLADE, HELD_OUT_PER_CLADE);
export const tipOfClade = (clade: string, index = 0): LabeledRow => byClade.get(clade)![index]!;

/** Reference coordinates, '-' at deleted bases (as the aligner writes them). */
export function alignedTip(row: LabeledRow): string {
  const bases = REFERENCE.split('');
  for (const m of row.mutations) bases[m.position - 1] = m.alt;
  return bases.join('');
}

export function exemplarTable(tips: LabeledRow[]): string {
  const lines = tips.map(
    (tip) =>
      `${tip.name}\t${tip.clade}\t${tip.mutations.map((m) => `${m.refNuc}${m.position}${m.alt}`).join(' ')}`,
  );
  return `id\tlabel\tmutations\n${lines.join('\n')}\n`;
}

export interface TestBundleOptions {
  featurizer: 'aligned-alleles' | 'kmer';
  temperature?: number;
  confidenceThreshold?: number;
  version?: string;
}

const encoder = new TextEncoder();
const models = new Map<string, { model: Uint8Array; featurizer: FeaturizerConfig }>();

async function trainedModel(kind: TestBundleOptions['featurizer']) {
  const cached = models.get(kind);
  if (cached) return cached;
  let featurizer: FeaturizerConfig;
  let data: Float32Array;
  if (kind === 'aligned-alleles') {
    const aligned = trainTips.map(alignedTip);
    const config = alignedAlleleFeaturizerConfigSchema.parse({
      kind,
      referenceLength: REFERENCE.length,
      positions: selectVaryingPositions(aligned, { includeGap: true }),
      includeGap: true,
    });
    featurizer = config;
    data = alignedAlleleFeatures(config, aligned);
  } else {
    const config = parseFeaturizerConfig({ kind: 'kmer', k: 5 });
    featurizer = config;
    data = kmerSpectra(
      trainTips.map((tip) => tipGenome(REFERENCE, tip)),
      config,
    );
  }
  const labels = Int32Array.from(trainTips, (tip) => CLADES.indexOf(tip.clade));
  const cols = data.length / trainTips.length;
  const { model } = await trainSoftmax(
    { rows: trainTips.length, cols, data },
    labels,
    CLADES.length,
    {
      epochs: 60,
      validationFraction: 0,
      seed: 3,
    },
  );
  const built = { model: toInferenceModel(model), featurizer };
  models.set(kind, built);
  return built;
}

/** A bundle's bytes, as a trainer would write it. */
export async function buildTestBundle(options: TestBundleOptions): Promise<Uint8Array> {
  const { model, featurizer } = await trainedModel(options.featurizer);
  const files = {
    'model.onnx': model,
    'reference.fasta': encoder.encode(fastaText),
    'annotation.gff3': encoder.encode(gffText),
    'exemplars.tsv': encoder.encode(exemplarTable(exemplarTips)),
  };
  const manifest: BundleManifestDraft = {
    name: 'test-sars-cov-2-clade',
    version: options.version ?? '1.0.0',
    task: 'clade',
    labels: Object.fromEntries(CLADES.map((clade, i) => [String(i), clade])),
    featurizer,
    reference: { id: 'MN908947.3', sha256: sha256Hex(files['reference.fasta']) },
    calibration: { temperature: options.temperature ?? 1 },
    confidenceThreshold: options.confidenceThreshold ?? 0.5,
    trainingDataSha256: sha256Hex(encoder.encode(trainTips.map((t) => t.name).join('\n'))),
    model: { family: 'softmax', parameters: { epochs: 60 } },
    metrics: {},
    createdAt: '2026-11-25T10:00:00.000Z',
    toolVersion: '0.1.0',
  };
  return writeBundle(manifest, files);
}
