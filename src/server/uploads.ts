/**
 * Browser mode: dropped files are uploaded to the local server and imported from there.
 * A client names an upload only by the opaque id it was answered (`upload:<uuid>`); the
 * server keeps id -> path itself, so no client input ever becomes a path it writes or deletes.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileRef } from '../shared/schemas';
import { formatBytes, PayloadTooLargeError } from './request-limits';

export const UPLOAD_ID_PREFIX = 'upload:';

/** A file this server wrote from an upload. */
export interface StagedUpload {
  /** What the client holds (`upload:<uuid>`). */
  id: string;
  /** Where it is on disk, under the uploads folder; never sent to a client. */
  path: string;
  /** The client's file name, shown to the analyst. */
  name: string;
}

function tooLarge(name: string, maxBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `the upload '${name}' is larger than this server's limit of ${formatBytes(maxBytes)} (serve --max-upload-bytes)`,
  );
}

/** Passes bytes through until more than `maxBytes` have come. */
function byteLimit(maxBytes: number, name: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      seen += chunk.length;
      done(seen > maxBytes ? tooLarge(name, maxBytes) : null, chunk);
    },
  });
}

export class UploadStore {
  private readonly staged = new Map<string, StagedUpload>();

  constructor(
    private readonly dir: string,
    readonly maxBytes: number,
  ) {}

  /**
   * Writes the body to a new file of its own.
   * @param declaredBytes the request's content-length, refused at once when over the limit
   * @throws PayloadTooLargeError over the limit (nothing is kept)
   */
  async save(body: Readable, name: string, declaredBytes?: number): Promise<StagedUpload> {
    if (declaredBytes !== undefined && declaredBytes > this.maxBytes)
      throw tooLarge(name, this.maxBytes);
    await mkdir(this.dir, { recursive: true });
    const uuid = randomUUID();
    // The uuid alone names the file: the client's name never reaches the file system.
    const path = join(this.dir, uuid);
    // The body is piped, not part of the pipeline: an upload refused half-way is left to
    // node to discard, so the client still reads the 413 instead of a reset connection.
    const limit = byteLimit(this.maxBytes, name);
    body.once('error', (error) => limit.destroy(error));
    body.pipe(limit);
    try {
      await pipeline(limit, createWriteStream(path));
    } catch (error) {
      body.unpipe(limit);
      await rm(path, { force: true });
      throw error;
    }
    const upload = { id: `${UPLOAD_ID_PREFIX}${uuid}`, path, name };
    this.staged.set(upload.id, upload);
    return upload;
  }

  /** The reference a client gets: the id in place of the path. */
  static refOf(upload: StagedUpload): FileRef {
    return { path: upload.id, name: upload.name };
  }

  /** The upload with this id that no import has taken yet. */
  find(id: string): StagedUpload | undefined {
    return this.staged.get(id);
  }

  /** Claims an upload for one import: its id is spent, so no second import reads it. */
  take(id: string): StagedUpload | undefined {
    const upload = this.staged.get(id);
    this.staged.delete(id);
    return upload;
  }

  /** Deletes uploads this store wrote (their paths come from `save`, never from a client). */
  async remove(uploads: readonly StagedUpload[]): Promise<void> {
    for (const upload of uploads) this.staged.delete(upload.id);
    await Promise.all(uploads.map((upload) => rm(upload.path, { force: true })));
  }

  /** Uploads left by an earlier run that stopped before importing them. */
  async clear(): Promise<void> {
    this.staged.clear();
    await rm(this.dir, { recursive: true, force: true });
  }
}
