/**
 * Command-line parsing without dependencies. Each command declares its options; anything else is a
 * usage error (exit 2) with a message in the user's language.
 */

export interface OptionSpec {
  /** long name without dashes, e.g. `out` */
  name: string;
  /** takes a value (`--out FILE` or `--out=FILE`); otherwise a switch */
  value: boolean;
  /** one-letter alias, e.g. `h` */
  short?: string;
}

export interface Parsed {
  positionals: string[];
  /** option name → value (`true` for switches); the last occurrence wins */
  options: Map<string, string | true>;
}

/** A usage problem: bad option, missing argument. The message is ready to print. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParseMessages {
  unknownOption(opt: string): string;
  missingValue(opt: string): string;
  noValueExpected(opt: string): string;
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], msg: ParseMessages): Parsed {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  let i = 0;
  for (let arg = argv[i++]; arg !== undefined; arg = argv[i++]) {
    if (arg === '--') {
      positionals.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) throw new UsageError(msg.unknownOption(`--${name}`));
      if (spec.value) {
        let v: string | undefined;
        if (eq >= 0) v = arg.slice(eq + 1);
        else if (i < argv.length) v = argv[i++];
        if (v === undefined || v === '') throw new UsageError(msg.missingValue(`--${name}`));
        options.set(spec.name, v);
      } else {
        if (eq >= 0) throw new UsageError(msg.noValueExpected(`--${name}`));
        options.set(spec.name, true);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length === 2 && arg !== '-') {
      const spec = byShort.get(arg.slice(1));
      if (!spec) throw new UsageError(msg.unknownOption(arg));
      if (spec.value) {
        const v = argv[i++];
        if (v === undefined || v === '') throw new UsageError(msg.missingValue(arg));
        options.set(spec.name, v);
      } else options.set(spec.name, true);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-' && !/^-\d/.test(arg)) throw new UsageError(msg.unknownOption(arg));
    positionals.push(arg);
  }
  return { positionals, options };
}

export function optString(p: Parsed, name: string): string | undefined {
  const v = p.options.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function optFlag(p: Parsed, name: string): boolean {
  return p.options.get(name) === true;
}
