/**
 * The state of the service: `GET /health`, `GET /info` (version, uptime, pathogens, the
 * production models) and `GET /models/current` (what each production model predicts and
 * how well it validated).
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ModelVersionSummary } from '../shared/classify-types';
import { NotFoundError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import {
  currentModelsQuerySchema,
  currentModelsResponseSchema,
  errorResponseSchema,
  infoResponseSchema,
  type CurrentModel,
  type ModelRefOut,
} from './classify-api-schemas';
import { documentOnlySchemas, jsonResponse, routeSchema } from './openapi';
import { parseOrThrow } from './sequence-body';

export const SERVICE_NAME = 'VariantDesk';

/** The tool's version, from package.json. */
export function toolVersion(): string {
  const path = new URL('../../package.json', import.meta.url);
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path, 'utf8'))).version;
}

export function modelRef(model: ModelVersionSummary): ModelRefOut {
  const { id, name, version, task, pathogenId } = model;
  return { id, name, version, task, pathogenId };
}

function currentModel(model: ModelVersionSummary): CurrentModel {
  const { labels, confidenceThreshold, headline } = model;
  return { ...modelRef(model), labels, confidenceThreshold, headline };
}

export function registerServiceRoutes(
  app: FastifyInstance,
  core: VariantDeskCore,
  version: string,
): void {
  const startedAt = new Date();
  documentOnlySchemas(app);

  app.get(
    '/health',
    {
      schema: {
        tags: ['service'],
        summary: 'Liveness (no token needed)',
        security: [],
        response: { 200: jsonResponse('The server is up', z.object({ status: z.literal('ok') })) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/info',
    {
      schema: {
        tags: ['service'],
        summary: 'Service name, version, uptime, pathogens and production models',
        response: { 200: jsonResponse('About this server', infoResponseSchema) },
      },
    },
    async () => {
      const pathogens = await core.call('listPathogens', {});
      return {
        service: SERVICE_NAME,
        version,
        startedAt: startedAt.toISOString(),
        uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
        pathogens: pathogens.map(({ id, name, genomeLength }) => ({ id, name, genomeLength })),
        models: core.currentModels().map(modelRef),
      };
    },
  );

  app.get(
    '/models/current',
    {
      schema: {
        tags: ['service'],
        summary: 'The production models: labels and headline validation metrics',
        querystring: routeSchema(currentModelsQuerySchema),
        response: {
          200: jsonResponse(
            'One production model per pathogen and task',
            currentModelsResponseSchema,
          ),
          400: jsonResponse('A bad query parameter', errorResponseSchema),
          404: jsonResponse('The pathogen has no production model', errorResponseSchema),
        },
      },
    },
    async (request) => {
      const query = parseOrThrow(currentModelsQuerySchema, request.query ?? {}, 'query string');
      const all = core.currentModels();
      const models = query.pathogen ? all.filter((m) => m.pathogenId === query.pathogen) : all;
      if (query.pathogen && models.length === 0) {
        const known = [...new Set(all.map((m) => m.pathogenId))].join(', ');
        throw new NotFoundError(
          `no production model for pathogen '${query.pathogen}' (there are for: ${known || 'none'})`,
        );
      }
      return { models: models.map(currentModel) };
    },
  );
}
