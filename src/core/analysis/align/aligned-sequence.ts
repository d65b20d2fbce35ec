/** The aligned sequence ("aligned FASTA" row), rebuilt from the calls alone. */
import type { SequenceCalls } from '../../../shared/analysis-types';

/**
 * The query in reference coordinates: reference length, substitutions and ambiguity codes
 * in place, `-` for deleted positions and for the uncovered ends, `N` for missing positions
 * inside the alignment. Insertions are left out, as in Nextclade's aligned output.
 */
export function alignedSequence(reference: string, calls: SequenceCalls): string {
  const out = new Uint8Array(reference.length);
  for (let i = 0; i < reference.length; i += 1) out[i] = reference.charCodeAt(i);
  const put = (position: number, char: string): void => {
    out[position - 1] = char.charCodeAt(0);
  };
  for (const s of calls.substitutions) put(s.position, s.queryNuc);
  for (const a of calls.ambiguous) put(a.position, a.code);
  for (const m of calls.missing) for (let p = m.start; p <= m.end; p += 1) put(p, 'N');
  for (const d of calls.deletions)
    for (let p = d.start; p < d.start + d.length; p += 1) put(p, '-');
  out.fill(0x2d, 0, Math.max(0, calls.alignmentStart - 1));
  out.fill(0x2d, calls.alignmentEnd);
  return Buffer.from(out).toString('latin1');
}
