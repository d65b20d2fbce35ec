/** `variantdesk pathogens`: the pathogens known (shipped and added), adding and removing one. */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { PathogenSummary } from '../shared/analysis-types';
import type { VariantDeskCore } from '../core/variantdesk-core';

/** One line per pathogen: id, name, genome length, genes, tree, source (tab-separated). */
export function formatPathogens(pathogens: readonly PathogenSummary[]): string {
  return pathogens
    .map((p) =>
      [
        p.id,
        p.name,
        `${p.genomeLength} nt`,
        p.genes.map((g) => g.name).join(','),
        p.hasTree ? 'tree' : 'no tree',
        p.source,
      ].join('\t'),
    )
    .join('\n');
}

interface AddOptions {
  id: string;
  name: string;
  reference: string;
  annotation: string;
  tree?: string;
  labeled?: string;
  json?: boolean;
}

async function withCore<T>(
  openCore: () => VariantDeskCore,
  run: (core: VariantDeskCore) => Promise<T>,
): Promise<T> {
  const core = openCore();
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}

async function listPathogens(
  openCore: () => VariantDeskCore,
  options: { json?: boolean },
): Promise<void> {
  const pathogens = await withCore(openCore, (core) => core.call('listPathogens', {}));
  process.stdout.write(
    `${options.json ? JSON.stringify(pathogens, null, 2) : formatPathogens(pathogens)}\n`,
  );
}

const file = (path: string | undefined) =>
  path === undefined ? undefined : { path: resolve(path) };

export function pathogensCommand(program: Command, openCore: () => VariantDeskCore): void {
  const pathogens = program
    .command('pathogens')
    .description(
      'list the pathogens (references and annotations) VariantDesk knows, shipped and added',
    )
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => listPathogens(openCore, options));
  pathogens
    .command('list')
    .description('list the pathogens (the default)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => listPathogens(openCore, options));
  pathogens
    .command('add')
    .description(
      'add a pathogen from a reference FASTA and a GFF3 (checked against each other), with its tree and labeled tips if given',
    )
    .requiredOption('--id <id>', 'lower-case letters, digits and dashes, e.g. flu-h1-ha')
    .requiredOption('--name <name>', 'the name shown in the app')
    .requiredOption('--reference <file>', 'reference FASTA, one nucleotide record')
    .requiredOption('--annotation <file>', 'GFF3 with gene or CDS features')
    .option('--tree <file>', 'Auspice v2 tree.json fitting the reference')
    .option('--labeled <file>', 'labeled.tsv: name, clade, pango, n_mutations, mutations')
    .option('--json', 'print the added pathogen as JSON')
    .action(async (options: AddOptions) => {
      const added = await withCore(openCore, (core) =>
        core.call('addPathogen', {
          id: options.id,
          name: options.name,
          reference: file(options.reference),
          annotation: file(options.annotation),
          tree: file(options.tree),
          labeled: file(options.labeled),
        }),
      );
      process.stdout.write(
        options.json
          ? `${JSON.stringify(added, null, 2)}\n`
          : `Added pathogen ${added.id} (${added.name}): ${added.genomeLength} nt, ${added.genes.length} gene(s)${added.hasTree ? ', with its tree' : ''}\n`,
      );
    });
  pathogens
    .command('remove')
    .description('remove an added pathogen that no analysis, classification or model uses')
    .argument('<id>', 'the pathogen id')
    .action(async (id: string) => {
      await withCore(openCore, (core) => core.call('removePathogen', { id }));
      process.stdout.write(`Removed pathogen ${id}\n`);
    });
}
