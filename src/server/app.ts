/**
 * The contract over HTTP: `POST /api/rpc/<operation>`, job events as server-sent events at
 * `GET /api/events`, uploads at `POST /api/uploads`, the pipeline endpoint `POST /cluster`,
 * the documented classification API (`/classify`, `/predict`, `/info`, `/metrics`, ... with
 * its OpenAPI document at `/docs`), and the built renderer (browser mode).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { operationNames, type OperationName } from '../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import type { ImportFilesInput } from '../shared/schemas';
import { errorKind, serializeError } from '../core/errors';
import type { VariantDeskCore } from '../core/variantdesk-core';
import { registerClassifyRoutes } from './classify-routes';
import { registerClusterRoute } from './cluster-route';
import { registerMetrics } from './metrics';
import { registerOpenApi } from './openapi';
import { bodyTooLargeMessage } from './request-limits';
import { registerServiceRoutes, toolVersion } from './service-routes';
import { streamJobEvents } from './sse';
import { UploadStore } from './uploads';

export interface ServerOptions {
  core: VariantDeskCore;
  /** Folder of the built renderer (`out/web`); omitted, only the API is served. */
  webRoot?: string;
  /** When set, every request must carry it (`Authorization: Bearer` or `?token=`). */
  token?: string;
  logger?: boolean;
}

const TOKEN_COOKIE = 'variantdesk_token';

/** Compares in constant time (of the digests), so the answer's timing tells nothing. */
function isToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

const statusOf = { 'invalid-input': 400, 'not-found': 404, conflict: 409, internal: 500 } as const;

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { core, webRoot, token } = options;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024 });
  const uploads = new UploadStore(join(core.dataDir, 'uploads'));
  await uploads.clear();

  // Staged uploads are deleted once the import that reads them has ended.
  const stagedByJob = new Map<string, string[]>();
  core.onJobEvent(({ job }) => {
    const staged = stagedByJob.get(job.id);
    if (staged && job.finishedAt) {
      stagedByJob.delete(job.id);
      void uploads.remove(staged);
    }
  });

  if (token) {
    // The page opened with `?token=` gets a cookie, so its own requests carry the token.
    app.addHook('onRequest', async (request, reply) => {
      const query = request.query as { token?: string };
      const cookies = request.headers.cookie?.split(/;\s*/) ?? [];
      const bearer = request.headers.authorization?.replace(/^Bearer /, '');
      const cookie = cookies
        .find((c) => c.startsWith(`${TOKEN_COOKIE}=`))
        ?.slice(TOKEN_COOKIE.length + 1);
      if (isToken(bearer, token) || isToken(cookie, token)) return;
      if (isToken(query.token, token)) {
        reply.header('set-cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);
        return;
      }
      await reply
        .code(401)
        .send({ kind: 'invalid-input', message: 'missing or wrong access token' });
    });
  }

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

  app.post<{ Params: { operation: string } }>('/api/rpc/:operation', async (request) => {
    const name = request.params.operation as OperationName;
    if (!operationNames.includes(name)) {
      const error = new Error(`unknown operation '${request.params.operation}'`);
      (error as { statusCode?: number }).statusCode = 404;
      throw error;
    }
    const result = await core.call(name, request.body ?? {});
    if (name === 'importFiles') {
      const input = request.body as ImportFilesInput;
      const staged = [...input.files, ...(input.metadata ? [input.metadata] : [])]
        .map((file) => file.path)
        .filter((path) => uploads.owns(path));
      if (staged.length) stagedByJob.set((result as { jobId: string }).jobId, staged);
    }
    return result;
  });

  app.get('/api/events', async (request, reply) =>
    streamJobEvents(request, reply, (l) => core.onJobEvent(l)),
  );

  app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
    done(null, payload),
  );
  app.post('/api/uploads', { bodyLimit: Number.MAX_SAFE_INTEGER }, async (request) => {
    const header = request.headers['x-file-name'];
    const name = decodeURIComponent(typeof header === 'string' ? header : 'upload');
    return uploads.save(request.body as Readable, name);
  });

  registerClusterRoute(app, core, uploads);

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, index: 'index.html' });
  }
  return app;
}
