import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeBundlePath, parseModelName } from '../../../src/core/classify';
import { bestMatchText, detectPathogen } from '../../../src/core/pathogens/detect-pathogen';
import { randomGenome, seededRandom, tempDir } from '../../helpers/genomes';

describe('what --model names', () => {
  it('reads a path or a file as a bundle, anything else as name[@version]', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain'), 'zip');
    expect(looksLikeBundlePath('some/where.zip')).toBe(true);
    expect(looksLikeBundlePath('flu.zip')).toBe(true);
    expect(looksLikeBundlePath(join(dir, 'plain'))).toBe(true);
    expect(looksLikeBundlePath('flu-clade')).toBe(false);
    expect(looksLikeBundlePath('flu-clade@2.0.1')).toBe(false);
    expect(parseModelName('flu-clade')).toEqual({ name: 'flu-clade' });
    expect(parseModelName('flu-clade@2.0.1')).toEqual({ name: 'flu-clade', version: '2.0.1' });
  });
});

describe('detectPathogen', () => {
  const random = seededRandom(4);
  const a = randomGenome(3000, random);
  const b = randomGenome(3000, random);
  it('picks the reference sharing the most 16-mers, or refuses', () => {
    const refs = [
      { id: 'a', sequence: a },
      { id: 'b', sequence: b },
    ];
    expect(detectPathogen(refs, [b.slice(100, 2000)]).pathogenId).toBe('b');
    const unknown = detectPathogen(refs, [randomGenome(2000, random)]);
    expect(unknown.pathogenId).toBeNull();
    expect(bestMatchText(unknown)).toMatch(
      /^ \(best match [ab]: \d+\.\d% shared 16-mers, 30% needed\)$/,
    );
  });
});
