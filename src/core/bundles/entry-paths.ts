/**
 * Names a bundle entry may have. Zip names are attacker-controlled: a name that could leave
 * the bundle's directory when extracted (zip slip) or mean different files on different
 * systems is refused, so only plain relative paths of portable characters are allowed.
 */

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MANIFEST_ENTRY = 'manifest.json';
export const MODEL_ENTRY = 'model.onnx';

/** Why `name` is not a safe entry path, or null when it is. */
export function unsafeEntryPathProblem(name: string): string | null {
  if (name.length === 0) return 'the entry name is empty';
  if (name.includes('\\')) return 'the entry name contains a backslash';
  if (/^[A-Za-z]:/.test(name)) return 'the entry name starts with a drive letter';
  if (name.startsWith('/')) return 'the entry name is an absolute path';
  if (name.endsWith('/')) return 'directory entries are not allowed';
  const segments = name.split('/');
  if (segments.some((segment) => segment === '..')) return "the entry name contains '..'";
  if (segments.some((segment) => segment === '' || segment === '.'))
    return "the entry name contains an empty or '.' segment";
  if (name.length > 255) return 'the entry name is longer than 255 characters';
  if (!segments.every((segment) => SEGMENT.test(segment)))
    return "each part of an entry name must be letters, digits, '.', '_' or '-', starting with a letter or digit";
  return null;
}
