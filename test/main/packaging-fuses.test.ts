import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const ROOT = resolve(import.meta.dirname, '../..');

// The keys electron-builder 26 reads (`electronFuses` is its FuseOptionsV1).
const builderConfigSchema = z.looseObject({
  asar: z.union([z.boolean(), z.looseObject({ disableIntegrity: z.boolean().optional() })]),
  files: z.array(z.string()),
  electronFuses: z.looseObject({
    runAsNode: z.boolean(),
    enableNodeOptionsEnvironmentVariable: z.boolean(),
    enableNodeCliInspectArguments: z.boolean(),
    onlyLoadAppFromAsar: z.boolean(),
    enableEmbeddedAsarIntegrityValidation: z.boolean(),
    grantFileProtocolExtraPrivileges: z.boolean(),
  }),
});

function readBuilderConfig() {
  const path = resolve(ROOT, 'electron-builder.json');
  return builderConfigSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

describe('packaging config (electron-builder.json)', () => {
  it('flips the fuses that turn the app binary into a plain Node or debuggable process off', () => {
    const { electronFuses } = readBuilderConfig();
    expect(electronFuses.runAsNode).toBe(false);
    expect(electronFuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(electronFuses.enableNodeCliInspectArguments).toBe(false);
    // The renderer is served from app://, so file:// needs no extra privileges.
    expect(electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('loads the app only from an integrity-checked asar', () => {
    const config = readBuilderConfig();
    expect(config.electronFuses.onlyLoadAppFromAsar).toBe(true);
    expect(config.electronFuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(config.asar === true || (config.asar !== false && !config.asar.disableIntegrity)).toBe(
      true,
    );
  });

  it('packs the built app, the package main and the shipped resources', () => {
    const { files } = readBuilderConfig();
    const main = z
      .object({ main: z.string() })
      .parse(JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'))).main;
    expect(main).toBe('./out/main/index.js');
    expect(files).toEqual(expect.arrayContaining(['out/**', 'resources/**', 'package.json']));
  });
});
