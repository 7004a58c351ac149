/**
 * A letter or a report for a client as an A4 PDF (pdf-lib, standard Helvetica: no font files to ship). Lines starting with "# " are
 * headings, with "## " subheadings; paragraphs wrap at the margin and continue on new pages. Characters the standard font cannot
 * encode (outside Windows-1252, which covers Finnish, Swedish and most European names) become "?".
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;
const SIZE = 11;
const HEADING_SIZE = 13;
const LEADING = 1.45;

function encodable(font: PDFFont): (text: string) => string {
  const cache = new Map<string, boolean>();
  const ok = (ch: string) => {
    let known = cache.get(ch);
    if (known === undefined) {
      try {
        font.encodeText(ch);
        known = true;
      } catch {
        known = false;
      }
      cache.set(ch, known);
    }
    return known;
  };
  return (text) => [...text.replace(/\t/g, ' ')].map((ch) => (ok(ch) ? ch : '?')).join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

export async function documentPdf(input: {
  title: string;
  language: string;
  body: string;
  now: Date;
}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(input.title);
  doc.setLanguage({ sv: 'sv-FI', en: 'en' }[input.language] ?? 'fi-FI');
  doc.setCreator('Luukku');
  doc.setProducer('Luukku');
  doc.setCreationDate(input.now);
  doc.setModificationDate(input.now);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const clean = encodable(regular);
  const width = A4[0] - 2 * MARGIN;
  let page = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const newLineSpace = (size: number) => {
    y -= size * LEADING;
    if (y < MARGIN) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN - size * LEADING;
    }
  };
  for (const raw of input.body.split('\n')) {
    const heading = raw.startsWith('# ');
    const subheading = raw.startsWith('## ');
    const font = heading || subheading ? bold : regular;
    const size = heading ? HEADING_SIZE : SIZE;
    if (subheading) newLineSpace(SIZE * 0.4);
    const text = clean(heading ? raw.slice(2) : subheading ? raw.slice(3) : raw).trimEnd();
    if (!text) {
      newLineSpace(SIZE * 0.6);
      continue;
    }
    for (const line of wrap(text, font, size, width)) {
      newLineSpace(size);
      page.drawText(line, { x: MARGIN, y, size, font });
    }
  }
  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(`${i + 1} / ${pages.length}`, { x: A4[0] - MARGIN - 30, y: MARGIN / 2, size: 9, font: regular }),
  );
  return Buffer.from(await doc.save());
}
