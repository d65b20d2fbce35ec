/**
 * The contract over HTTP: `POST /api/rpc/<operation>`, and `POST /api/uploads` to stage a
 * file for an import. The file references of `importFiles`, `importModel` and `addPathogen` are resolved
 * by `FileAccess` (uploads and `--allow-path` folders only) before the core sees them, and
 * the uploads an import read are deleted once it has ended.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { operationNames, type OperationName, type OperationResults } from '../shared/contract';
import { InvalidInputError } from '../core/errors';
import { parseInput, type VariantDeskCore } from '../core/variantdesk-core';
import type { FileAccess } from './file-access';
import { UploadStore, type StagedUpload } from './uploads';

const MAX_NAME_LENGTH = 200;

/** The file name of an upload, from its percent-encoded `x-file-name` header. */
export function uploadName(header: string | string[] | undefined): string {
  if (header === undefined) return 'upload';
  const raw = Array.isArray(header) ? header.join(',') : header;
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new InvalidInputError(
      `the x-file-name header '${raw.slice(0, MAX_NAME_LENGTH)}' is not a percent-encoded file name (encodeURIComponent of the name)`,
    );
  }
  // The name is only shown (files are stored under their upload id), but it stays one line.
  return name.replace(/[\p{Cc}/\\]/gu, '_').slice(0, MAX_NAME_LENGTH) || 'upload';
}

function isReadable(body: unknown): body is Readable {
  return typeof (body as Readable | null)?.pipe === 'function';
}

function declaredLength(header: string | undefined): number | undefined {
  const length = Number(header);
  return header !== undefined && Number.isSafeInteger(length) ? length : undefined;
}

export function registerRpcRoutes(
  app: FastifyInstance,
  core: VariantDeskCore,
  uploads: UploadStore,
  files: FileAccess,
): void {
  /** Deletes the uploads once the job that reads them has ended, however it ended. */
  function removeAfter(jobId: string, staged: StagedUpload[]): void {
    if (staged.length === 0) return;
    void core
      .waitForJob(jobId)
      .catch(() => undefined)
      .then(() => uploads.remove(staged));
  }

  async function importFiles(body: unknown): Promise<OperationResults['importFiles']> {
    const input = parseInput('importFiles', body);
    const refs = [...input.files, ...(input.metadata ? [input.metadata] : [])];
    const resolved = await files.resolveAll(refs);
    const staged = resolved.flatMap(({ upload }) => (upload ? [upload] : []));
    const paths = resolved.map(({ file }) => file);
    const metadata = input.metadata ? paths.pop() : undefined;
    try {
      const result = await core.call('importFiles', { ...input, files: paths, metadata });
      removeAfter(result.jobId, staged);
      return result;
    } catch (error) {
      await uploads.remove(staged);
      throw error;
    }
  }

  async function importModel(body: unknown): Promise<OperationResults['importModel']> {
    const input = parseInput('importModel', body);
    const [resolved] = await files.resolveAll([input.file]);
    try {
      return await core.call('importModel', { file: resolved!.file });
    } finally {
      // The registry keeps its own copy of the bundle.
      if (resolved!.upload) await uploads.remove([resolved!.upload]);
    }
  }

  async function addPathogen(body: unknown): Promise<OperationResults['addPathogen']> {
    const input = parseInput('addPathogen', body);
    const roles = (['reference', 'annotation', 'tree', 'labeled'] as const).filter(
      (role) => input[role] !== undefined,
    );
    const resolved = await files.resolveAll(roles.map((role) => input[role]!));
    const refs = Object.fromEntries(roles.map((role, i) => [role, resolved[i]!.file]));
    try {
      return await core.call('addPathogen', { ...input, ...refs });
    } finally {
      // The pathogen folder holds its own copies.
      await uploads.remove(resolved.flatMap(({ upload }) => (upload ? [upload] : [])));
    }
  }

  app.post<{ Params: { operation: string } }>('/api/rpc/:operation', async (request) => {
    const name = request.params.operation as OperationName;
    if (!operationNames.includes(name)) {
      const error = new Error(`unknown operation '${request.params.operation}'`);
      (error as { statusCode?: number }).statusCode = 404;
      throw error;
    }
    if (name === 'importFiles') return importFiles(request.body);
    if (name === 'importModel') return importModel(request.body);
    if (name === 'addPathogen') return addPathogen(request.body);
    return core.call(name, request.body ?? {});
  });

  app.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
    done(null, payload),
  );
  // The limit is the store's (--max-upload-bytes): the body is streamed to disk, not parsed.
  app.post('/api/uploads', { bodyLimit: Number.MAX_SAFE_INTEGER }, async (request) => {
    const name = uploadName(request.headers['x-file-name']);
    if (!isReadable(request.body))
      throw new InvalidInputError(
        `POST /api/uploads takes the file's bytes as the body, with content-type application/octet-stream`,
      );
    const length = declaredLength(request.headers['content-length']);
    return UploadStore.refOf(await uploads.save(request.body, name, length));
  });
}
