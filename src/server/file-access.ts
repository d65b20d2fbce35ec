/**
 * Which files an HTTP client may have the core read. A file reference over HTTP is an
 * upload id (`upload:<uuid>`, see uploads.ts) or an absolute path whose real location
 * (symlinks resolved) is inside a folder the person who started the server named
 * (`serve --allow-path`). Anything else, existing or not, gets the same refusal, so the API
 * tells nobody which server files exist. The desktop app and the CLI read local paths and
 * never come here.
 */
import { realpathSync, statSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative } from 'node:path';
import type { FileRef } from '../shared/schemas';
import { InvalidInputError, NotFoundError } from '../core/errors';
import { UPLOAD_ID_PREFIX, type StagedUpload, type UploadStore } from './uploads';

/** A reference the core may read: its real path, and the upload it came from if any. */
export interface ResolvedFile {
  file: FileRef;
  upload?: StagedUpload;
}

export class FileNotAvailableError extends NotFoundError {
  constructor(path: string) {
    super(
      `file '${path}' is not available to this server: upload it (POST /api/uploads), or start the server with --allow-path naming a folder that holds it`,
    );
  }
}

/** True when `child` is `root` or below it (both real paths). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The real paths of the import roots.
 * @throws InvalidInputError naming a root that is not an existing folder
 */
export function resolveAllowedRoots(paths: readonly string[]): string[] {
  return paths.map((path) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      throw new InvalidInputError(`--allow-path ${path}: no such folder`);
    }
    if (!statSync(real).isDirectory())
      throw new InvalidInputError(`--allow-path ${path}: not a folder`);
    return real;
  });
}

export class FileAccess {
  constructor(
    private readonly uploads: UploadStore,
    /** Real paths, from `resolveAllowedRoots`. */
    private readonly roots: readonly string[],
  ) {}

  /** @throws FileNotAvailableError */
  async resolve(ref: FileRef): Promise<ResolvedFile> {
    if (ref.path.startsWith(UPLOAD_ID_PREFIX)) {
      const upload = this.uploads.find(ref.path);
      if (!upload) throw new FileNotAvailableError(ref.path);
      return { file: { path: upload.path, name: ref.name ?? upload.name }, upload };
    }
    const real = await this.allowedRealPath(ref.path);
    if (!real) throw new FileNotAvailableError(ref.path);
    // The core reads the resolved path, so a symlink swapped in after this check is not followed.
    return { file: { path: real, name: ref.name ?? basename(ref.path) } };
  }

  private async allowedRealPath(path: string): Promise<string | null> {
    if (!isAbsolute(path) || this.roots.length === 0) return null;
    try {
      const real = await realpath(path);
      if (!this.roots.some((root) => isInside(root, real))) return null;
      return (await stat(real)).isFile() ? real : null;
    } catch {
      return null;
    }
  }

  /**
   * Resolves every reference, then claims the uploads among them, so a refused request
   * spends none of its uploads.
   * @throws FileNotAvailableError for the first reference that is not available
   */
  async resolveAll(refs: readonly FileRef[]): Promise<ResolvedFile[]> {
    const resolved: ResolvedFile[] = [];
    for (const ref of refs) resolved.push(await this.resolve(ref));
    // Another request may have claimed an upload while this one resolved its paths.
    const spent = resolved.find(({ upload }) => upload && !this.uploads.find(upload.id));
    if (spent) throw new FileNotAvailableError(spent.upload!.id);
    for (const { upload } of resolved) if (upload) this.uploads.take(upload.id);
    return resolved;
  }
}
