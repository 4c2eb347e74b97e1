import type { JobFileResult } from '../../../shared/contracts';

const HEADER = ['file', 'status', 'documentId', 'articleUrl', 'error'];

/** Spreadsheets run cells that start with these as formulas; a leading apostrophe keeps them text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The results table of a bulk job as RFC 4180 CSV (CRLF line ends, a BOM so spreadsheets read UTF-8).
 * `articleUrl` turns a documentId into a link to the article in the Content Manager.
 */
export function jobResultsToCsv(results: JobFileResult[], articleUrl: (documentId: string) => string): string {
  const rows = results.map((result) => [
    result.file,
    result.status,
    result.documentId,
    result.documentId ? articleUrl(result.documentId) : '',
    result.error,
  ]);
  return `\uFEFF${[HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
