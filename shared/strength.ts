/**
 * How hard a secret is to guess, by zxcvbn (zxcvbn-ts): a pattern matcher that knows tens of thousands of
 * common and leaked passwords, names and words, keyboard walks, dates, repeats and l33t. Length and
 * character classes alone are no measure: "Password1234" has all four classes and is among the first
 * guesses of every cracker. Used while typing (the strength bar) and enforced in the main process.
 *
 * - The recovery passphrase protects the store key against an offline attack on a stolen key file
 *   (scrypt N=2^17 makes each guess costly, but an attacker has unlimited time): at least 10^12 guesses.
 * - A user password is guessed online, through a sign-in that pauses after five misses: at least 10^9.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { MIN_PASSPHRASE_LENGTH, MIN_PASSWORD_LENGTH } from './passphrase';

/** Words every Luukku secret is guessed with first: the product, the demo county and "password" in our languages. */
const LOCAL_WORDS = [
  'luukku',
  'salasana',
  'lösenord',
  'losenord',
  'tunnussana',
  'itä-uusimaa',
  'itauusimaa',
  'östra nyland',
  'porvoo',
  'borgå',
  'loviisa',
  'sipoo',
  'hyvinvointialue',
  'sosiaalityö',
  'lastensuojelu',
];

let estimator: ZxcvbnFactory | null = null;
const zxcvbn = () =>
  (estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, userInputs: LOCAL_WORDS },
    graphs: common.adjacencyGraphs,
  }));

export type Strength = 0 | 1 | 2 | 3 | 4;

export const PASSPHRASE_MIN_GUESSES_LOG10 = 12;
export const PASSWORD_MIN_GUESSES_LOG10 = 9;

/** log10 of the guesses zxcvbn expects an attacker to need; `related` are the account's own names. */
export function guessesLog10(secret: string, related: readonly string[] = []): number {
  // zxcvbn matches whole words: "Hilkka Vuorikivi" is also "hilkka" and "vuorikivi".
  const words = related.flatMap((r) => [r, ...r.split(/[\s._@-]+/)]).filter((w) => w.length >= 3);
  return zxcvbn().check(secret.slice(0, 256), [...new Set(words.map((w) => w.toLowerCase()))]).guessesLog10;
}

/** The strength bar: 0 too short, 1 weak, 2 not enough yet, 3 enough, 4 strong (against `minLog10`). */
function bands(secret: string, minLength: number, minLog10: number, related: readonly string[]): Strength {
  if (secret.length < minLength) return 0;
  const log10 = guessesLog10(secret, related);
  if (log10 < minLog10 - 4) return 1;
  if (log10 < minLog10) return 2;
  return log10 < minLog10 + 4 ? 3 : 4;
}

export const passphraseStrength = (passphrase: string): Strength =>
  bands(passphrase, MIN_PASSPHRASE_LENGTH, PASSPHRASE_MIN_GUESSES_LOG10, []);

export const passwordStrength = (password: string, related: readonly string[] = []): Strength =>
  bands(password, MIN_PASSWORD_LENGTH, PASSWORD_MIN_GUESSES_LOG10, related);

/** The main process refuses a recovery passphrase that is not at least "enough". */
export const isAcceptablePassphrase = (passphrase: string): boolean => passphraseStrength(passphrase) >= 3;

/** The main process refuses a user password that is not at least "enough" (names of the account count against it). */
export const isAcceptablePassword = (password: string, related: readonly string[] = []): boolean =>
  passwordStrength(password, related) >= 3;

/** The reason the main process gives for a password zxcvbn finds too easy (translated in the renderer). */
export const WEAK_PASSWORD_REASON = 'too easy to guess: use a longer phrase of unrelated words';
