import { toCsv } from '../../../../shared/csv';
import { downloadText, downloadUrl } from '../../download';

/** The chart's SVG drawn on a white canvas at twice its size, offered as a PNG file. */
export async function downloadSvgAsPng(svg: SVGSVGElement, fileName: string): Promise<void> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const xml = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  downloadUrl(fileName, canvas.toDataURL('image/png'));
}

/** The table's figures as CSV; a label kept on one line on screen (no-break spaces) has plain spaces in the file. */
export function downloadTableCsv(fileName: string, columns: string[], rows: (string | number)[][]): void {
  const plain = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cell.replace(/\u00a0/g, ' ') : cell)));
  downloadText(fileName, toCsv([columns, ...plain]), 'text/csv;charset=utf-8');
}
