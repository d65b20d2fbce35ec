/**
 * The OpenAPI document of the documented API (routes with a tag) at `GET /docs/json`, and
 * the interactive Swagger UI at `GET /docs`, its assets served from node_modules (the app
 * is offline). The UI loads no inline script, so the app's own CSP applies to it unchanged.
 */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { TOKEN_COOKIE } from './request-guard';

export const DOCS_PREFIX = '/docs';

/** A zod schema as the JSON Schema (draft 2020-12, as OpenAPI 3.1 takes it) of a route. */
export function routeSchema(
  schema: z.ZodType,
  io: 'input' | 'output' = 'input',
): Record<string, unknown> {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return json;
}

/** A JSON response of a route, with its description. */
export function jsonResponse(description: string, schema: z.ZodType): Record<string, unknown> {
  return {
    description,
    content: { 'application/json': { schema: routeSchema(schema, 'output') } },
  };
}

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    hideUntagged: true,
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'VariantDesk API',
        version,
        description:
          "Classification of pathogen genomes with the registered models, and the state of the service. Every request but `GET /health` must carry the access token that `variantdesk serve` printed (given with `--token` or `VARIANTDESK_TOKEN`, else generated per launch): `Authorization: Bearer <token>`, or `?token=<token>` once (the answer sets the `variantdesk_token` cookie). Unauthorised requests get 401. Requests addressed to another host name than the server's own address or localhost get 421 (DNS rebinding), and a POST sent by a page of another origin gets 403.",
      },
      tags: [
        { name: 'classification', description: 'Labels (e.g. clades) for posted sequences' },
        { name: 'service', description: 'Health, version, models and metrics' },
      ],
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer' },
          tokenCookie: { type: 'apiKey', in: 'cookie', name: TOKEN_COOKIE },
          tokenQuery: { type: 'apiKey', in: 'query', name: 'token' },
        },
      },
      // Any one of them; the health check overrides this with none (`security: []`).
      security: [{ bearerToken: [] }, { tokenCookie: [] }, { tokenQuery: [] }],
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PREFIX,
    // validatorUrl is left unset: the UI then calls no public validator (the app is offline).
    theme: { title: 'VariantDesk API' },
    uiHooks: {
      // The UI finds its document at `<page URL>/json`, which a query string breaks: the page
      // opened with `?token=` (whose cookie is set by then) is sent to its bare address.
      onRequest: async (request, reply) => {
        const [path, query] = request.url.split('?', 2);
        const isPage = path === DOCS_PREFIX || path === `${DOCS_PREFIX}/`;
        if (isPage && query !== undefined) await reply.redirect(path);
      },
    },
    uiConfig: { deepLinking: true, docExpansion: 'list', tryItOutEnabled: false },
  });
}

/**
 * For a scope whose route schemas document only: each handler parses its input with zod
 * (messages name the field and record), and answers are serialised as they are.
 */
export function documentOnlySchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}
