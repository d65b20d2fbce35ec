/** `variantdesk`: the command line over the same core as the app and the HTTP API. */
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { errorKind, InvalidInputError } from '../core/errors';
import { resolveDataDir } from '../core/data-dir';
import { MAX_RECORD_LENGTH_CEILING } from '../core/sequences/input-limits';
import { VariantDeskCore, type VariantDeskCoreOptions } from '../core/variantdesk-core';
import { analysisCommands } from './analysis-commands';
import { classifyCommand } from './classify-command';
import { treeCommand } from './tree-command';
import { EXIT, exitCodeOfKind } from './exit-codes';
import { modelsCommand } from './models-command';
import { pathogensCommand } from './pathogens-command';
import { integerOption } from './option-parsers';
import { clusterCommand } from './cluster-command';
import { followJob, jobFailure } from './follow-job';
import { formatDatasets, formatImportReport } from './report';
import { serveCommand } from './serve';
import { trainCommand } from './train-command';

const program = new Command()
  .name('variantdesk')
  .description('VariantDesk: offline genomic-surveillance workbench (CLI)')
  .version(process.env.npm_package_version ?? '0.1.0')
  .addOption(
    new Option(
      '--data-dir <dir>',
      'registry folder (default: $VARIANTDESK_HOME or the app data folder)',
    ),
  )
  .addOption(
    new Option(
      '--max-record-length <bases>',
      'longest sequence of one record read from a file; longer records are refused (default: 100,000,000)',
    ).argParser(recordLengthOption),
  )
  .showHelpAfterError()
  // Usage errors (unknown command or option, missing argument) end as invalid input.
  .exitOverride();

function recordLengthOption(value: string): number {
  const bases = integerOption('--max-record-length', 1)(value);
  if (bases > MAX_RECORD_LENGTH_CEILING)
    throw new InvalidInputError(
      `--max-record-length must be at most ${MAX_RECORD_LENGTH_CEILING.toLocaleString('en-US')} bases (got '${value}')`,
    );
  return bases;
}

/** Core settings from the global flags. */
function coreOptions(): VariantDeskCoreOptions {
  return { maxRecordLength: program.opts<{ maxRecordLength?: number }>().maxRecordLength };
}

function openCore(): VariantDeskCore {
  return new VariantDeskCore(
    resolveDataDir(program.opts<{ dataDir?: string }>().dataDir),
    coreOptions(),
  );
}

program
  .command('import')
  .description('import FASTA/FASTQ files (plain or gzip) as one dataset')
  .argument('<files...>', 'sequence files')
  .option('--metadata <file>', 'metadata CSV/TSV joined on sequence id')
  .option('--name <name>', 'dataset name (default: the first file name)')
  .option('--json', 'print the import report as JSON on stdout')
  .option('--quiet', 'no progress bar')
  .action(
    async (
      files: string[],
      options: { metadata?: string; name?: string; json?: boolean; quiet?: boolean },
    ) => {
      const core = openCore();
      const { jobId } = await core.call('importFiles', {
        files: files.map((file) => ({ path: resolve(file) })),
        metadata: options.metadata ? { path: resolve(options.metadata) } : undefined,
        name: options.name,
      });
      const job = await followJob(core, jobId, 'Importing', !options.quiet);
      await core.close();
      const failure = jobFailure(job, 'Import');
      if (failure || job.kind !== 'import' || !job.result) {
        process.stderr.write(`${failure?.message ?? 'Import failed'}\n`);
        process.exitCode = failure?.code ?? 1;
      } else {
        process.stdout.write(
          `${options.json ? JSON.stringify(job.result, null, 2) : formatImportReport(job.result)}\n`,
        );
        // Every record refused: invalid input, whose reasons the report lists.
        if (!job.result.dataset && !job.result.duplicateOf) process.exitCode = EXIT.invalidInput;
      }
    },
  );

program
  .command('datasets')
  .description('list imported datasets')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const core = openCore();
    const datasets = await core.call('listDatasets', {});
    await core.close();
    process.stdout.write(
      `${options.json ? JSON.stringify(datasets, null, 2) : formatDatasets(datasets)}\n`,
    );
  });

analysisCommands(program, openCore);
clusterCommand(program, openCore);
trainCommand(program, openCore);
classifyCommand(program, openCore);
treeCommand(program, openCore);
modelsCommand(program, openCore);
pathogensCommand(program, openCore);
serveCommand(program, () => resolveDataDir(program.opts<{ dataDir?: string }>().dataDir));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message (or the help or version asked for).
    process.exitCode = error.exitCode === 0 ? EXIT.success : EXIT.invalidInput;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`variantdesk: ${message}\n`);
    process.exitCode = exitCodeOfKind(errorKind(error));
  }
}
