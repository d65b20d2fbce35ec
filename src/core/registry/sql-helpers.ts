import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `column` contains `text` literally (no LIKE wildcards from the user's text). */
export function containsText(column: AnyColumn, text: string): SQL {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** `column` is one of `values`; one JSON parameter, so any number of values fits. */
export function inJsonList(column: AnyColumn, values: readonly string[]): SQL {
  return sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`;
}
