/** Offers a file at `href` (a blob: or data: URL) as a download; the user picks where it goes. */
export function downloadUrl(fileName: string, href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
}

/** Offers text the renderer already holds as a file download (with a BOM, so Excel reads UTF-8). */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  downloadUrl(fileName, url);
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
