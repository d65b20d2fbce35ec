/**
 * `npm run build:models`: trains the default clade classifiers from the labeled tips of
 * each pathogen and writes models/<id>-clade.zip plus models/README.md with their
 * cross-validated figures.
 *
 * Training genomes are the tips rebuilt from labeled.tsv, each in COPIES sample-like copies
 * (3% N in runs, 2 private substitutions, a seed per copy). Tips labeled `unassigned` are
 * left out: below its threshold the classifier answers `unassigned` itself.
 *
 * Reproducible: every random choice is seeded and createdAt is fixed
 * (VARIANTDESK_MODELS_CREATED_AT, default MODELS_CREATED_AT), so a rerun writes the same
 * bytes. Options: `--only <id>[,<id>]`, `--copies <n>` (default 2), `--seed <n>` (default 1).
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseLabeledRows, type LabeledRow } from '../src/core/pathogens/labeled-mutations';
import { parseReferenceFasta } from '../src/core/pathogens/reference-fasta';
import {
  tipTrainingGenomes,
  trainClassifier,
  type LabeledGenome,
  type TrainingReport,
} from '../src/core/ml/training';

const MODELS_CREATED_AT = '2026-11-25T00:00:00.000Z';
const PATHOGENS = ['sars-cov-2', 'rsv-a', 'flu-h3n2-ha'] as const;
const N_FRACTION = 0.03;
const PRIVATE_MUTATIONS = 2;
const MAX_EPOCHS = 10;

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    copies: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
  },
});
const only = values.only?.split(',') ?? [...PATHOGENS];
const copies = Number(values.copies);
const seed = Number(values.seed);
const createdAt = process.env.VARIANTDESK_MODELS_CREATED_AT ?? MODELS_CREATED_AT;
const toolVersion = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version;

/**
 * Cross-validation holds out whole lineages, as the independent evaluation of the tips
 * holds out tips: SARS-CoV-2 tips are one per Pango lineage, so a lineage is a tip with its
 * copies; RSV-A and flu have many tips per clade: groups of near-identical tips (derived).
 * `bench/train/holdout.ts --grouping subtree` measures the harsher alternative of holding
 * out whole Pango subtrees.
 */
function trainingGenomes(id: string): { genomes: LabeledGenome[]; mutations: Map<string, string> } {
  const dir = join(root, 'resources', 'pathogens', id);
  const fasta = join(dir, 'reference.fasta');
  const reference = parseReferenceFasta(readFileSync(fasta, 'utf8'), fasta).sequence;
  const rows = parseLabeledRows(readFileSync(join(dir, 'labeled.tsv'), 'utf8'));
  const genomes = tipTrainingGenomes(reference, rows, {
    copies,
    seed,
    nFraction: N_FRACTION,
    privateMutations: PRIVATE_MUTATIONS,
    ...(id === 'sars-cov-2' && { groupOf: (row: LabeledRow) => row.pango }),
  });
  const mutations = new Map(
    rows.map((row) => [
      row.name,
      row.mutations.map((m) => `${m.refNuc}${m.position}${m.alt}`).join(' '),
    ]),
  );
  return { genomes, mutations };
}

async function build(id: string): Promise<BuiltModel> {
  const started = performance.now();
  const { genomes, mutations } = trainingGenomes(id);
  let last = '';
  const { bundleBytes, report } = await trainClassifier(
    genomes,
    join(root, 'resources', 'pathogens', id),
    {
      pathogenId: id,
      seed,
      createdAt,
      toolVersion,
      sourceMutations: mutations,
      // Keeps the three builds within minutes on 2 cores; training stops early anyway.
      maxEpochs: MAX_EPOCHS,
      onProgress: (p) => {
        // One line per fold of a candidate (and per stage), not per epoch.
        const line =
          p.stage === 'cross-validate'
            ? `${p.candidate} fold ${p.fold}/${p.folds}`
            : p.stage === 'align'
              ? `align ${p.done === p.total ? 'done' : 'running'}`
              : p.stage;
        if (line === last) return;
        last = line;
        process.stderr.write(`[${id}] ${p.stage === 'cross-validate' ? line : p.message}\n`);
      },
    },
  );
  const path = join(root, 'models', `${id}-clade.zip`);
  writeFileSync(`${path}.tmp`, bundleBytes);
  renameSync(`${path}.tmp`, path);
  const seconds = (performance.now() - started) / 1000;
  for (const trial of report.trials)
    if (trial.seconds !== undefined)
      process.stderr.write(
        `[${id}]   ${trial.name}: macro-F1 ${trial.macroF1.toFixed(4)}, ${trial.seconds.toFixed(1)} s\n`,
      );
  process.stderr.write(
    `[${id}] ${summary(report)}; ${bundleBytes.length} bytes; ${seconds.toFixed(0)} s\n`,
  );
  return { id, report, bytes: bundleBytes.length, seconds };
}

function summary(report: TrainingReport): string {
  const cv = report.crossValidation;
  return (
    `chose ${report.chosen}: accuracy ${cv.accuracy.toFixed(4)}, macro-F1 ${cv.macroF1.toFixed(4)}, ` +
    `ECE ${cv.calibration.ece.toFixed(4)}, coverage ${cv.coverage.toFixed(4)} at ${report.confidenceThreshold.toFixed(3)}`
  );
}

interface BuiltModel {
  id: string;
  report: TrainingReport;
  bytes: number;
  seconds: number;
}

const figure = (x: number | null): string => (x === null ? '-' : x.toFixed(4));

function readme(models: BuiltModel[]): string {
  const rows = models.map(({ id, report, bytes }) => {
    const cv = report.crossValidation;
    return (
      `| ${id} | ${report.rows} (${report.classes.length} clades, ${report.groups} groups) | ${report.chosen} | ` +
      `${figure(cv.accuracy)} | ${figure(cv.macroF1)} | ${figure(cv.calibration.ece)} | ` +
      `${report.confidenceThreshold.toFixed(3)} | ${figure(cv.coverage)} | ${figure(cv.accuracyAssigned)} | ` +
      `${(bytes / 1024 / 1024).toFixed(2)} MB |`
    );
  });
  return `# Default models

Clade classifiers bundled with VariantDesk, rebuilt by \`npm run build:models\`
(scripts/build-models.ts; same bytes on every rerun: seeded, createdAt ${createdAt}).

Training genomes: the tips of \`resources/pathogens/<id>/labeled.tsv\` (tips labeled
\`unassigned\` left out), ${copies} sample-like copies each (${N_FRACTION * 100}% N in runs of 50-400 nt,
${PRIVATE_MUTATIONS} random private substitutions, seed ${seed}). Features: one-hot alleles at the
reference positions that vary in the training set (aligned with VariantDesk's own aligner).
The nearest-exemplar models store the tips themselves (no N), one per tip.

Figures are pooled out-of-fold predictions of a 5-fold **group** cross-validation: a group is
held out whole, so they estimate accuracy on lineages the model has not seen. SARS-CoV-2 tips
are one per Pango lineage, so a group is a lineage (a tip and its copies); RSV-A and flu tips
(many per clade) are grouped as near-identical tips (within 2 mismatches). The family and parameters are chosen by macro-F1 among nearest exemplar, random
forest (nearest exemplar with clade-defining sites weighted or not), softmax regression, MLP
and blends of two families; the temperature (the one with the lowest ECE) and the confidence
threshold (accuracy >= 0.98 among assigned) are fitted on the same out-of-fold predictions. Accuracy and macro-F1 count every genome; coverage is the share at or above the
threshold, and "accuracy assigned" the accuracy among those.

| pathogen | genomes | chosen model | accuracy | macro-F1 | ECE | threshold | coverage | accuracy assigned | size |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Every bundle's manifest carries the whole
report (per-class scores, confusion matrix, per-fold figures and every trial of the search).
`;
}

const buildStarted = performance.now();
const built: BuiltModel[] = [];
for (const id of only) built.push(await build(id));
process.stderr.write(
  `built ${built.length} model(s) in ${((performance.now() - buildStarted) / 1000).toFixed(0)} s\n`,
);
if (only.length === PATHOGENS.length)
  writeFileSync(join(root, 'models', 'README.md'), readme(built));
