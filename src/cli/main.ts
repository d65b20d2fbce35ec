/** `variantdesk`: the command line over the same core as the app and the HTTP API. */
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { errorKind } from '../core/errors';
import { resolveDataDir } from '../core/data-dir';
import { VariantDeskCore } from '../core/variantdesk-core';
import { ProgressBar } from './progress-bar';
import { formatDatasets, formatImportReport } from './report';
import { serveCommand } from './serve';

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
  .showHelpAfterError();

function openCore(): VariantDeskCore {
  return new VariantDeskCore(resolveDataDir(program.opts<{ dataDir?: string }>().dataDir));
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
      const bar = new ProgressBar(process.stderr, !options.quiet);
      const { jobId } = await core.call('importFiles', {
        files: files.map((file) => ({ path: resolve(file) })),
        metadata: options.metadata ? { path: resolve(options.metadata) } : undefined,
        name: options.name,
      });
      const unsubscribe = core.onJobEvent(({ job }) => {
        if (job.id === jobId && job.status === 'running') bar.update('Importing', job.progress);
      });
      const onSignal = (): void => {
        process.stderr.write('\nCancelling: rolling back the import...\n');
        core.jobs.cancel(jobId);
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const job = await core.jobs.wait(jobId);
      unsubscribe();
      bar.done();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await core.close();
      if (job.status === 'cancelled') {
        process.stderr.write('Import cancelled: nothing was saved.\n');
        process.exitCode = 130;
      } else if (job.status === 'failed' || job.kind !== 'import' || !job.result) {
        process.stderr.write(`Import failed: ${job.error ?? 'unknown error'}\n`);
        process.exitCode = 1;
      } else if (options.json) {
        process.stdout.write(`${JSON.stringify(job.result, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatImportReport(job.result)}\n`);
        if (!job.result.dataset && !job.result.duplicateOf) process.exitCode = 1;
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

serveCommand(program, () => resolveDataDir(program.opts<{ dataDir?: string }>().dataDir));

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`variantdesk: ${message}\n`);
  process.exitCode =
    errorKind(error) === 'invalid-input' || errorKind(error) === 'not-found' ? 2 : 1;
}
