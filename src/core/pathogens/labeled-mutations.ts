/**
 * The one reader of `labeled.tsv` (columns name, clade, pango, n_mutations, mutations as
 * space-separated `REF<pos>ALT`, ALT `-` for a deleted base): rows as parsed, and the tips'
 * substitutions and deletion runs for the conventions they carry.
 */
import { InvalidInputError } from '../errors';

export interface LabeledMutation {
  refNuc: string;
  /** 1-based reference position. */
  position: number;
  /** A, C, G, T, or '-' for a deleted base. */
  alt: string;
}

export interface LabeledRow {
  name: string;
  clade: string;
  pango: string;
  mutations: LabeledMutation[];
}

export interface LabeledTip {
  name: string;
  /** 1-based position -> substituted base (A, C, G or T). */
  substitutions: Map<number, string>;
  /** Runs of deleted positions, 1-based start. */
  deletions: { start: number; length: number }[];
}

const MUTATION = /^([A-Z])(\d+)([A-Z-])$/;
const COLUMNS = ['name', 'clade', 'pango', 'n_mutations', 'mutations'] as const;

/** @throws InvalidInputError naming the file and line of a missing column or a malformed mutation */
export function parseLabeledRows(tsv: string, source = 'labeled.tsv'): LabeledRow[] {
  const lines = tsv.split(/\r?\n/);
  const header = lines[0]!.split('\t');
  const column = Object.fromEntries(COLUMNS.map((name) => [name, header.indexOf(name)]));
  const absent = COLUMNS.filter((name) => column[name]! < 0);
  if (absent.length > 0)
    throw new InvalidInputError(`${source}: missing column(s) ${absent.join(', ')}`);
  const rows: LabeledRow[] = [];
  for (let lineIndex = 1; lineIndex < lines.length; lineIndex += 1) {
    const line = lines[lineIndex]!;
    if (line === '') continue;
    const fields = line.split('\t');
    const where = `${source}:${lineIndex + 1}`;
    const tokens = (fields[column.mutations!] ?? '').split(' ').filter((token) => token !== '');
    if (Number(fields[column.n_mutations!]) !== tokens.length) {
      throw new InvalidInputError(
        `${where}: n_mutations is ${fields[column.n_mutations!]}, found ${tokens.length}`,
      );
    }
    const mutations = tokens.map((token) => {
      const match = MUTATION.exec(token);
      const position = match ? Number(match[2]) : 0;
      if (!match || position < 1) throw new InvalidInputError(`${where}: bad mutation "${token}"`);
      return { refNuc: match[1]!, position, alt: match[3]! };
    });
    rows.push({
      name: fields[column.name!] ?? '',
      clade: fields[column.clade!] ?? '',
      pango: fields[column.pango!] ?? '',
      mutations,
    });
  }
  return rows;
}

/** The tips' substitutions and deletion runs. */
export function toLabeledTips(rows: readonly LabeledRow[]): LabeledTip[] {
  return rows.map((row) => {
    const tip: LabeledTip = { name: row.name, substitutions: new Map(), deletions: [] };
    for (const { position, alt } of row.mutations) {
      if (alt !== '-') {
        tip.substitutions.set(position, alt);
        continue;
      }
      const last = tip.deletions[tip.deletions.length - 1];
      if (last && last.start + last.length === position) last.length += 1;
      else tip.deletions.push({ start: position, length: 1 });
    }
    return tip;
  });
}

/** Tips of a `labeled.tsv`, for the conventions they carry (see `inferGapSide`). */
export function parseLabeledTips(labeledTsv: string, source = 'labeled.tsv'): LabeledTip[] {
  return toLabeledTips(parseLabeledRows(labeledTsv, source));
}
