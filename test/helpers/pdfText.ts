/**
 * The text drawn in a PDF made by pdf-lib with a standard font: each content stream inflated, each
 * `<hex> Tj` decoded as Windows-1252. Enough to check what a letter says without a PDF library in tests.
 */
import { inflateSync } from 'node:zlib';

// Windows-1252 differs from Latin-1 in 0x80-0x9F (Node's small ICU has no windows-1252 decoder).
const CP1252: Record<number, string> = {
  0x80: '€',
  0x85: '…',
  0x8a: 'Š',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
  0x9a: 'š',
  0x9e: 'ž',
};
const decode = (bytes: Buffer) => [...bytes].map((b) => CP1252[b] ?? String.fromCharCode(b)).join('');

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      content = m[1]!;
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) lines.push(decode(Buffer.from(t[1]!, 'hex')));
  }
  return lines.join('\n');
}

export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';
