/**
 * The contract over HTTP: `POST /api/rpc/<operation>`, job events as server-sent events at
 * `GET /api/events`, uploads at `POST /api/uploads`, the pipeline endpoint `POST /cluster`,
 * the documented classification API (`/classify`, `/predict`, `/info`, `/metrics`, ... with
 * its OpenAPI document at `/docs`), and the built renderer (browser mode). Every request
 * passes the Host, Origin and token checks of request-guard.ts first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { errorKind, serializeError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { registerClassifyRoutes } from './classify-routes';
import { registerClusterRoute } from './cluster-route';
import { FileAccess, resolveAllowedRoots } from './file-access';
import { registerMetrics } from './metrics';
import { registerOpenApi } from './openapi';
import { registerRequestGuards } from './request-guard';
import { bodyTooLargeMessage, DEFAULT_MAX_UPLOAD_BYTES } from './request-limits';
import { registerRpcRoutes } from './rpc-routes';
import { registerServiceRoutes, toolVersion } from './service-routes';
import { streamJobEvents } from './sse';
import { UploadStore } from './uploads';

export interface ServerOptions {
  core: VariantDeskCore;
  /** Folder of the built renderer (`out/web`); omitted, only the API is served. */
  webRoot?: string;
  /**
   * Every request but `/health` and `/api/health` must carry it (`Authorization: Bearer`,
   * the cookie, or `?token=`), on loopback too.
   */
  token: string;
  /** Folders whose files an HTTP client may import by path (`serve --allow-path`). */
  allowPaths?: readonly string[];
  /** Host names the server answers to besides its bound address and the loopback names. */
  allowedHosts?: readonly string[];
  /** The largest upload, in bytes (default 4 GB). */
  maxUploadBytes?: number;
  logger?: boolean;
}

const statusOf = { 'invalid-input': 400, 'not-found': 404, conflict: 409, internal: 500 } as const;

function checkOptions(options: ServerOptions): void {
  if (!options.token)
    throw new Error('the server needs an access token (serve generates one per launch)');
  const max = options.maxUploadBytes;
  if (max !== undefined && !(Number.isSafeInteger(max) && max > 0))
    throw new Error(`maxUploadBytes must be a positive whole number of bytes, not ${max}`);
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  checkOptions(options);
  const { core, webRoot, token } = options;
  const roots = resolveAllowedRoots(options.allowPaths ?? []);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024 });
  const uploads = new UploadStore(
    join(core.dataDir, 'uploads'),
    options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  );
  await uploads.clear();

  registerRequestGuards(app, { token, allowedHosts: options.allowedHosts });

  app.setErrorHandler(async (error, request, reply) => {
    const tooLarge = bodyTooLargeMessage(error, request);
    if (tooLarge) return reply.code(413).send({ kind: 'invalid-input', message: tooLarge });
    const kind = errorKind(error);
    const status = kind === 'internal' && (error as { statusCode?: number }).statusCode;
    if (status && status < 500) {
      return reply.code(status).send({ kind: 'invalid-input', message: (error as Error).message });
    }
    return reply.code(statusOf[kind]).send(serializeError(error));
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  // The document lists the routes declared after it.
  const version = toolVersion();
  await registerOpenApi(app, version);
  const metrics = registerMetrics(app);
  await app.register(async (scope) => registerServiceRoutes(scope, core, version));
  await app.register(async (scope) => registerClassifyRoutes(scope, core, metrics));

  app.get('/api/health', async () => ({ status: 'ok' }));
  registerRpcRoutes(app, core, uploads, new FileAccess(uploads, roots));
  app.get('/api/events', async (request, reply) =>
    streamJobEvents(request, reply, (l) => core.onJobEvent(l)),
  );
  registerClusterRoute(app, core, uploads);

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, index: 'index.html' });
  }
  return app;
}
