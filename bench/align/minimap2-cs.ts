/** Substitutions (SNVs) and covered reference ranges of each query from minimap2's PAF `--cs`. */

export interface Minimap2Calls {
  /** `position:base` keys (1-based reference positions, query base A/C/G/T). */
  snvs: Set<string>;
  /** Covered reference ranges, 1-based inclusive. */
  covered: [number, number][];
}

/** Parses PAF lines (secondary alignments skipped) into calls per query name. */
export function parsePafCs(paf: string): Map<string, Minimap2Calls> {
  const byQuery = new Map<string, Minimap2Calls>();
  for (const line of paf.split('\n')) {
    if (!line) continue;
    const fields = line.split('\t');
    if (fields.includes('tp:A:S')) continue;
    const cs = fields.find((f) => f.startsWith('cs:Z:'));
    if (!cs) continue;
    const name = fields[0]!;
    const calls = byQuery.get(name) ?? { snvs: new Set<string>(), covered: [] };
    byQuery.set(name, calls);
    const targetStart = Number(fields[7]);
    calls.covered.push([targetStart + 1, Number(fields[8])]);
    let position = targetStart; // 0-based reference position of the next base
    const ops =
      cs.slice(5).match(/(:\d+)|(\*[a-z][a-z])|([+-][a-z]+)|(~[a-z]{2}\d+[a-z]{2})/g) ?? [];
    for (const op of ops) {
      if (op[0] === ':') position += Number(op.slice(1));
      else if (op[0] === '*') {
        const queryBase = op[2]!.toUpperCase();
        if ('ACGT'.includes(queryBase)) calls.snvs.add(`${position + 1}:${queryBase}`);
        position += 1;
      } else if (op[0] === '-') position += op.length - 1;
    }
  }
  return byQuery;
}
