// Substring search that means what was typed on SQLite and PostgreSQL: %, _ and \ are matched literally
// (escaped with \ and an explicit ESCAPE clause, which both dialects need for the same meaning).
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/** `%text%` with the LIKE wildcards of `text` escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** lower(expression) contains the lower-cased text, literally. */
export function containsText(expression: Expression<string | null>, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${expression}) like ${containsPattern(text.toLowerCase())} escape '\\'`;
}
