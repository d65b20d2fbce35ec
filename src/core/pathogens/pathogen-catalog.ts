/** The pathogens shipped in resources/pathogens: reference, annotation, QC config. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PathogenSummary } from '../../shared/analysis-types';
import { NotFoundError } from '../errors';
import { parsePathogenConfig, type PathogenConfig } from '../analysis/qc/config';
import { describeQcThresholds } from '../analysis/qc/thresholds';
import { parseGff3 } from './gff3';
import { parseReferenceFasta } from './reference-fasta';
import { buildReferenceTree, type ReferenceTree } from '../tree/reference-tree';

export interface CatalogEntry {
  dir: string;
  config: PathogenConfig;
  summary: PathogenSummary;
  referenceSequence: string;
  /** sha256 of the files that decide the calls and QC. */
  sha256: string;
  /** The reference tree (Auspice v2 `tree.json`) when the pathogen has one. */
  treePath: string | null;
}

export class PathogenCatalog {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly trees = new Map<string, ReferenceTree>();

  constructor(readonly dir: string) {
    for (const id of readdirSync(dir).sort()) {
      const folder = join(dir, id);
      if (!existsSync(join(folder, 'pathogen.json'))) continue;
      // The tree decides QC's private mutations (against the nearest node), so it is hashed too.
      const files = [
        'reference.fasta',
        'genome_annotation.gff3',
        'pathogen.json',
        'labeled.tsv',
        'tree.json',
      ].map((name) => {
        const path = join(folder, name);
        return { path, text: existsSync(path) ? readFileSync(path, 'utf8') : '' };
      });
      const [fasta, gff, json] = files as [
        { path: string; text: string },
        { path: string; text: string },
        { path: string; text: string },
      ];
      const config = parsePathogenConfig(JSON.parse(json.text), json.path);
      const reference = parseReferenceFasta(fasta.text, fasta.path);
      const hash = createHash('sha256');
      for (const file of files) hash.update(file.text);
      this.entries.set(id, {
        dir: folder,
        config,
        referenceSequence: reference.sequence,
        sha256: hash.digest('hex'),
        treePath: existsSync(join(folder, 'tree.json')) ? join(folder, 'tree.json') : null,
        summary: {
          id,
          name: config.name,
          genomeLength: reference.sequence.length,
          genes: parseGff3(gff.text, gff.path),
          qcThresholds: describeQcThresholds(config.qc),
          hasTree: existsSync(join(folder, 'tree.json')),
        },
      });
    }
  }

  list(): PathogenSummary[] {
    return [...this.entries.values()].map((entry) => entry.summary);
  }

  get(id: string): CatalogEntry {
    const entry = this.entries.get(id);
    if (!entry)
      throw new NotFoundError(
        `no pathogen '${id}' (known: ${[...this.entries.keys()].join(', ')})`,
      );
    return entry;
  }

  /**
   * The reference tree at `path` (a pathogen's `treePath`), read and indexed once.
   * @throws NotFoundError when no pathogen has that tree
   */
  referenceTree(path: string): ReferenceTree {
    const cached = this.trees.get(path);
    if (cached) return cached;
    const entry = [...this.entries.values()].find((e) => e.treePath === path);
    if (!entry) throw new NotFoundError(`no pathogen has the tree ${path}`);
    const tree = buildReferenceTree(readFileSync(path, 'utf8'), entry.referenceSequence, path);
    this.trees.set(path, tree);
    return tree;
  }

  /** The tree of the pathogen whose reference is exactly `referenceSequence`, if it has one. */
  treeFor(referenceSequence: string): string | null {
    for (const entry of this.entries.values())
      if (entry.referenceSequence === referenceSequence && entry.treePath) return entry.treePath;
    return null;
  }

  references(): { id: string; sequence: string }[] {
    return [...this.entries.entries()].map(([id, entry]) => ({
      id,
      sequence: entry.referenceSequence,
    }));
  }
}
