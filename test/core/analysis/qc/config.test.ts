import { describe, expect, it } from 'vitest';
import { loadPathogenConfig, parsePathogenConfig } from '../../../../src/core/analysis/qc/config';
import { describeQcThresholds } from '../../../../src/core/analysis/qc/thresholds';
import { pathogenDir } from './helpers';

describe('shipped pathogen.json', () => {
  it.each([
    ['sars-cov-2', 'SARS-CoV-2'],
    ['rsv-a', 'RSV-A'],
    ['flu-h3n2-ha', 'Influenza A/H3N2 HA'],
  ])('%s is valid and named %s', async (id, name) => {
    const config = await loadPathogenConfig(pathogenDir(id));
    expect(config).toMatchObject({ id, name });
    expect(config.qcSource).toMatch(/Nextclade dataset/);
  });

  it("carries Nextclade's SARS-CoV-2 thresholds and known stops and frame shifts, 1-based", async () => {
    const { qc } = await loadPathogenConfig(pathogenDir('sars-cov-2'));
    expect(qc.missingData).toEqual({ enabled: true, scoreBias: 300, missingDataThreshold: 2700 });
    expect(qc.mixedSites.mixedSitesThreshold).toBe(10);
    expect(qc.privateMutations).toMatchObject({
      weightReversionSubstitutions: 6,
      weightLabeledSubstitutions: 4,
      weightUnlabeledSubstitutions: 1,
      typical: 8,
      cutoff: 24,
    });
    expect(qc.snpClusters).toMatchObject({ windowSize: 100, clusterCutOff: 6, scoreWeight: 50 });
    expect(qc.stopCodons.ignoredStopCodons).toEqual(
      expect.arrayContaining([
        { gene: 'ORF8', codon: 27 },
        { gene: 'ORF8', codon: 68 },
        { gene: 'N', codon: 418 },
      ]),
    );
    expect(qc.frameShifts.ignoredFrameShifts).toContainEqual({
      gene: 'S',
      codonStart: 142,
      codonEnd: 143,
    });
  });
});

describe('parsePathogenConfig', () => {
  const valid = {
    id: 'x',
    name: 'X',
    qc: {
      missingData: { enabled: true, scoreBias: 10, missingDataThreshold: 100 },
      mixedSites: { enabled: true, mixedSitesThreshold: 4 },
      privateMutations: {
        enabled: true,
        weightReversionSubstitutions: 1,
        weightLabeledSubstitutions: 1,
        weightUnlabeledSubstitutions: 1,
        typical: 5,
        cutoff: 15,
      },
      snpClusters: { enabled: false, windowSize: 100, clusterCutOff: 5, scoreWeight: 50 },
      frameShifts: { enabled: true, scoreWeight: 75, ignoredFrameShifts: [] },
      stopCodons: { enabled: true, scoreWeight: 75, ignoredStopCodons: [] },
    },
  };

  it('accepts a complete config and keeps unknown top-level keys out', () => {
    expect(parsePathogenConfig({ ...valid, reference: 'r.fasta' })).toEqual(valid);
  });

  it('names the field that is wrong', () => {
    const typo = {
      ...valid,
      qc: { ...valid.qc, mixedSites: { enabled: true, mixedSiteThreshold: 4 } },
    };
    expect(() => parsePathogenConfig(typo, 'p.json')).toThrow(/^p\.json: qc\.mixedSites/);
    const zero = {
      ...valid,
      qc: { ...valid.qc, privateMutations: { ...valid.qc.privateMutations, cutoff: 0 } },
    };
    expect(() => parsePathogenConfig(zero)).toThrow('qc.privateMutations.cutoff');
    const backwards = {
      ...valid,
      qc: {
        ...valid.qc,
        frameShifts: {
          ...valid.qc.frameShifts,
          ignoredFrameShifts: [{ gene: 'S', codonStart: 5, codonEnd: 4 }],
        },
      },
    };
    expect(() => parsePathogenConfig(backwards)).toThrow('codonEnd must be >= codonStart');
  });
});

describe('describeQcThresholds', () => {
  it('states each threshold in the units the analyst sees', async () => {
    const lines = describeQcThresholds((await loadPathogenConfig(pathogenDir('sars-cov-2'))).qc);
    expect(lines).toEqual([
      'Missing data: missing bases (N or not covered) count above 300; mediocre from 1,110, bad from 3,000.',
      'Mixed sites: ambiguous bases other than N; mediocre from 3, bad from 10.',
      'Private mutations: differences from the nearest labeled reference, weighted: reversions 6, ' +
        'labeled (seen in other references) 4, unlabeled 1, each deletion run 1; typical 8, ' +
        'mediocre from 15.2, bad from 32.',
      'SNP clusters: more than 6 private substitutions within 100 bases make a cluster; ' +
        'each cluster adds 50 (mediocre from 1, bad from 2).',
      'Frame shifts: each frame shift adds 75 (mediocre from 1, bad from 2); 319 known ones ignored.',
      'Stop codons: each premature stop adds 75 (mediocre from 1, bad from 2); 90 known ones ignored.',
      'Each rule: good below 30, mediocre from 30, bad from 100 on its own score.',
      'Overall: the sum of each score² / 100; good below 30, mediocre from 30, bad from 100.',
    ]);
  });

  it('says which rules are not checked', async () => {
    const lines = describeQcThresholds((await loadPathogenConfig(pathogenDir('rsv-a'))).qc);
    // As in Nextclade's RSV dataset: partial (G- or F-only) genomes are normal there.
    expect(lines).toContain('SNP clusters: not checked for this pathogen.');
    expect(lines[0]).toBe('Missing data: not checked for this pathogen.');
  });
});
