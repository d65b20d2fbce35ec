/** The datasets a command works on: an id, a name, or sequence files imported first. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInputError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { EXIT } from './exit-codes';
import { followJob, jobFailure } from './follow-job';

/** Ends a command with an exit code and a message on stderr. */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** A dataset id, a dataset name, or sequence files to import first (reusing identical content). */
export async function resolveDataset(
  core: VariantDeskCore,
  targets: string[],
  quiet: boolean,
  metadata?: string,
): Promise<number> {
  if (targets.length === 1) {
    const [target] = targets as [string];
    const datasets = await core.call('listDatasets', {});
    const byId = /^\d+$/.test(target) ? datasets.find((d) => d.id === Number(target)) : undefined;
    const byName = datasets.find((d) => d.name === target);
    if (byId ?? byName) return (byId ?? byName)!.id;
    if (/^\d+$/.test(target)) throw new InvalidInputError(`no dataset with id ${target}`);
    if (!existsSync(target))
      throw new InvalidInputError(`${target}: no such file, and no dataset with that name`);
  }
  const missing = targets.filter((t) => !existsSync(t));
  if (missing.length) throw new InvalidInputError(`no such file: ${missing.join(', ')}`);
  const { jobId } = await core.call('importFiles', {
    files: targets.map((t) => ({ path: resolve(t) })),
    ...(metadata !== undefined && { metadata: { path: resolve(metadata) } }),
  });
  const job = await followJob(core, jobId, 'Importing', !quiet);
  const failure = jobFailure(job, 'Import');
  if (failure) throw new CliExit(failure.code, failure.message);
  if (job.kind !== 'import' || !job.result) throw new CliExit(EXIT.failure, 'Import failed');
  const report = job.result;
  if (report.errorCount && !quiet)
    process.stderr.write(
      `${report.errorCount} invalid record(s) skipped (see: variantdesk import)\n`,
    );
  if (report.dataset) return report.dataset.id;
  if (report.duplicateOf) return report.duplicateOf.id;
  throw new CliExit(EXIT.invalidInput, 'Nothing to analyse: no valid records');
}
