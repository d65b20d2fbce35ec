/** `variantdesk qc` and `variantdesk mutations`: align + QC a dataset (or files) and print a table. */
import type { Command } from 'commander';
import { InvalidInputError } from '../core/errors';
import { writeFileAtomic } from '../core/files/atomic-write';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { CliExit, resolveDataset } from './dataset-target';
import { followJob, jobFailure } from './follow-job';
import { outputFileOption } from './option-parsers';

interface AnalysisOptions {
  format: 'tsv' | 'csv' | 'json' | 'ndjson';
  out?: string;
  pathogen?: string;
  force?: boolean;
  quiet?: boolean;
}

async function runAnalysisCommand(
  core: VariantDeskCore,
  targets: string[],
  table: 'qc' | 'calls',
  options: AnalysisOptions,
): Promise<void> {
  const quiet = Boolean(options.quiet);
  const datasetId = await resolveDataset(core, targets, quiet);
  const started = await core.call('analyzeDataset', {
    datasetId,
    pathogenId: options.pathogen,
    force: options.force,
  });
  let analysisId = started.analysisId;
  if (started.jobId) {
    const job = await followJob(core, started.jobId, 'Aligning', !quiet);
    const failure = jobFailure(job, 'Analysis');
    if (failure) throw new CliExit(failure.code, failure.message);
    if (job.kind === 'analysis' && job.result) analysisId = job.result.analysis.id;
  }
  const analysis = await core.call('getAnalysis', { analysisId: analysisId! });
  if (!quiet) {
    process.stderr.write(
      `${analysis.pathogen.name}: ${analysis.alignedCount} aligned, ${analysis.failedCount} failed; ` +
        `QC good ${analysis.qc.good}, mediocre ${analysis.qc.mediocre}, bad ${analysis.qc.bad}\n`,
    );
  }
  const exported = await core.call('exportAnalysis', {
    analysisId: analysis.id,
    table,
    format: options.format,
  });
  if (options.out) {
    await writeFileAtomic(options.out, exported.content);
    if (!quiet) process.stderr.write(`Wrote ${options.out}\n`);
  } else {
    process.stdout.write(exported.content);
  }
}

export function analysisCommands(program: Command, openCore: () => VariantDeskCore): void {
  const define = (name: 'qc' | 'mutations', table: 'qc' | 'calls', description: string): void => {
    program
      .command(name)
      .description(description)
      .argument('<dataset|files...>', 'a dataset id or name, or FASTA/FASTQ files (imported first)')
      .option('--format <format>', 'tsv, csv, json or ndjson', 'tsv')
      .option('--out <file>', 'write to a file instead of stdout', outputFileOption('--out'))
      .option(
        '--pathogen <id>',
        'pathogen (default: detected from the sequences); see `variantdesk pathogens`',
      )
      .option('--force', 'align again even if the dataset was analysed with this reference')
      .option('--quiet', 'no progress or summary on stderr')
      .action(async (targets: string[], options: AnalysisOptions) => {
        if (!['tsv', 'csv', 'json', 'ndjson'].includes(options.format)) {
          throw new InvalidInputError(
            `--format must be tsv, csv, json or ndjson (got '${options.format}')`,
          );
        }
        const core = openCore();
        try {
          await runAnalysisCommand(core, targets, table, options);
        } catch (error) {
          if (!(error instanceof CliExit)) throw error;
          process.stderr.write(`${error.message}\n`);
          process.exitCode = error.code;
        } finally {
          await core.close();
        }
      });
  };
  define(
    'qc',
    'qc',
    'align to the reference and print per-sequence QC (verdict, score, each rule)',
  );
  define(
    'mutations',
    'calls',
    'align to the reference and print per-sequence mutations (substitutions, deletions, insertions, missing, aa changes)',
  );
}
