/** `variantdesk train`: cross-validate, choose, calibrate and bundle a classifier of a dataset. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import {
  formatTrainingSummary,
  MODEL_FAMILIES,
  type ModelFamily,
  type TrainingProgress,
} from '../core/ml/training';
import { writeFileAtomic } from '../core/files/atomic-write';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { CliExit, resolveDataset } from './dataset-target';
import { EXIT } from './exit-codes';
import { integerOption, oneOfOption, outputFileOption } from './option-parsers';

interface TrainOptions {
  labels: string;
  labelColumn?: string;
  groupColumn?: string;
  pathogen?: string;
  model: ModelFamily | 'auto';
  cv: number;
  search: 'grid' | 'random';
  seed: number;
  out: string;
  json?: boolean;
  quiet?: boolean;
}

/** Progress lines on stderr: every epoch and fold, every tenth tree. */
function progressLine(p: TrainingProgress): string | null {
  if (p.stage === 'align') return p.done === p.total ? `aligned ${p.total} genomes` : null;
  if ((p.stage === 'cross-validate' || p.stage === 'final-fit') && p.tree !== undefined)
    return p.tree % 10 === 0 || p.tree === p.trees ? p.message : null;
  return p.message;
}

async function runTrain(
  core: VariantDeskCore,
  targets: string[],
  options: TrainOptions,
  signal: AbortSignal,
): Promise<void> {
  const quiet = Boolean(options.quiet);
  // --labels is a metadata file to import with the files, or a column of the dataset.
  const labelsFile = existsSync(options.labels) ? options.labels : undefined;
  const labelColumn = labelsFile ? options.labelColumn : options.labels;
  const datasetId = await resolveDataset(core, targets, quiet, labelsFile);
  const { bundleBytes, report } = await core.trainFromDataset(datasetId, {
    labelColumn,
    groupColumn: options.groupColumn,
    pathogenId: options.pathogen,
    model: options.model,
    folds: options.cv,
    search: options.search,
    seed: options.seed,
    toolVersion: process.env.npm_package_version ?? '0.1.0',
    signal,
    onStart: ({ genomes, unlabeled, pathogenId }) => {
      if (!quiet)
        process.stderr.write(
          `Training on ${genomes} labeled genomes of dataset #${datasetId} (${pathogenId})` +
            (unlabeled ? `, ${unlabeled} without a label left out` : '') +
            '\n',
        );
    },
    onProgress: (p) => {
      const line = quiet ? null : progressLine(p);
      if (line) process.stderr.write(`${line}\n`);
    },
  });
  // An interrupted run never leaves half a bundle at --out.
  const out = resolve(options.out);
  signal.throwIfAborted();
  await writeFileAtomic(out, bundleBytes);
  if (options.json) process.stdout.write(`${JSON.stringify({ bundle: out, report }, null, 2)}\n`);
  else process.stdout.write(`${formatTrainingSummary(report)}Wrote ${out}\n`);
}

export function trainCommand(program: Command, openCore: () => VariantDeskCore): void {
  program
    .command('train')
    .description(
      'train a clade/lineage classifier: group cross-validation, model choice, calibration; writes a model bundle',
    )
    .argument('<dataset|files...>', 'a dataset id or name, or FASTA/FASTQ files (imported first)')
    .requiredOption(
      '--labels <file|column>',
      'a metadata CSV/TSV to import with the files, or the metadata column holding the labels',
    )
    .option(
      '--label-column <column>',
      'with a --labels file: its label column (default: clade, lineage, ...)',
    )
    .option(
      '--group-column <column>',
      'metadata column of cross-validation groups (default: near-identical genomes)',
    )
    .option('--pathogen <id>', 'reference to align to (default: detected)')
    .option(
      '--model <family>',
      `${MODEL_FAMILIES.join(', ')} or auto (all, and blends)`,
      oneOfOption('--model', [...MODEL_FAMILIES, 'auto'] as const),
      'auto',
    )
    .option('--cv <k>', 'cross-validation folds', integerOption('--cv', 2), 5)
    .option(
      '--search <kind>',
      'grid or random',
      oneOfOption('--search', ['grid', 'random'] as const),
      'grid',
    )
    .option('--seed <n>', 'random seed', integerOption('--seed', 0), 1)
    .option('--out <file>', 'bundle to write', outputFileOption('--out'), 'bundle.zip')
    .option('--json', 'print the whole training report as JSON')
    .option('--quiet', 'no progress on stderr')
    .action(async (targets: string[], options: TrainOptions) => {
      const core = openCore();
      const controller = new AbortController();
      const onSigint = (): void =>
        controller.abort(new CliExit(EXIT.cancelled, 'Training interrupted'));
      process.once('SIGINT', onSigint);
      try {
        await runTrain(core, targets, options, controller.signal);
      } catch (error) {
        const exit = controller.signal.aborted ? controller.signal.reason : error;
        if (!(exit instanceof CliExit)) throw error;
        process.stderr.write(`${exit.message}\n`);
        process.exitCode = exit.code;
      } finally {
        process.off('SIGINT', onSigint);
        await core.close();
      }
    });
}
