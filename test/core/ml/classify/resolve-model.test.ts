import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkModelVersion,
  detectPathogen,
  resolveModelBundle,
} from '../../../../src/core/ml/classify';
import { randomGenome, seededRandom, tempDir } from '../../../helpers/genomes';

describe('resolveModelBundle', () => {
  const dir = join(tempDir(), 'models');
  mkdirSync(dir);
  writeFileSync(join(dir, 'flu-clade.zip'), 'zip');

  it('reads a path as a path and a name from the models folders', () => {
    expect(resolveModelBundle('some/where.zip', [dir]).path).toMatch(/some\/where\.zip$/);
    expect(resolveModelBundle('flu-clade', [dir])).toEqual({ path: join(dir, 'flu-clade.zip') });
    expect(resolveModelBundle('flu-clade@2', [dir])).toEqual({
      path: join(dir, 'flu-clade.zip'),
      version: '2',
    });
  });

  it('names the folders searched when a model is missing', () => {
    expect(() => resolveModelBundle('rsv-a-clade', [dir])).toThrow(
      `no model 'rsv-a-clade': looked for rsv-a-clade.zip in ${dir}`,
    );
  });

  it('accepts name@version only when the bundle is that version', () => {
    const reference = { path: '/m/flu-clade.zip', version: '2' };
    expect(() => checkModelVersion(reference, { name: 'flu-clade', version: '2' })).not.toThrow();
    expect(() => checkModelVersion(reference, { name: 'flu-clade', version: '3' })).toThrow(
      '/m/flu-clade.zip: model flu-clade is version 3, not 2',
    );
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
    expect(detectPathogen(refs, [b.slice(100, 2000)], 'x.fasta')).toBe('b');
    expect(() => detectPathogen(refs, [randomGenome(2000, random)], 'x.fasta')).toThrow(
      /x\.fasta: could not tell which pathogen/,
    );
  });
});
