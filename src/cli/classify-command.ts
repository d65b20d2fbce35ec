/**
 * `variantdesk classify`: the clade (or other label) of each sequence from a model bundle,
 * one row per sequence, streamed: files are read, classified and written chunk by chunk.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { PathogenCatalog } from '../core/pathogens/pathogen-catalog';
import { errorKind, InvalidInputError } from '../core/errors';
import { createAtomicWriteStream } from '../core/files/atomic-write';
import {
  detectPathogen,
  looksLikeBundlePath,
  openClassifier,
  parseModelName,
  sequenceText,
} from '../core/classify';
import { classifyChunks } from '../core/classify/classify-chunks';
import { createPredictionWriter } from '../core/classify/prediction-rows';
import { datasetRecordChunks, fileRecordChunks } from '../core/classify/sequence-chunks';
import { pathogensDir } from '../core/resources';
import { detectFile } from '../core/sequences/detect';
import type { VariantDeskCore } from '../core/variantdesk-core';
import type { JobProgress } from '../shared/types';
import { CliExit } from './dataset-target';
import { EXIT, exitCodeOfKind } from './exit-codes';
import { ProgressBar } from './progress-bar';
import { oneOfOption, outputFileOption } from './option-parsers';

type Format = 'tsv' | 'csv' | 'json' | 'ndjson';
interface ClassifyOptions {
  model?: string;
  format: Format;
  out?: string;
  quiet?: boolean;
  /** The global --max-record-length, for files read here rather than by the core. */
  maxRecordLength?: number;
}

const CHUNK = 2048;
const DETECTION_SAMPLE = 20;
const MAX_RECORD_WARNINGS = 10;

/** Where the sequences come from: files read directly, or a dataset in the registry. */
type Source =
  | { files: string[]; sizes: number[]; maxRecordLength?: number }
  | { datasetId: number; count: number; core: VariantDeskCore };

/** A dataset by id or name; a target that is neither a file nor a dataset is refused. */
async function findDataset(core: VariantDeskCore, target: string): Promise<number> {
  const datasets = await core.call('listDatasets', {});
  const found = datasets.find((d) => String(d.id) === target || d.name === target);
  if (!found)
    throw new InvalidInputError(`${target}: no such file, and no dataset with that id or name`);
  return found.id;
}

async function sampleSequences(source: Source, signal: AbortSignal): Promise<string[]> {
  const chunks =
    'files' in source
      ? fileRecordChunks(source.files, source.sizes, {
          chunkSize: DETECTION_SAMPLE,
          signal,
          maxRecordLength: source.maxRecordLength,
        })
      : datasetRecordChunks(source.core.db, source.datasetId, CHUNK);
  for await (const chunk of chunks)
    return chunk.slice(0, DETECTION_SAMPLE).map((r) => sequenceText(r.sequence));
  return [];
}

async function write(out: Writable, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}

/** The sequences to classify: files (checked to be sequence data) or one dataset. */
async function openSource(
  targets: string[],
  openCore: () => VariantDeskCore,
  maxRecordLength: number | undefined,
): Promise<Source> {
  const allFiles = targets.every((t) => existsSync(t) && statSync(t).isFile());
  if (allFiles) {
    const files = targets.map((t) => resolve(t));
    // Refuse a file that is not sequence data before any model is loaded.
    const sizes = await Promise.all(files.map(async (file) => (await detectFile(file)).bytes));
    return { files, sizes, maxRecordLength };
  }
  const missing = targets.filter((t) => !existsSync(t));
  if (targets.length > 1 || missing.length === 0)
    throw new InvalidInputError(
      `not sequence files: ${(missing.length ? missing : targets).join(', ')}`,
    );
  const core = openCore();
  try {
    const datasetId = await findDataset(core, targets[0]!);
    return { datasetId, count: core.datasets.get(datasetId).sequenceCount, core };
  } catch (error) {
    await core.close();
    throw error;
  }
}

/**
 * The bundle `--model` means: a file, or a registered `name[@version]` (the production
 * version when none is given); without `--model`, the production model of the pathogen
 * detected from the sequences.
 */
async function chooseBundle(
  source: Source,
  label: string,
  options: ClassifyOptions,
  core: () => VariantDeskCore,
  signal: AbortSignal,
): Promise<string> {
  const { model } = options;
  if (model !== undefined && looksLikeBundlePath(model)) return resolve(model);
  const registry = core().models;
  if (model !== undefined) {
    const { name, version } = parseModelName(model);
    return registry.bundlePath(registry.findByName(name, version).id);
  }
  const references = new PathogenCatalog(pathogensDir()).references();
  const pathogen = detectPathogen(references, await sampleSequences(source, signal), label);
  const production = registry.production(pathogen);
  if (!production)
    throw new InvalidInputError(
      `${label}: detected ${pathogen}, which has no production model; choose one with --model`,
    );
  if (!options.quiet)
    process.stderr.write(
      `Detected ${pathogen}: using model ${production.name}@${production.version} (production)\n`,
    );
  return registry.bundlePath(production.id);
}

async function runClassify(
  targets: string[],
  options: ClassifyOptions,
  openCore: () => VariantDeskCore,
  signal: AbortSignal,
): Promise<void> {
  const source = await openSource(targets, openCore, options.maxRecordLength);
  try {
    // Files need the registry only to find the model; it is closed before classifying.
    const opened: { core?: VariantDeskCore } = {};
    const core = (): VariantDeskCore =>
      'core' in source ? source.core : (opened.core ??= openCore());
    const label = 'files' in source ? targets.join(', ') : `dataset ${targets[0]}`;
    let bundle: string;
    try {
      bundle = await chooseBundle(source, label, options, core, signal);
    } finally {
      await opened.core?.close();
    }
    await classifySource(source, bundle, options, signal);
  } finally {
    if (!('files' in source)) await source.core.close();
  }
}

async function classifySource(
  source: Source,
  bundle: string,
  options: ClassifyOptions,
  signal: AbortSignal,
): Promise<void> {
  const quiet = Boolean(options.quiet);
  const classifier = await openClassifier(bundle);
  // --out is written to a temporary file renamed on success: an interrupted run leaves
  // the file that was there before.
  const output = options.out ? createAtomicWriteStream(options.out) : null;
  const out: Writable = output?.stream ?? process.stdout;
  try {
    const writer = createPredictionWriter(options.format);
    const bar = new ProgressBar(process.stderr, !quiet);
    const started = Date.now();
    let classified = 0;
    let warnings = 0;
    let unassigned = 0;
    // Reading runs a chunk ahead: the bar is redrawn after each classified chunk too.
    let bytes = { done: 0, total: 0 };
    const show = (done: number, total: number, unit: JobProgress['unit']): void => {
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? classified / seconds : 0;
      bar.update('Classifying', {
        unit,
        done,
        total,
        records: classified,
        recordsPerSecond: rate,
        etaSeconds: done > 0 && seconds > 1 ? (seconds * (total - done)) / done : null,
        message: '',
        files: [],
      });
    };
    const chunks =
      'files' in source
        ? fileRecordChunks(source.files, source.sizes, {
            chunkSize: CHUNK,
            signal,
            maxRecordLength: source.maxRecordLength,
            onBytes: (done, total) => {
              bytes = { done, total };
              show(done, total, 'bytes');
            },
            onRecordError: (error) => {
              if (++warnings <= MAX_RECORD_WARNINGS && !quiet)
                process.stderr.write(`${error.file}:${error.line}: ${error.reason} (skipped)\n`);
            },
          })
        : datasetRecordChunks(source.core.db, source.datasetId, CHUNK);
    await write(out, writer.header());
    let first = true;
    await classifyChunks(
      classifier,
      chunks,
      async (rows) => {
        await write(out, writer.rows(rows, first));
        first = false;
        classified += rows.length;
        unassigned += rows.filter((p) => p.status === 'unassigned').length;
        if ('files' in source) show(bytes.done, bytes.total, 'bytes');
        else show(classified, source.count, 'sequences');
      },
      signal,
    );
    await write(out, writer.footer());
    // A Ctrl-C during the last chunk still cancels: --out keeps the file it had.
    signal.throwIfAborted();
    await output?.commit();
    bar.done();
    if (warnings > MAX_RECORD_WARNINGS && !quiet)
      process.stderr.write(`${warnings} invalid records skipped in all\n`);
    if (!quiet) {
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(
        `${classified} sequences classified with ${classifier.manifest.name} ${classifier.manifest.version} ` +
          `(${unassigned} unassigned) in ${seconds.toFixed(1)} s\n`,
      );
    }
  } catch (error) {
    await output?.abort();
    throw error;
  } finally {
    await classifier.close();
  }
}

/** Registers `classify` on the program; `openCore` is called only for a dataset target. */
export function classifyCommand(program: Command, openCore: () => VariantDeskCore): void {
  program
    .command('classify')
    .description(
      'label each sequence with a model bundle: id, label, confidence, status, fallback_label, fallback_distance, model, model_version',
    )
    .argument('<dataset|files...>', 'FASTA/FASTQ files (plain or gzip), or a dataset id or name')
    .option(
      '--model <bundle.zip|name[@version]>',
      'a bundle file, or a registered model name[@version] (default: the production model of the detected pathogen)',
    )
    .option(
      '--format <format>',
      'tsv, csv, json or ndjson',
      oneOfOption('--format', ['tsv', 'csv', 'json', 'ndjson'] as const),
      'tsv',
    )
    .option('--out <file>', 'write to a file instead of stdout', outputFileOption('--out'))
    .option('--quiet', 'no progress or summary on stderr')
    .action(async (targets: string[], options: ClassifyOptions) => {
      const controller = new AbortController();
      const interrupt = (): void => controller.abort(new Error('interrupted'));
      // A reader that stops early (`| head`) ends the run quietly.
      const brokenPipe = new Error('stdout closed');
      const onStdoutError = (error: NodeJS.ErrnoException): void => {
        if (error.code === 'EPIPE') controller.abort(brokenPipe);
      };
      process.once('SIGINT', interrupt);
      process.stdout.on('error', onStdoutError);
      try {
        const { maxRecordLength } = program.opts<{ maxRecordLength?: number }>();
        await runClassify(targets, { ...options, maxRecordLength }, openCore, controller.signal);
      } catch (error) {
        if (controller.signal.reason === brokenPipe) {
          process.exitCode = 0;
        } else if (controller.signal.aborted) {
          process.stderr.write('\nClassification interrupted\n');
          process.exitCode = EXIT.cancelled;
        } else if (error instanceof CliExit) {
          process.stderr.write(`${error.message}\n`);
          process.exitCode = error.code;
        } else if (exitCodeOfKind(errorKind(error)) === EXIT.invalidInput) {
          process.stderr.write(`variantdesk: ${(error as Error).message}\n`);
          process.exitCode = EXIT.invalidInput;
        } else throw error;
      } finally {
        process.removeListener('SIGINT', interrupt);
        process.stdout.removeListener('error', onStdoutError);
      }
    });
}
