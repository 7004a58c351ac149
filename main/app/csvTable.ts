/**
 * An import file's header and rows (docs/formats.md: UTF-8, header row, RFC 4180): what every `import` reads
 * before it checks rows. A syntax error, a missing header, a missing required or a repeated column is the
 * whole file's one error, reported on its line.
 */
import { CsvSyntaxError, csvRecords, type CsvRecord } from '../../shared/csv';

export interface Rejected {
  line: number;
  error: string;
}

export interface CsvTable {
  /** Header names, trimmed and lower-cased. */
  columns: string[];
  rows: CsvRecord[];
}

/**
 * The most data rows one import reads. Every row is checked before anything is written (one transaction),
 * so the rows are held in memory; past the cap the file is refused before the rest of it is even parsed
 * (a 1,000,000-row file once took 1 GB). A county migrating more splits the file.
 */
export const MAX_IMPORT_ROWS = 100_000;

export function readCsvTable(
  text: string,
  required: readonly string[],
  maxRows = MAX_IMPORT_ROWS,
): CsvTable | { fileError: Rejected } {
  const records: CsvRecord[] = [];
  try {
    for (const record of csvRecords(text)) {
      if (records.length > maxRows)
        return {
          fileError: {
            line: record.line,
            error: `the file has more than ${maxRows} rows: split it into files of at most ${maxRows} rows`,
          },
        };
      records.push(record);
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { fileError: { line: error.line, error: `CSV: ${error.message}` } };
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { fileError: { line: 1, error: 'the file is empty: a header row is required' } };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length)
    return { fileError: { line: header.line, error: `missing required column(s): ${missing.join(', ')}` } };
  const repeated = columns.find((c, i) => columns.indexOf(c) !== i);
  if (repeated) return { fileError: { line: header.line, error: `column ${repeated} appears twice` } };
  return { columns, rows };
}

/** A row with more or fewer fields than the header has columns, or null. */
export function widthError(record: CsvRecord, columns: readonly string[]): string | null {
  return record.fields.length === columns.length
    ? null
    : `expected ${columns.length} fields, found ${record.fields.length}`;
}

/** A row's cell by column name, trimmed: '' for a column the file does not have (an optional one). */
export function cellsOf(record: CsvRecord, columns: readonly string[]): (column: string) => string {
  return (column) => (record.fields[columns.indexOf(column)] ?? '').trim();
}
