/**
 * Child process of the gzip-bomb tests: reads one sequence file with the reader and prints
 * what it returned and its peak RSS as one JSON line. It gives up (exit 3) once its RSS
 * passes LIMIT_MB, so an unbounded reader fails the test without exhausting the machine.
 * Usage: node --import tsx read-bounded.ts <file> [options JSON]
 */
import { readSequences } from '../../../src/core/sequences/reader';
import type { ReadSequencesOptions } from '../../../src/core/sequences/types';

const LIMIT_MB = 1500;
const [path, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson ?? '{}') as ReadSequencesOptions;

const watch = setInterval(() => {
  const rssMb = process.memoryUsage.rss() / 2 ** 20;
  if (rssMb > LIMIT_MB) {
    process.stdout.write(`${JSON.stringify({ gaveUp: `RSS ${Math.round(rssMb)} MB` })}\n`);
    process.exit(3);
  }
}, 20);

const started = performance.now();
const records: string[] = [];
const errors: unknown[] = [];
for await (const batch of readSequences(path!, options)) {
  for (const event of batch) {
    if (event.type === 'record') records.push(event.record.id);
    else errors.push(event.error);
  }
}
clearInterval(watch);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ records, errors, peakRssMb, seconds })}\n`);
