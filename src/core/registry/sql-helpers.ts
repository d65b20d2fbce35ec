import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `column` contains `text` literally (no LIKE wildcards from the user's text). */
export function containsText(column: AnyColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}
