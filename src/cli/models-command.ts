/** `variantdesk models`: the registered model versions, and importing a bundle. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { ModelVersionSummary } from '../shared/classify-types';
import { InvalidInputError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';

const percent = (value: number | null): string =>
  value === null ? '-' : `${(value * 100).toFixed(1)}%`;

export function formatModels(models: ModelVersionSummary[]): string {
  if (models.length === 0) return 'No models registered.';
  const header = ['id', 'model', 'pathogen', 'task', 'accuracy', 'macro-F1', 'threshold', 'alias'];
  const rows = models.map((m) => [
    String(m.id),
    `${m.name}@${m.version}`,
    m.pathogenId,
    m.task,
    percent(m.headline.accuracy),
    m.headline.macroF1 === null ? '-' : m.headline.macroF1.toFixed(3),
    m.confidenceThreshold.toFixed(2),
    m.aliases.join(',') || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function modelsCommand(program: Command, openCore: () => VariantDeskCore): void {
  const models = program
    .command('models')
    .description('list the registered model versions (cross-validated accuracy, production alias)')
    .option('--pathogen <id>', 'only this pathogen')
    .option('--json', 'print JSON')
    .action(async (options: { pathogen?: string; json?: boolean }) => {
      const core = openCore();
      try {
        const list = await core.call('listModels', { pathogenId: options.pathogen });
        process.stdout.write(
          `${options.json ? JSON.stringify(list, null, 2) : formatModels(list)}\n`,
        );
      } finally {
        await core.close();
      }
    });
  models
    .command('import')
    .description('verify a model bundle and register it (refused with the reason if it fails)')
    .argument('<bundle.zip>', 'a model bundle')
    .option('--json', 'print the registered model as JSON')
    .action(async (bundle: string, options: { json?: boolean }) => {
      if (!existsSync(bundle)) throw new InvalidInputError(`${bundle}: no such file`);
      const core = openCore();
      try {
        const result = await core.call('importModel', { file: { path: resolve(bundle) } });
        const { model } = result;
        process.stdout.write(
          options.json
            ? `${JSON.stringify(result, null, 2)}\n`
            : `${result.alreadyRegistered ? 'Already registered' : 'Registered'}: model #${model.id} ${model.name}@${model.version} (${model.pathogenId}, ${model.task})${model.aliases.length ? `, ${model.aliases.join(', ')}` : ''}\n`,
        );
      } finally {
        await core.close();
      }
    });
}
