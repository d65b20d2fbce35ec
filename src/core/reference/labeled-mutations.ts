/** The labeled tips' mutations (`labeled.tsv`), read once for the conventions they carry. */

export interface LabeledTip {
  name: string;
  /** 1-based position -> substituted base (A, C, G or T). */
  substitutions: Map<number, string>;
  /** Runs of deleted positions, 1-based start. */
  deletions: { start: number; length: number }[];
}

/** Tips of a `labeled.tsv` (columns name, clade, pango, n_mutations, mutations). */
export function parseLabeledTips(labeledTsv: string): LabeledTip[] {
  const lines = labeledTsv.split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  const column = header.indexOf('mutations');
  const nameColumn = header.indexOf('name');
  if (column < 0) return [];
  const tips: LabeledTip[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const fields = line.split('\t');
    const tip: LabeledTip = {
      name: fields[nameColumn] ?? '',
      substitutions: new Map(),
      deletions: [],
    };
    for (const mutation of (fields[column] ?? '').split(' ')) {
      const position = Number(mutation.slice(1, -1));
      const alt = mutation.slice(-1);
      if (!Number.isInteger(position) || position < 1) continue;
      if (alt !== '-') {
        tip.substitutions.set(position, alt);
        continue;
      }
      const last = tip.deletions[tip.deletions.length - 1];
      if (last && last.start + last.length === position) last.length += 1;
      else tip.deletions.push({ start: position, length: 1 });
    }
    tips.push(tip);
  }
  return tips;
}
