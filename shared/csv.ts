/**
 * RFC 4180 CSV: comma-separated, double-quoted fields may hold commas, quotes ("") and line breaks.
 * Each record carries the line it starts on, so errors can name it. A UTF-8 BOM is ignored.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  return [...csvRecords(text)];
}

/** The records one at a time, so that a reader can stop early (an import past its row cap) without parsing the rest. */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < input.length; i++) {
    if (records.length) yield* records.splice(0);
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = input[i + 1];
          if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
            throw new CsvSyntaxError(line, 'a closing quote must end the field');
          }
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (fieldStarted) throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
      quoted = true;
      quoteOpenedAt = line;
      fieldStarted = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteOpenedAt, 'a quoted field is never closed');
  if (field !== '' || fields.length) endRecord();
  yield* records;
}

/**
 * A text cell as no spreadsheet will run it (OWASP "CSV injection"). Excel and LibreOffice read text that
 * starts with = + - @ as a formula, and a text that starts with TAB or CR too. They may also split a cell
 * where we did not: Finnish-locale Excel splits on `;`, a paste splits on TAB and line breaks. So every
 * place where a spreadsheet could start a cell (the start, and after `;` `,` TAB CR LF, past any spaces)
 * that then begins a formula gets an apostrophe, which the spreadsheet shows as text. Numbers stay numbers.
 */
export function spreadsheetSafe(value: string | number | null | undefined): string | number | null | undefined {
  if (typeof value !== 'string') return value;
  const safe = value.replace(/(^|[;,\t\r\n])([ \u00a0]*)(?=[=+\-@])/g, "$1$2'");
  return /^[\t\r]/.test(safe) ? `'${safe}` : safe;
}

function toCsvField(value: string | number | null | undefined): string {
  const safe = spreadsheetSafe(value);
  const text = safe === null || safe === undefined ? '' : String(safe);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as RFC 4180 CSV, CRLF line ends, the header first: the one writer of every CSV file the app and
 * the CLI produce, so every text cell is spreadsheet-safe (spreadsheetSafe).
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((r) => r.map(toCsvField).join(',')).join('\r\n') + '\r\n';
}
