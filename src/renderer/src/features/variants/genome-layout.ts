/** Where the genome map puts genes: in lanes, so that overlapping genes do not cover each other. */
import type { GeneSummary } from '../../../../shared/analysis-types';

export interface PlacedGene {
  gene: GeneSummary;
  lane: number;
}

/** Genes sorted by start, each in the first lane where it overlaps nothing. */
export function placeGenes(genes: GeneSummary[]): { placed: PlacedGene[]; lanes: number } {
  const laneEnds: number[] = [];
  const placed = [...genes]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((gene) => {
      let lane = laneEnds.findIndex((end) => end < gene.start);
      if (lane === -1) {
        lane = laneEnds.length;
        laneEnds.push(gene.end);
      } else {
        laneEnds[lane] = gene.end;
      }
      return { gene, lane };
    });
  return { placed, lanes: Math.max(1, laneEnds.length) };
}
