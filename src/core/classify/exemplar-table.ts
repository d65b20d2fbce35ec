/**
 * `exemplars.tsv` of a bundle: one labeled exemplar per line, columns `id`, `label` and
 * `mutations` (space-separated `REF<pos>ALT`, ALT `-` for a deleted base). An exemplar's
 * genome is the bundle's reference with its mutations applied.
 */
import { InvalidInputError } from '../errors';
import type { LabeledMutation } from '../pathogens/labeled-mutations';

export interface ExemplarRow {
  id: string;
  label: string;
  /** Sorted by position, one per position. */
  mutations: LabeledMutation[];
}

const MUTATION = /^([ACGT])(\d+)([ACGT-])$/;
const COLUMNS = ['id', 'label', 'mutations'] as const;

/**
 * Parses and checks the table against the reference it belongs to.
 * @param source names the file in errors, e.g. `bundle.zip: exemplars.tsv`
 * @throws InvalidInputError naming the file and line: a missing column, a malformed
 *   mutation, a REF that is not the reference's base, a position past its end, ALT = REF
 */
export function parseExemplarTable(tsv: string, reference: string, source: string): ExemplarRow[] {
  const lines = tsv.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const column = COLUMNS.map((name) => header.indexOf(name));
  const absent = COLUMNS.filter((_, i) => column[i]! < 0);
  if (absent.length > 0)
    throw new InvalidInputError(`${source}: missing column(s) ${absent.join(', ')}`);
  const [idAt, labelAt, mutationsAt] = column as [number, number, number];
  const rows: ExemplarRow[] = [];
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line === '') continue;
    const where = `${source} line ${index + 1}`;
    const fields = line.split('\t');
    const id = fields[idAt] ?? '';
    const label = fields[labelAt] ?? '';
    if (id === '' || label === '') throw new InvalidInputError(`${where}: empty id or label`);
    const byPosition = new Map<number, LabeledMutation>();
    for (const token of (fields[mutationsAt] ?? '').split(' ')) {
      if (token === '') continue;
      const match = MUTATION.exec(token);
      if (!match) throw new InvalidInputError(`${where}: bad mutation "${token}"`);
      const [, refNuc, at, alt] = match as unknown as [string, string, string, string];
      const position = Number(at);
      if (position < 1 || position > reference.length)
        throw new InvalidInputError(
          `${where}: ${token} is outside the reference (1..${reference.length})`,
        );
      if (reference[position - 1] !== refNuc)
        throw new InvalidInputError(
          `${where}: ${token} but the reference has ${reference[position - 1]} at ${position}`,
        );
      if (alt === refNuc) throw new InvalidInputError(`${where}: ${token} changes nothing`);
      if (byPosition.has(position))
        throw new InvalidInputError(`${where}: position ${position} is mutated twice`);
      byPosition.set(position, { refNuc, position, alt });
    }
    const mutations = [...byPosition.values()].sort((a, b) => a.position - b.position);
    rows.push({ id, label, mutations });
  }
  if (rows.length === 0) throw new InvalidInputError(`${source}: no exemplars`);
  return rows;
}
