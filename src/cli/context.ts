/** What every command gets: the language, its messages and the two output streams. */
import type { Lang, Messages } from '../i18n/cli';

export interface Ctx {
  lang: Lang;
  m: Messages;
  /** writes to stdout (adds nothing; callers add newlines) */
  out: (text: string) => void;
  /** writes to stderr */
  err: (text: string) => void;
  /** the local date today as an Excel serial (the CLI's only clock) */
  today: () => number;
}

/** Stops a command with a message on stderr and an exit code (2 = input or usage problem). */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'CliFailure';
  }
}

export const EXIT_OK = 0;
export const EXIT_NOT_MET = 1;
export const EXIT_INPUT = 2;
