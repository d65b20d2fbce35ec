/**
 * The pathogens VariantDesk knows: those shipped in resources/pathogens and those an analyst
 * added under `<dataDir>/pathogens` (see add-pathogen.ts). Each is a folder of reference,
 * annotation, QC config and optional labeled tips and tree; the two kinds are used alike.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PathogenSource, PathogenSummary } from '../../shared/analysis-types';
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

/**
 * The files whose bytes make a pathogen's sha256, in this order; the tree is one because it
 * decides QC's private mutations (against the nearest node).
 */
const HASHED_FILES = [
  'reference.fasta',
  'genome_annotation.gff3',
  'pathogen.json',
  'labeled.tsv',
  'tree.json',
];

/**
 * Reads one pathogen folder (its name is the id).
 * @throws Error naming the file at fault
 */
export function readCatalogEntry(dir: string, id: string, source: PathogenSource): CatalogEntry {
  const folder = join(dir, id);
  const files = HASHED_FILES.map((name) => {
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
  const treePath = existsSync(join(folder, 'tree.json')) ? join(folder, 'tree.json') : null;
  return {
    dir: folder,
    config,
    referenceSequence: reference.sequence,
    sha256: hash.digest('hex'),
    treePath,
    summary: {
      id,
      name: config.name,
      source,
      genomeLength: reference.sequence.length,
      genes: parseGff3(gff.text, gff.path),
      qcThresholds: describeQcThresholds(config.qc),
      hasTree: treePath !== null,
    },
  };
}

/** Pathogen folders (those with a pathogen.json) of `dir`, sorted; none when it is absent. */
function pathogenFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((id) => !id.startsWith('.') && existsSync(join(dir, id, 'pathogen.json')));
}

export class PathogenCatalog {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly trees = new Map<string, ReferenceTree>();

  /**
   * @param dir the shipped pathogens (a broken one is fatal: the install is broken)
   * @param addedDir the analyst's added pathogens, `<dataDir>/pathogens`; one that no longer
   *   reads (edited by hand) is left out with a warning, so the app still starts
   */
  constructor(
    readonly dir: string,
    readonly addedDir: string | null = null,
  ) {
    for (const id of pathogenFolders(dir))
      this.entries.set(id, readCatalogEntry(dir, id, 'shipped'));
    if (addedDir === null) return;
    for (const id of pathogenFolders(addedDir)) {
      if (this.entries.has(id)) {
        console.warn(`VariantDesk: added pathogen '${id}' is left out: a shipped one has that id`);
        continue;
      }
      try {
        this.entries.set(id, readCatalogEntry(addedDir, id, 'added'));
      } catch (error) {
        console.warn(`VariantDesk: added pathogen '${id}' is left out: ${String(error)}`);
      }
    }
  }

  list(): PathogenSummary[] {
    return [...this.entries.values()].map((entry) => entry.summary);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get(id: string): CatalogEntry {
    const entry = this.entries.get(id);
    if (!entry)
      throw new NotFoundError(
        `no pathogen '${id}' (known: ${[...this.entries.keys()].join(', ')})`,
      );
    return entry;
  }

  /** Reads an added pathogen's folder (just written) into the catalogue. */
  addEntry(id: string): CatalogEntry {
    if (this.addedDir === null) throw new Error('this catalogue has no folder of added pathogens');
    const entry = readCatalogEntry(this.addedDir, id, 'added');
    this.entries.set(id, entry);
    return entry;
  }

  /** Forgets an added pathogen (its folder is removed by the caller). */
  removeEntry(id: string): void {
    const entry = this.get(id);
    if (entry.treePath) this.trees.delete(entry.treePath);
    this.entries.delete(id);
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

  /**
   * The tree of the pathogen whose reference is exactly `referenceSequence`, if it has one:
   * `pathogenId`'s when it is that pathogen (a model knows whose it is; an added copy of a
   * shipped reference keeps its own tree), else the first (shipped, then added, by id).
   */
  treeFor(referenceSequence: string, pathogenId?: string): string | null {
    const preferred = pathogenId === undefined ? undefined : this.entries.get(pathogenId);
    if (preferred?.referenceSequence === referenceSequence && preferred.treePath)
      return preferred.treePath;
    for (const entry of this.entries.values())
      if (entry.referenceSequence === referenceSequence && entry.treePath) return entry.treePath;
    return null;
  }

  /** Shipped first, then added, each in id order: on a tie the detector keeps this order. */
  references(): { id: string; sequence: string }[] {
    return [...this.entries.entries()].map(([id, entry]) => ({
      id,
      sequence: entry.referenceSequence,
    }));
  }
}
