/**
 * `tieuchi` — the command-line face of the criteria engine. Bundled to dist/cli.js by
 * scripts/build-cli.mjs; bin/tieuchi.js calls `cliMain`.
 *
 * Exit codes: 0 verdict pass/on_track (or command done), 1 verdict fail/incomplete (or invalid
 * pack file), 2 unreadable input, usage error or any unexpected error — always one clear line on
 * stderr, never a stack trace (set TIEUCHI_DEBUG=1 to see one).
 */
import { setFlagsFromString } from 'node:v8';
import pkg from '../../package.json';
import { serialFromJsDate } from '../engine/dates';
import { InputError, reasonOf } from '../io/errors';
import { parseArgs, UsageError, type OptionSpec, type Parsed } from './args';
import { CONSOLIDATE_OPTIONS } from './consolidateHelp';
import { CliFailure, EXIT_INPUT, EXIT_OK, type Ctx } from './context';
import { DOSSIER_OPTIONS } from './dossierHelp';
import { messages, type Lang, type Messages } from '../i18n/cli';
import { terminalSafe } from './text';

type CommandName =
  'packs' | 'plans' | 'template' | 'check' | 'pack' | 'plan' | 'demo' | 'consolidate' | 'dossier';

const HELP: OptionSpec = { name: 'help', short: 'h', value: false };

/** Each command's module is loaded only when it runs (start-up parses only what is used). */
const COMMANDS: Record<
  CommandName,
  { options: OptionSpec[]; run(args: Parsed, ctx: Ctx): number | Promise<number> }
> = {
  packs: {
    options: [HELP, { name: 'json', value: false }],
    run: async (a, c) => (await import('./packs')).runPacks(a, c),
  },
  plans: {
    options: [HELP, { name: 'json', value: false }],
    run: async (a, c) => (await import('./plans')).runPlans(a, c),
  },
  plan: { options: [HELP], run: async (a, c) => (await import('./plans')).runPlanCommand(a, c) },
  template: {
    options: [
      HELP,
      { name: 'pack', value: true, short: 'p' },
      { name: 'out', value: true, short: 'o' },
      { name: 'unit', value: true },
      { name: 'year', value: true },
      { name: 'prior', value: true },
      { name: 'plan', value: true },
      { name: 'force', value: false, short: 'f' },
    ],
    run: async (a, c) => (await import('./template')).runTemplate(a, c),
  },
  check: {
    options: [
      HELP,
      { name: 'json', value: false },
      { name: 'explain', value: false },
      { name: 'as-of', value: true },
      { name: 'out', value: true, short: 'o' },
      { name: 'pack', value: true, short: 'p' },
      { name: 'plan', value: true },
      { name: 'force', value: false, short: 'f' },
    ],
    run: async (a, c) => (await import('./check')).runCheck(a, c),
  },
  pack: { options: [HELP], run: async (a, c) => (await import('./packValidate')).runPackCommand(a, c) },
  demo: {
    options: [HELP, { name: 'out', value: true, short: 'o' }],
    run: async (a, c) => (await import('./demo')).runDemo(a, c),
  },
  consolidate: {
    options: CONSOLIDATE_OPTIONS,
    run: async (a, c) => (await import('./consolidate')).runConsolidate(a, c),
  },
  dossier: { options: DOSSIER_OPTIONS, run: async (a, c) => (await import('./dossier')).runDossier(a, c) },
};

function isCommand(s: string): s is CommandName {
  return Object.prototype.hasOwnProperty.call(COMMANDS, s);
}

/** Takes `--lang xx` / `--lang=xx` out of argv (anywhere); TIEUCHI_LANG is the fallback. */
export function extractLang(
  argv: readonly string[],
  env: string | undefined,
): { lang: Lang; rest: string[]; bad?: string } {
  const rest: string[] = [];
  let chosen: string | undefined = env;
  let fromArgs = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--lang') {
      chosen = argv[++i] ?? '';
      fromArgs = true;
    } else if (a.startsWith('--lang=')) {
      chosen = a.slice('--lang='.length);
      fromArgs = true;
    } else rest.push(a);
  }
  const v = (chosen ?? 'vi').trim().toLowerCase();
  if (v === 'vi' || v === '' || v === 'vi-vn') return { lang: 'vi', rest };
  if (v === 'en' || v.startsWith('en-')) return { lang: 'en', rest };
  return fromArgs ? { lang: 'vi', rest, bad: chosen } : { lang: 'vi', rest };
}

export function makeCtx(lang: Lang): Ctx {
  return {
    lang,
    m: messages(lang),
    out: (t) => void process.stdout.write(t),
    // stderr carries only human-readable lines: never a terminal escape sequence from a file
    err: (t) => void process.stderr.write(terminalSafe(t)),
    today: () => serialFromJsDate(new Date()),
  };
}

/** Runs the CLI and resolves to the exit code; all expected failures are printed here. */
export async function run(argv: readonly string[], ctxIn?: Ctx): Promise<number> {
  const { lang, rest, bad } = extractLang(argv, process.env.TIEUCHI_LANG);
  const ctx = ctxIn ?? makeCtx(lang);
  const m = ctx.m;
  let command: CommandName | undefined;
  try {
    if (bad !== undefined) throw new UsageError(m.badLang(bad));
    const [first, ...args] = rest;
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      const topic = args[0];
      ctx.out((topic !== undefined && isCommand(topic) ? m.help[topic] : m.help.main) + '\n');
      return EXIT_OK;
    }
    if (first === '-V' || first === '--version' || first === 'version') {
      ctx.out(`tieuchi ${pkg.version}\n`);
      return EXIT_OK;
    }
    if (!isCommand(first)) throw new UsageError(m.unknownCommand(first));
    command = first;
    const spec = COMMANDS[command];
    const parsed = parseArgs(args, spec.options, m);
    if (parsed.options.get('help') === true) {
      ctx.out(m.help[command] + '\n');
      return EXIT_OK;
    }
    return await spec.run(parsed, ctx);
  } catch (e) {
    return report(e, ctx, m, command);
  }
}

function report(e: unknown, ctx: Ctx, m: Messages, command: CommandName | undefined): number {
  if (process.env.TIEUCHI_DEBUG && e instanceof Error && e.stack) ctx.err(e.stack + '\n');
  if (e instanceof UsageError) {
    ctx.err(`${e.message}\n${m.helpHint(command)}\n`);
    return EXIT_INPUT;
  }
  if (e instanceof CliFailure) {
    ctx.err(e.message + '\n');
    return e.exitCode;
  }
  if (e instanceof InputError) {
    ctx.err(e.line(ctx.lang) + '\n');
    return EXIT_INPUT;
  }
  ctx.err(m.unexpected(reasonOf(e, ctx.lang)) + '\n');
  return EXIT_INPUT;
}

/**
 * Commands that read one file or list a few things and exit within a fraction of a second: V8's
 * optimising compiler would only spend CPU on background threads compiling code that is about to
 * exit (measured on `check`: about a third of the process's CPU, see `npm run bench`). The commands
 * that read or write many things (consolidate, dossier, template, demo) keep it.
 */
const ONE_SHOT: ReadonlySet<string> = new Set(['check', 'packs', 'plans', 'plan', 'pack', 'help']);

/** Process entry: sets the exit code once output is flushed; a last-resort handler keeps it to one line. */
export function cliMain(argv: readonly string[]): void {
  const [first, ...rest] = extractLang(argv, undefined).rest;
  const writes = rest.some((a) => a === '-o' || a === '--out' || a.startsWith('--out='));
  if (first === undefined || first.startsWith('-') || (ONE_SHOT.has(first) && !writes))
    setFlagsFromString('--no-opt');
  const last = (e: unknown): void => {
    if (process.env.TIEUCHI_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    process.stderr.write(messages('vi').unexpected(reasonOf(e)) + '\n');
    process.exit(EXIT_INPUT);
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `tieuchi check … | head`: the reader went away; stop quietly.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else last(e);
  });
  run(argv).then((code) => {
    process.exitCode = code;
  }, last);
}

// Started directly (`node dist/cli.js …`); not when the bundle runs as a consolidation worker thread.
if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when run directly
  const { isMainThread } = require('node:worker_threads') as typeof import('node:worker_threads');
  if (isMainThread) cliMain(process.argv.slice(2));
}
