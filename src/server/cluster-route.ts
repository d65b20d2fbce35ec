/**
 * `POST /cluster`: the pipeline endpoint. Takes a dataset id or sequences (FASTA text, or
 * `{id, sequence}` records, imported as a dataset first), clusters them, and answers with
 * the metrics, the cluster summaries and one assignment per sequence. With `wait: false`
 * it answers 202 with the job id at once (follow it with getJob, stop it with cancelJob);
 * otherwise it waits, and a client that disconnects cancels the job.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { clusterParamsSchema } from '../shared/cluster-schemas';
import type { JobSnapshot } from '../shared/types';
import { InvalidInputError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { sequenceRecordSchema } from './sequence-body';
import type { UploadStore } from './uploads';

/** Sequences posted inline: a FASTA of ~3,000 SARS-CoV-2 genomes fits. */
export const CLUSTER_BODY_LIMIT = 100 * 1024 * 1024;

export const clusterRequestSchema = z
  .object({
    datasetId: z.number().int().positive().optional(),
    sequences: z.union([z.string().min(1), z.array(sequenceRecordSchema).min(1)]).optional(),
    /** Name of the dataset made from `sequences`. */
    name: z.string().trim().min(1).max(200).optional(),
    params: clusterParamsSchema.default(() => clusterParamsSchema.parse({})),
    wait: z.boolean().default(true),
  })
  .strict()
  .refine((body) => (body.datasetId === undefined) !== (body.sequences === undefined), {
    message: 'give either datasetId or sequences (FASTA text or [{id, sequence}])',
  });

function toFasta(sequences: string | { id: string; sequence: string }[]): string {
  if (typeof sequences === 'string') return sequences;
  return sequences.map((r) => `>${r.id}\n${r.sequence}\n`).join('');
}

async function settle(core: VariantDeskCore, jobId: string, what: string): Promise<JobSnapshot> {
  const done = await core.waitForJob(jobId);
  if (done.status === 'done') return done;
  throw new InvalidInputError(
    `${what} ${done.status === 'cancelled' ? 'was cancelled' : `failed: ${done.error ?? 'unknown error'}`}`,
  );
}

export function registerClusterRoute(
  app: FastifyInstance,
  core: VariantDeskCore,
  uploads: UploadStore,
): void {
  app.post(
    '/cluster',
    { bodyLimit: CLUSTER_BODY_LIMIT },
    async (request: FastifyRequest, reply) => {
      const parsed = clusterRequestSchema.safeParse(request.body ?? {});
      if (!parsed.success)
        throw new InvalidInputError(
          `invalid input to POST /cluster: ${z.prettifyError(parsed.error)}`,
        );
      const body = parsed.data;
      // A waiting client that goes away takes its jobs with it.
      let running: string | null = null;
      const onClose = (): void => {
        if (running && !reply.sent) void core.call('cancelJob', { jobId: running });
      };
      request.raw.once('close', onClose);

      let datasetId = body.datasetId;
      if (body.sequences !== undefined) {
        const posted = Readable.from([toFasta(body.sequences)]);
        const upload = await uploads.save(posted, 'posted.fasta');
        // Claimed at once: no client can import (or spend) this upload by its id.
        uploads.take(upload.id);
        try {
          const { jobId } = await core.call('importFiles', {
            files: [{ path: upload.path, name: upload.name }],
            name: body.name ?? `POST /cluster ${new Date().toISOString()}`,
          });
          running = jobId;
          const job = await settle(core, jobId, 'the import of the posted sequences');
          const report = job.kind === 'import' ? job.result : null;
          datasetId = report?.dataset?.id ?? report?.duplicateOf?.id;
          if (datasetId === undefined)
            throw new InvalidInputError(
              `the posted sequences hold no valid record${report?.errors[0] ? ` (line ${report.errors[0].line}: ${report.errors[0].reason})` : ''}`,
            );
        } finally {
          await uploads.remove([upload]);
        }
      }
      const { jobId } = await core.call('clusterDataset', { datasetId, params: body.params });
      if (!body.wait) return reply.code(202).send({ jobId, datasetId });
      running = jobId;
      const job = await settle(core, jobId, 'clustering');
      const clusteringId = job.kind === 'cluster' && job.result ? job.result.clustering.id : 0;
      const [clustering, points] = await Promise.all([
        core.call('getClustering', { clusteringId }),
        core.call('getClusterPoints', { clusteringId }),
      ]);
      const d = points.dimensions;
      return {
        jobId,
        datasetId,
        clustering,
        assignments: points.ids.map((id, i) => ({
          id,
          cluster: points.assignments[i],
          coordinates: points.coordinates.slice(i * d, (i + 1) * d),
        })),
      };
    },
  );
}
