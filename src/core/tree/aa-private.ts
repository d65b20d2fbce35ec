/**
 * Private amino-acid mutations of a placed sequence: its amino-acid calls against the
 * node's amino-acid state (the tree's per-gene branch mutations applied root to node), and
 * reversions where the node carries a change and the sequence, covering that codon, has the
 * reference amino acid. Codons are read on the genes of the reference annotation.
 * Deleted codons are left out on both sides: where a deletion sits in a repeat, aligners put
 * it on different codons (the SARS-CoV-2 tree has S:E156- F157- where the calls may have
 * S:F157- R158-), and one shifted deletion would read as a deletion and a reversion.
 */
import type { SequenceCalls } from '../../shared/analysis-types';
import type { Gene } from '../pathogens/types';
import { isCovered } from '../analysis/qc/coverage';
import type { PlacementQuery } from './placement';
import type { ReferenceTree } from './reference-tree';

const AA_MUTATION = /^([A-Z*-])(\d+)([A-Z*-])$/;

export interface AaPrivate {
  /** `gene:NODE_AA codon QUERY_AA`, e.g. `S:N501Y`. */
  substitutions: string[];
  /** `gene:NODE_AA codon REF_AA`: the node's change is not in the sequence. */
  reversions: string[];
}

interface CodonState {
  /** The reference amino acid (the first change's `from`, root-most). */
  ref: string;
  aa: string;
}

/** The node's amino-acid state: gene:codon -> its amino acid, from root to node. */
function nodeAaState(tree: ReferenceTree, node: number): Map<string, CodonState> {
  const path: number[] = [];
  for (let n = node; n >= 0; n = tree.parent[n]!) path.push(n);
  const state = new Map<string, CodonState>();
  for (let i = path.length - 1; i >= 0; i--) {
    const mutations = tree.auspice.nodes[path[i]!]!.mutations;
    for (const gene of Object.keys(mutations)) {
      if (gene === 'nuc') continue;
      for (const text of mutations[gene]!) {
        const match = AA_MUTATION.exec(text);
        if (!match) continue;
        const key = `${gene}:${match[2]}`;
        const before = state.get(key);
        state.set(key, { ref: before?.ref ?? match[1]!, aa: match[3]! });
      }
    }
  }
  return state;
}

/** Whether all three bases of a codon are covered by the query. */
function codonCovered(gene: Gene, codon: number, query: PlacementQuery): boolean {
  const first = gene.strand === '-' ? gene.end - 3 * codon + 1 : gene.start + 3 * (codon - 1);
  for (let p = first; p < first + 3; p++) if (!isCovered(p, query.uncovered)) return false;
  return true;
}

interface AaChange {
  gene: string;
  codon: number;
  from: string;
  to: string;
}

/** `gene:FROM codon TO`, by gene and then codon. */
function written(changes: AaChange[]): string[] {
  return changes
    .sort((a, b) => a.gene.localeCompare(b.gene) || a.codon - b.codon)
    .map((c) => `${c.gene}:${c.from}${c.codon}${c.to}`);
}

export function aaPrivateMutations(
  tree: ReferenceTree,
  node: number,
  calls: Pick<SequenceCalls, 'aaSubstitutions' | 'aaDeletions'>,
  query: PlacementQuery,
  genes: readonly Gene[],
): AaPrivate {
  const state = nodeAaState(tree, node);
  const seen = new Set<string>();
  const substitutions: AaChange[] = [];
  for (const d of calls.aaDeletions) seen.add(`${d.gene}:${d.codon}`);
  for (const { gene, codon, refAa, queryAa } of calls.aaSubstitutions) {
    const key = `${gene}:${codon}`;
    seen.add(key);
    const nodeAa = state.get(key)?.aa ?? refAa;
    if (nodeAa !== queryAa && nodeAa !== '-')
      substitutions.push({ gene, codon, from: nodeAa, to: queryAa });
  }
  const geneOf = new Map(genes.map((g) => [g.name, g]));
  const reversions: AaChange[] = [];
  for (const [key, { ref, aa }] of state) {
    if (aa === ref || aa === '-' || ref === '-' || seen.has(key)) continue;
    const [gene, codonText] = key.split(':') as [string, string];
    const annotated = geneOf.get(gene);
    const codon = Number(codonText);
    if (annotated && codonCovered(annotated, codon, query))
      reversions.push({ gene, codon, from: aa, to: ref });
  }
  return { substitutions: written(substitutions), reversions: written(reversions) };
}
