import { describe, expect, it } from 'vitest';
import {
  formatAaDeletion,
  formatAaSubstitution,
  formatDeletion,
  formatInsertion,
  formatNucSubstitution,
} from '../../../../src/core/analysis/align';

describe('mutation labels', () => {
  it('read as analysts write them', () => {
    expect(formatNucSubstitution({ position: 241, refNuc: 'C', queryNuc: 'T' })).toBe('C241T');
    expect(formatDeletion({ start: 21765, length: 6 })).toBe('21765-21770');
    expect(formatDeletion({ start: 11288, length: 9 })).toBe('11288-11296');
    expect(formatDeletion({ start: 28271, length: 1 })).toBe('28271');
    expect(formatInsertion({ position: 22204, bases: 'GAGCCAGAA' })).toBe('22204:GAGCCAGAA');
    expect(formatAaSubstitution({ gene: 'S', codon: 501, refAa: 'N', queryAa: 'Y' })).toBe(
      'S:N501Y',
    );
    expect(formatAaSubstitution({ gene: 'ORF8', codon: 27, refAa: 'Q', queryAa: '*' })).toBe(
      'ORF8:Q27*',
    );
    expect(formatAaDeletion({ gene: 'ORF1a', codon: 3675, refAa: 'S' })).toBe('ORF1a:S3675-');
  });
});
