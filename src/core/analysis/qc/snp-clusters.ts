/** Clusters of private substitutions, found exactly as Nextclade's released `qc.snpClusters` rule does. */

export interface SnpCluster {
  /** First and last substitution positions of the cluster. */
  start: number;
  end: number;
  substitutionCount: number;
}

/**
 * Slides over sorted positions; a window ending at a substitution and reaching `windowSize`
 * bases back that holds more than `clusterCutOff` substitutions is a cluster, and the next
 * substitution extends it while the windows stay over the cut-off.
 */
export function findSnpClusters(
  sortedPositions: number[],
  windowSize: number,
  clusterCutOff: number,
): SnpCluster[] {
  const clusters: number[][] = [];
  let windowStart = 0;
  let previous = -1;
  for (let i = 0; i < sortedPositions.length; i += 1) {
    const position = sortedPositions[i]!;
    while (sortedPositions[windowStart]! < position - windowSize) windowStart += 1;
    const windowLength = i - windowStart + 1;
    if (windowLength > clusterCutOff) {
      const last = clusters[clusters.length - 1];
      if (last && windowLength > 1 && last[last.length - 1] === previous) last.push(position);
      else clusters.push(sortedPositions.slice(windowStart, i + 1));
    }
    previous = position;
  }
  return clusters.map((cluster) => ({
    start: cluster[0]!,
    end: cluster[cluster.length - 1]!,
    substitutionCount: cluster.length,
  }));
}
