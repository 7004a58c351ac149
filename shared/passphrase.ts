/**
 * Lengths the contract checks. How hard a secret is to guess is shared/strength.ts, kept apart so that
 * the contract (bundled into the sandboxed preload) does not carry the password dictionaries.
 */
export const MIN_PASSPHRASE_LENGTH = 12;
export const MIN_PASSWORD_LENGTH = 10;
