/**
 * GFF3 annotation -> genes. Reads `gene` and `CDS` features (a CDS wins over a gene of the
 * same name, so extents are coding extents); other feature types are skipped.
 */
import { InvalidInputError } from '../errors';
import type { Gene } from './types';

const NAME_KEYS = ['gene_name', 'Name', 'gene'] as const;

function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const pair of text.split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const key = pair.slice(0, eq).trim();
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
      value = value.slice(1, -1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // A stray '%' is kept as written.
    }
    attributes.set(key, value);
  }
  return attributes;
}

/** A 1-based position: decimal digits only (Number() would also read 0x10, 1e3 or +5). */
function parsePosition(text: string): number | null {
  const digits = text.trim();
  if (!/^[0-9]+$/.test(digits)) return null;
  const position = Number(digits);
  return Number.isSafeInteger(position) && position >= 1 ? position : null;
}

interface Feature extends Gene {
  type: 'gene' | 'CDS';
  line: number;
}

/**
 * @param fileName used in error messages only
 * @throws InvalidInputError naming the file and line of the first malformed feature
 */
export function parseGff3(text: string, fileName: string): Gene[] {
  const byName = new Map<string, Feature>();
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.startsWith('##FASTA')) break;
    if (line.trim() === '' || line.startsWith('#')) continue;
    const lineNumber = index + 1;
    const fail = (why: string): never => {
      throw new InvalidInputError(`${fileName} line ${lineNumber}: ${why}`);
    };
    const columns = line.split('\t');
    if (columns.length < 9) fail(`expected 9 tab-separated columns, found ${columns.length}`);
    const typeColumn = columns[2]!.trim();
    const type = typeColumn.toLowerCase() === 'cds' ? 'CDS' : typeColumn.toLowerCase();
    if (type !== 'gene' && type !== 'CDS') continue;
    const start = parsePosition(columns[3]!);
    if (start === null) return fail(`start "${columns[3]}" is not a position`);
    const end = parsePosition(columns[4]!);
    if (end === null || end < start) return fail(`end "${columns[4]}" is not a position >= start`);
    const strandColumn = columns[6]!.trim();
    if (!['+', '-', '.', '?'].includes(strandColumn))
      fail(`strand "${strandColumn}" is not +, - or .`);
    const attributes = parseAttributes(columns[8]!);
    const name = NAME_KEYS.map((key) => attributes.get(key)).find((value) => value);
    if (!name) fail(`${type} feature has no gene_name, Name or gene attribute`);
    const feature: Feature = {
      name: name!,
      start,
      end,
      // Unstranded features ('.') are read on the reference strand.
      strand: strandColumn === '-' ? '-' : '+',
      type,
      line: lineNumber,
    };
    const earlier = byName.get(feature.name);
    if (earlier && earlier.type === feature.type)
      fail(`${type} "${feature.name}" is already defined on line ${earlier.line}`);
    if (!earlier || feature.type === 'CDS') byName.set(feature.name, feature);
  }
  return [...byName.values()]
    .sort((a, b) => a.line - b.line)
    .map(({ name, start, end, strand }) => ({ name, start, end, strand }));
}
