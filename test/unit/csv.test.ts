/**
 * Every CSV the app or the CLI writes goes through toCsv (issue 16 item 9): no text cell may become a
 * formula in a spreadsheet, whichever separator the spreadsheet splits on (Finnish-locale Excel splits on
 * `;`, a paste on TAB and line breaks).
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../shared/csv';

/** The cells a spreadsheet would make of one written cell when it splits on any of `; , TAB CR LF`. */
function spreadsheetCells(written: string): string[] {
  const [record] = parseCsv(toCsv([[written]]));
  return record!.fields[0]!.split(/[;,\t\r\n]/);
}

const startsFormula = (cell: string) => /^[ \u00a0]*[=+\-@]/.test(cell) || /^[\t\r]/.test(cell);

describe('toCsv', () => {
  const attacks = [
    '=HYPERLINK("http://evil","x")',
    '+1+1',
    '-1+1',
    '@SUM(A1)',
    'Aino ;=1+1',
    'Aino;  +cmd|calc',
    'Aino\t=1+1',
    'Aino\r=1+1',
    'Aino\n@A1',
    'Aino,-2+3',
    '\t=1',
    '\r=1',
  ];
  for (const value of attacks) {
    it(`neutralises ${JSON.stringify(value)} in every cell a spreadsheet could make of it`, () => {
      const cells = spreadsheetCells(value);
      expect(cells.filter(startsFormula), JSON.stringify(cells)).toEqual([]);
      // The text is kept: only apostrophes were added.
      const [record] = parseCsv(toCsv([[value]]));
      expect(record!.fields[0]!.replace(/'/g, '')).toBe(value.replace(/'/g, ''));
    });
  }

  it('leaves ordinary text, dates and numbers as they are', () => {
    const csv = toCsv([['Aino Virtanen', '2026-12-22', 'Koulu - kuraattori', -5, 3.5, null]]);
    expect(parseCsv(csv)[0]!.fields).toEqual(['Aino Virtanen', '2026-12-22', 'Koulu - kuraattori', '-5', '3.5', '']);
  });
});
