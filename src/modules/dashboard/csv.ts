// CSV for spreadsheets (RFC 4180): quotes where needed, CRLF rows, and no formulas: a text cell starting with
// = + - @ (or a tab or carriage return) gets a leading ' so Excel, LibreOffice and Sheets show it as text.
import { invalid } from '../../errors';

export type CsvCell = string | number | boolean | null | undefined;

/** An export holds at most this many rows; asked with one more, a bigger result is refused rather than cut. */
export const EXPORT_LIMIT = 10_000;

/** The rows of an export read with `limit + 1`: more than `limit` is a 400 that says to narrow it, never a silently cut file. */
export function exportRowsWithin<T>(rows: T[], what: string, limit = EXPORT_LIMIT): T[] {
  if (rows.length > limit) throw invalid(`More than ${limit.toLocaleString('en-US')} ${what} match: narrow the filters (a shorter date range, a view or a status) and export again.`);
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and the data rows; a byte-order mark so Excel reads it as UTF-8. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
