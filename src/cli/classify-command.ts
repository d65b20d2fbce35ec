/**
 * `variantdesk classify`: the clade (or other label) of each sequence from a model bundle,
 * one row per sequence, streamed: files are read, classified and written chunk by chunk.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { errorKind, InvalidInputError } from '../core/errors';
import { createAtomicWriteStream } from '../core/files/atomic-write';
import type {
  RecordSource,
  StreamProgress,
  StreamSummary,
} from '../core/classify/classify-service';
import { createPredictionWriter } from '../core/classify/prediction-rows';
import type { VariantDeskCore } from '../core/variantdesk-core';
import type { RecordError } from '../shared/types';
import { CliExit } from './dataset-target';
import { EXIT, exitCodeOfKind } from './exit-codes';
import { ProgressBar } from './progress-bar';
import { oneOfOption, outputFileOption } from './option-parsers';

type Format = 'tsv' | 'csv' | 'json' | 'ndjson';
interface ClassifyOptions {
  model?: string;
  pathogen?: string;
  format: Format;
  out?: string;
  quiet?: boolean;
}

const MAX_RECORD_WARNINGS = 10;

/** Files when every target is a file, else one dataset by id or name. */
export async function chooseSource(
  core: VariantDeskCore,
  targets: string[],
): Promise<RecordSource> {
  if (targets.every((t) => existsSync(t) && statSync(t).isFile()))
    return { files: targets.map((t) => resolve(t)) };
  const missing = targets.filter((t) => !existsSync(t));
  if (targets.length > 1 || missing.length === 0)
    throw new InvalidInputError(
      `not sequence files: ${(missing.length ? missing : targets).join(', ')}`,
    );
  const target = targets[0]!;
  const datasets = await core.call('listDatasets', {});
  const found = datasets.find((d) => String(d.id) === target || d.name === target);
  if (!found)
    throw new InvalidInputError(`${target}: no such file, and no dataset with that id or name`);
  return { datasetId: found.id };
}

async function write(out: Writable, text: string): Promise<void> {
  if (text !== '' && !out.write(text)) await once(out, 'drain');
}

/** The progress bar and the messages on stderr (none with --quiet). */
export function reporter(quiet: boolean) {
  const bar = new ProgressBar(process.stderr, !quiet);
  const started = Date.now();
  let warnings = 0;
  return {
    progress({ unit, done, total, classified }: StreamProgress): void {
      const seconds = (Date.now() - started) / 1000;
      bar.update('Classifying', {
        unit,
        done,
        total,
        records: classified,
        recordsPerSecond: seconds > 0 ? classified / seconds : 0,
        etaSeconds: done > 0 && seconds > 1 ? (seconds * (total - done)) / done : null,
        message: '',
        files: [],
      });
    },
    model({
      name,
      version,
      detectedPathogen,
    }: {
      name: string;
      version: string;
      detectedPathogen: string | null;
    }): void {
      if (detectedPathogen && !quiet)
        process.stderr.write(
          `Detected ${detectedPathogen}: using model ${name}@${version} (production)\n`,
        );
    },
    recordError(error: RecordError): void {
      if (++warnings <= MAX_RECORD_WARNINGS && !quiet)
        process.stderr.write(`${error.file}:${error.line}: ${error.reason} (skipped)\n`);
    },
    finish(summary: StreamSummary): void {
      bar.done();
      if (quiet) return;
      if (warnings > MAX_RECORD_WARNINGS)
        process.stderr.write(`${warnings} invalid records skipped in all\n`);
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(
        `${summary.classified} sequences classified with ${summary.model.name} ${summary.model.version} ` +
          `(${summary.unassigned} unassigned) in ${seconds.toFixed(1)} s\n`,
      );
    },
  };
}

/**
 * Streams the targets through the core's classify service into stdout or --out (written
 * to a temporary file renamed on success: an interrupted run leaves the file that was there).
 */
async function runClassify(
  core: VariantDeskCore,
  targets: string[],
  options: ClassifyOptions,
  signal: AbortSignal,
): Promise<void> {
  const source = await chooseSource(core, targets);
  const output = options.out ? createAtomicWriteStream(options.out) : null;
  const out: Writable = output?.stream ?? process.stdout;
  const report = reporter(Boolean(options.quiet));
  const writer = createPredictionWriter(options.format);
  let first = true;
  try {
    const summary = await core.classifyStream(
      source,
      { model: options.model, pathogenId: options.pathogen },
      {
        onModel: async (model) => {
          report.model(model);
          await write(out, writer.header());
        },
        onPredictions: async (rows) => {
          await write(out, writer.rows(rows, first));
          first = false;
        },
        onProgress: report.progress,
        onRecordError: report.recordError,
      },
      signal,
    );
    await write(out, writer.footer());
    // A Ctrl-C during the last chunk still cancels: --out keeps the file it had.
    signal.throwIfAborted();
    await output?.commit();
    report.finish(summary);
  } catch (error) {
    await output?.abort();
    throw error;
  }
}

/** Registers `classify` on the program. */
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
      '--pathogen <id>',
      'use the production model of this pathogen (default: the pathogen detected)',
    )
    .option(
      '--format <format>',
      'tsv, csv, json or ndjson',
      oneOfOption('--format', ['tsv', 'csv', 'json', 'ndjson'] as const),
      'tsv',
    )
    .option('--out <file>', 'write to a file instead of stdout', outputFileOption('--out'))
    .option('--quiet', 'no progress or summary on stderr')
    .action((targets: string[], options: ClassifyOptions) =>
      runStreamCommand(openCore, 'Classification', (core, signal) =>
        runClassify(core, targets, options, signal),
      ),
    );
}

/**
 * Runs a command that streams sequences through the core: Ctrl-C cancels (exit 130), a
 * reader that stops early (`| head`) ends it quietly, invalid input exits 2 with the message.
 * @param what names the work in the interruption message
 */
export async function runStreamCommand(
  openCore: () => VariantDeskCore,
  what: string,
  work: (core: VariantDeskCore, signal: AbortSignal) => Promise<void>,
): Promise<void> {
  const controller = new AbortController();
  const interrupt = (): void => controller.abort(new Error('interrupted'));
  const brokenPipe = new Error('stdout closed');
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') controller.abort(brokenPipe);
  };
  process.once('SIGINT', interrupt);
  process.stdout.on('error', onStdoutError);
  const core = openCore();
  try {
    await work(core, controller.signal);
  } catch (error) {
    if (controller.signal.reason === brokenPipe) {
      process.exitCode = 0;
    } else if (controller.signal.aborted) {
      process.stderr.write(`\n${what} interrupted\n`);
      process.exitCode = EXIT.cancelled;
    } else if (error instanceof CliExit) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.code;
    } else if (exitCodeOfKind(errorKind(error)) === EXIT.invalidInput) {
      process.stderr.write(`variantdesk: ${(error as Error).message}\n`);
      process.exitCode = EXIT.invalidInput;
    } else throw error;
  } finally {
    await core.close();
    process.removeListener('SIGINT', interrupt);
    process.stdout.removeListener('error', onStdoutError);
  }
}
