/**
 * Strength of the recovery passphrase, shown while it is typed and enforced in the main process.
 * A rough entropy estimate from length and character classes, penalising repeats and common words.
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export type PassphraseStrength = 0 | 1 | 2 | 3 | 4;

const COMMON = ['salasana', 'password', 'losenord', 'luukku', 'qwerty', '123456', 'abcdef', 'kissa', 'koira'];

export function passphraseStrength(passphrase: string): PassphraseStrength {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) return 0;
  let pool = 0;
  if (/[a-zåäö]/.test(passphrase)) pool += 29;
  if (/[A-ZÅÄÖ]/.test(passphrase)) pool += 29;
  if (/\d/.test(passphrase)) pool += 10;
  if (/[^A-Za-zÅÄÖåäö0-9]/.test(passphrase)) pool += 33;
  const distinct = new Set(passphrase).size;
  const effectiveLength = Math.min(passphrase.length, distinct * 2);
  let bits = effectiveLength * Math.log2(Math.max(pool, 2));
  const lower = passphrase.toLowerCase();
  if (COMMON.some((w) => lower.includes(w))) bits -= 20;
  if (bits < 50) return 1;
  if (bits < 70) return 2;
  if (bits < 90) return 3;
  return 4;
}

/** The main process refuses anything weaker than "fair". */
export const isAcceptablePassphrase = (passphrase: string): boolean => passphraseStrength(passphrase) >= 2;
