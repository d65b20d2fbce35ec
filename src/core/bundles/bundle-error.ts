/** Why a bundle was refused; every refusal names the bundle and, when there is one, the entry. */

/** What is wrong with a bundle, as a stable code for fronts and tests. */
export type BundleErrorReason =
  | 'unreadable'
  | 'not-a-zip'
  | 'corrupt-entry'
  | 'unsupported-compression'
  | 'too-large'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'missing-manifest'
  | 'invalid-manifest'
  | 'unsupported-format-version'
  | 'missing-file'
  | 'unlisted-file'
  | 'size-mismatch'
  | 'checksum-mismatch';

export class BundleError extends Error {
  override readonly name = 'BundleError';

  /**
   * @param bundle the bundle's path or display name
   * @param entry the entry at fault, if any (a zip entry or a manifest field)
   */
  constructor(
    readonly reason: BundleErrorReason,
    readonly bundle: string,
    detail: string,
    readonly entry?: string,
    options?: ErrorOptions,
  ) {
    super(`${bundle}${entry === undefined ? '' : `: ${entry}`}: ${detail}`, options);
  }
}
