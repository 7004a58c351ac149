/** Offers a file at `href` (a blob: or data: URL) as a download; the user picks where it goes. */
export function downloadUrl(fileName: string, href: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.click();
}

/** Offers text the renderer already holds as a file download (with a BOM by default, so Excel reads UTF-8). */
export function downloadText(fileName: string, text: string, type: string, options = { bom: true }): void {
  downloadBlob(fileName, new Blob(options.bom ? ['\uFEFF', text] : [text], { type }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  downloadUrl(fileName, url);
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers a binary file the main process sent as base64 (a letter's PDF) as a download. */
export function downloadBase64(fileName: string, base64: string, type: string): void {
  downloadBlob(fileName, new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type }));
}
