/**
 * `variantdesk tree`: the pathogen's reference tree with the sequences placed on it, as
 * Auspice v2 JSON (auspice.us opens it) or Newick. The sequences go through the classify
 * path (its model rule, its placement), so the pathogen is detected as for `classify`.
 */
import type { Command } from 'commander';
import { writeFileAtomic } from '../core/files/atomic-write';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { chooseSource, reporter, runStreamCommand } from './classify-command';
import { oneOfOption, outputFileOption } from './option-parsers';

interface TreeOptions {
  out: string;
  format: 'auspice' | 'newick';
  model?: string;
  pathogen?: string;
  quiet?: boolean;
}

async function runTree(
  core: VariantDeskCore,
  targets: string[],
  options: TreeOptions,
  signal: AbortSignal,
): Promise<void> {
  const source = await chooseSource(core, targets);
  const report = reporter(Boolean(options.quiet));
  const { content, summary, placed } = await core.treeWithSequences(
    source,
    { model: options.model, pathogenId: options.pathogen },
    options.format,
    { onModel: report.model, onProgress: report.progress, onRecordError: report.recordError },
    signal,
  );
  signal.throwIfAborted();
  // Written whole to a temporary file and renamed: an interrupted run keeps what was there.
  await writeFileAtomic(options.out, content);
  report.finish(summary);
  if (!options.quiet)
    process.stderr.write(
      `${placed} of ${summary.classified} sequences placed on the tree; wrote ${options.out}\n`,
    );
}

/** Registers `tree` on the program. */
export function treeCommand(program: Command, openCore: () => VariantDeskCore): void {
  program
    .command('tree')
    .description(
      "the pathogen's reference tree with the sequences attached to their placement nodes (Auspice v2 JSON or Newick)",
    )
    .argument('<dataset|files...>', 'FASTA/FASTQ files (plain or gzip), or a dataset id or name')
    .requiredOption('--out <file>', 'the tree file to write', outputFileOption('--out'))
    .option(
      '--format <format>',
      'auspice (v2 JSON, opens in auspice.us) or newick',
      oneOfOption('--format', ['auspice', 'newick'] as const),
      'auspice',
    )
    .option(
      '--model <bundle.zip|name[@version]>',
      'as for classify (default: the detected pathogen)',
    )
    .option('--pathogen <id>', 'use the production model of this pathogen')
    .option('--quiet', 'no progress or summary on stderr')
    .action((targets: string[], options: TreeOptions) =>
      runStreamCommand(openCore, 'Placement', (core, signal) =>
        runTree(core, targets, options, signal),
      ),
    );
}
