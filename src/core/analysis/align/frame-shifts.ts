/**
 * Frame shifts: inside a gene, an indel (or run of indels) whose net length is not a
 * multiple of 3 shifts the reading frame until a later indel restores it, or to the end.
 */
import type { FrameShift, NucDeletion, NucInsertion } from '../../../shared/analysis-types';
import type { Gene } from '../../pathogens/types';

/** 1-based codon of a reference position within a gene, on the gene's strand. */
export function codonOf(gene: Gene, position: number): number {
  return gene.strand === '+'
    ? Math.floor((position - gene.start) / 3) + 1
    : Math.floor((gene.end - position) / 3) + 1;
}

interface IndelEvent {
  start: number;
  end: number;
  /** Net change of the query length: + for insertions, - for deletions. */
  delta: number;
}

export function findFrameShifts(
  gene: Gene,
  deletions: readonly NucDeletion[],
  insertions: readonly NucInsertion[],
): FrameShift[] {
  const events: IndelEvent[] = [];
  for (const d of deletions) {
    const end = d.start + d.length - 1;
    if (d.start >= gene.start && end <= gene.end)
      events.push({ start: d.start, end, delta: -d.length });
  }
  for (const i of insertions)
    if (i.position >= gene.start && i.position < gene.end)
      events.push({ start: i.position, end: i.position, delta: i.bases.length });
  if (events.length === 0) return [];
  events.sort((a, b) => a.start - b.start);
  const lastCodon = Math.floor((gene.end - gene.start + 1) / 3);
  const shifts: FrameShift[] = [];
  let offset = 0;
  let shiftStart = 0;
  let shiftEnd = 0;
  for (const event of events) {
    const wasInFrame = offset % 3 === 0;
    offset += event.delta;
    const inFrame = offset % 3 === 0;
    if (wasInFrame && !inFrame) shiftStart = event.start;
    if (!inFrame) shiftEnd = event.end;
    if (!wasInFrame && inFrame)
      shifts.push(frameShift(gene, shiftStart, event.end, false, lastCodon));
  }
  if (offset % 3 !== 0) shifts.push(frameShift(gene, shiftStart, shiftEnd, true, lastCodon));
  return shifts;
}

function frameShift(
  gene: Gene,
  nucStart: number,
  nucEnd: number,
  toEnd: boolean,
  lastCodon: number,
): FrameShift {
  const first = codonOf(gene, nucStart);
  const last = codonOf(gene, nucEnd);
  const codonStart = Math.max(1, Math.min(first, last));
  const codonEnd = toEnd ? lastCodon : Math.min(lastCodon, Math.max(first, last));
  return { gene: gene.name, nucStart, nucEnd, codonStart, codonEnd };
}
