import { isLocalDate } from '../../shared/dates';
import { LuukkuError } from '../../shared/errors';
import { fileWitness, type HeadWitness } from '../store/auditWitness';

export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string>;
}

/** `--name value` options and positionals; each command declares the options it knows. */
export function parseArgs(argv: string[], known: { values: string[]; flags?: string[] }): ParsedArgs {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (known.flags?.includes(name)) {
      options.set(name, 'true');
    } else if (known.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new LuukkuError('INVALID_INPUT', `--${name} needs a value.`);
      options.set(name, value);
    } else {
      throw new LuukkuError('INVALID_INPUT', `Unknown option --${name}.`);
    }
  }
  return { positionals, options };
}

export function required(args: ParsedArgs, name: string): string {
  const value = args.options.get(name);
  if (!value) throw new LuukkuError('INVALID_INPUT', `--${name} is required.`);
  return value;
}

/** A `--name YYYY-MM-DD` option: a real calendar date or a clear error. */
export function dateOption(args: ParsedArgs, name: string, options: { required: true }): string;
export function dateOption(args: ParsedArgs, name: string): string | undefined;
export function dateOption(args: ParsedArgs, name: string, options?: { required: true }): string | undefined {
  const value = options?.required ? required(args, name) : args.options.get(name);
  if (value !== undefined && !isLocalDate(value))
    throw new LuukkuError('INVALID_INPUT', `--${name} must be a calendar date YYYY-MM-DD (got ${value}).`);
  return value;
}

export function integerOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = args.options.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new LuukkuError('INVALID_INPUT', `--${name} must be a whole number from ${min} to ${max} (got ${raw}).`);
  }
  return n;
}

/** The recovery passphrase comes from the environment, never argv (visible in the process list). */
export function passphraseFromEnv(): string {
  const value = process.env.LUUKKU_PASSPHRASE;
  if (!value)
    throw new LuukkuError(
      'INVALID_INPUT',
      'Set the recovery passphrase in the environment variable LUUKKU_PASSPHRASE.',
    );
  return value;
}

/**
 * The audit log's last-seen head outside the store folder (store/auditWitness.ts), for the CLI: a file the
 * admin names with `--witness FILE` (verify) or `LUUKKU_WITNESS` (every command that opens a store), kept
 * where the store's own files are not. Each command that opens the store checks it and moves it on.
 */
export function witnessOption(args?: ParsedArgs): HeadWitness | undefined {
  const path = args?.options.get('witness') ?? process.env.LUUKKU_WITNESS;
  return path ? fileWitness(path) : undefined;
}
