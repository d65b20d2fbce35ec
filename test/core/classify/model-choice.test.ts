import { describe, expect, it, vi } from 'vitest';
import type { ModelVersionSummary, PathogenDetection } from '../../../src/shared/classify-types';
import { chooseModel } from '../../../src/core/classify/model-choice';
import { NotFoundError } from '../../../src/core/errors';
import type { ModelRegistry } from '../../../src/core/registry/model-registry';

function summary(id: number, name: string, version: string, pathogenId: string) {
  return { id, name, version, pathogenId, aliases: [] } as unknown as ModelVersionSummary;
}

const flu1 = summary(1, 'flu-clade', '1.0.0', 'flu');
const flu2 = summary(2, 'flu-clade', '2.0.0', 'flu');
const rsv = summary(3, 'rsv-clade', '1.0.0', 'rsv');

/** A registry of three versions; flu-clade@2.0.0 and rsv-clade are production. */
const models = {
  get: (id: number) => {
    const found = [flu1, flu2, rsv].find((m) => m.id === id);
    if (!found) throw new NotFoundError(`no model with id ${id}`);
    return found;
  },
  findByName: (name: string, version?: string) => {
    const found = [flu1, flu2, rsv].find(
      (m) => m.name === name && (version === undefined ? m !== flu1 : m.version === version),
    );
    if (!found) throw new NotFoundError(`no model '${name}'`);
    return found;
  },
  production: (pathogenId: string) => ({ flu: flu2, rsv })[pathogenId] ?? null,
  list: () => [flu1, flu2, rsv],
} as unknown as ModelRegistry;

const detected = (pathogenId: string | null): PathogenDetection => ({
  pathogenId,
  matches: [{ pathogenId: pathogenId ?? 'flu', sharedFraction: pathogenId ? 0.9 : 0.05 }],
});

describe('chooseModel: one rule for the app, the HTTP API and the CLI', () => {
  it('takes a bundle file as it is, without the registry or detection', async () => {
    const detect = vi.fn(async () => detected('flu'));
    const choice = await chooseModel({ model: 'some/where/model.zip' }, { models, detect }, 'x');
    expect(choice).toEqual({
      kind: 'file',
      path: expect.stringMatching(/some\/where\/model\.zip$/),
    });
    expect(detect).not.toHaveBeenCalled();
  });

  it('takes a registered version by id or by name[@version] (production when none)', async () => {
    const detect = vi.fn(async () => detected('rsv'));
    const deps = { models, detect };
    expect(await chooseModel({ modelId: 1 }, deps, 'x')).toMatchObject({ model: flu1 });
    expect(await chooseModel({ model: 'flu-clade' }, deps, 'x')).toMatchObject({ model: flu2 });
    expect(await chooseModel({ model: 'flu-clade@1.0.0' }, deps, 'x')).toMatchObject({
      model: flu1,
      detectedPathogen: null,
    });
    expect(detect).not.toHaveBeenCalled();
  });

  it('refuses a named model of another pathogen than the one given', async () => {
    const deps = { models, detect: async () => detected('flu') };
    await expect(chooseModel({ modelId: 3, pathogenId: 'flu' }, deps, 'x')).rejects.toThrow(
      'model rsv-clade@1.0.0 classifies rsv, not flu',
    );
  });

  it('uses the production model of the pathogen given, else of the one detected', async () => {
    const detect = vi.fn(async () => detected('rsv'));
    const deps = { models, detect };
    expect(await chooseModel({ pathogenId: 'flu' }, deps, 'x')).toMatchObject({ model: flu2 });
    expect(detect).not.toHaveBeenCalled();
    expect(await chooseModel({}, deps, 'x')).toEqual({
      kind: 'registered',
      model: rsv,
      detectedPathogen: 'rsv',
    });
  });

  it('says what is missing when no pathogen is told or it has no production model', async () => {
    await expect(
      chooseModel({}, { models, detect: async () => detected(null) }, 'reads.fastq'),
    ).rejects.toThrow(
      'could not tell the pathogen of reads.fastq (best match flu: 5.0% shared 16-mers, 30% needed); choose the pathogen or a model',
    );
    await expect(
      chooseModel({ pathogenId: 'ebola' }, { models, detect: async () => detected('flu') }, 'x'),
    ).rejects.toThrow("no production model for pathogen 'ebola' (models exist for: flu, rsv)");
  });
});
