import { describe, expect, it } from 'vitest';
import {
  bundleManifestSchema,
  labelsInOrder,
  unsafeEntryPathProblem,
} from '../../../src/core/bundles';
import { manifestJson, sampleFiles } from './bundle-fixtures';

const issuesOf = (override: Record<string, unknown>): string[] => {
  const result = bundleManifestSchema.safeParse(manifestJson(sampleFiles(), override));
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('bundle manifest', () => {
  it('keeps labels in class-index order whatever the key order in the JSON', () => {
    const manifest = bundleManifestSchema.parse(
      manifestJson(sampleFiles(), { labels: { '2': 'C', '0': 'A', '1': 'B' } }),
    );
    expect(labelsInOrder(manifest)).toEqual(['A', 'B', 'C']);
  });

  it('refuses labels that skip an index, repeat, or are too few', () => {
    expect(issuesOf({ labels: { '0': 'A', '1': 'A' } })).toEqual(['label A appears twice']);
    expect(issuesOf({ labels: { '0': 'A' } })).toEqual(['a model needs at least 2 labels']);
    expect(issuesOf({ labels: { '0': 'A', '01': 'B' } }).join()).toContain('class indices');
  });

  it('accepts every featurizer kind and refuses a bad one', () => {
    const aligned = { kind: 'aligned-alleles', referenceLength: 100, positions: [3, 50] };
    expect(issuesOf({ featurizer: aligned })).toEqual([]);
    expect(issuesOf({ featurizer: { kind: 'mutation-profile', mutations: ['C241T'] } })).toEqual(
      [],
    );
    expect(issuesOf({ featurizer: { ...aligned, positions: [101] } }).join()).toContain(
      'past the reference length 100',
    );
  });

  it('refuses a file list without model.onnx, or listing the manifest itself', () => {
    const { 'model.onnx': _model, ...rest } = sampleFiles();
    expect(bundleManifestSchema.safeParse(manifestJson(rest)).success).toBe(false);
    const listed = manifestJson(sampleFiles()).files as Record<string, unknown>;
    const withSelf = { ...listed, 'manifest.json': listed['model.onnx'] };
    expect(issuesOf({ files: withSelf })).toEqual(['the manifest does not list itself']);
  });

  it('keeps metrics and model parameters as given', () => {
    const metrics = {
      accuracy: 0.9,
      confusion: [
        [1, 0],
        [0, 1],
      ],
      report: { note: 'ok' },
    };
    const manifest = bundleManifestSchema.parse(manifestJson(sampleFiles(), { metrics }));
    expect(manifest.metrics).toEqual(metrics);
  });
});

describe('entry paths', () => {
  it('allows plain relative paths of portable characters', () => {
    for (const name of ['model.onnx', 'annotation.gff3', 'extras/tree_v2-1.json'])
      expect(unsafeEntryPathProblem(name)).toBeNull();
  });

  it('names what is wrong with an unsafe path', () => {
    expect(unsafeEntryPathProblem('a/../../b')).toBe("the entry name contains '..'");
    expect(unsafeEntryPathProblem('d:model.onnx')).toBe(
      'the entry name starts with a drive letter',
    );
    expect(unsafeEntryPathProblem('extras/')).toBe('directory entries are not allowed');
    expect(unsafeEntryPathProblem('')).toBe('the entry name is empty');
    expect(unsafeEntryPathProblem('a\u0000b')).toMatch(/letters, digits/);
    expect(unsafeEntryPathProblem('__proto__')).toMatch(/letters, digits/);
  });
});
