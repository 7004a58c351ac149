import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';

/**
 * A file written in full to a temporary file beside it, flushed, then renamed over the old one: a crash
 * never leaves it half written (a key file, an anchor, a witness), and only its owner may read it.
 */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
