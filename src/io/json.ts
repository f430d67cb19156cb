/**
 * Reading untrusted JSON under limits: size, nesting depth, and syntax errors reported in
 * Vietnamese with line and column (a linear pre-scan; JSON.parse runs only on text that passed it).
 */
import { inputReason } from '../i18n/inputReasons';
import { InputError, reason, toInputError, type ReasonArgs, type ReasonKey } from './errors';
import { JsonLimits, resolveJsonLimits } from './limits';

export interface JsonSyntaxProblem {
  /** 1-based line and column (column counted in UTF-16 code units). */
  line: number;
  column: number;
  /** what is wrong (a key of src/i18n/reasons/files.ts) */
  reason: ReasonKey;
  /** the same in Vietnamese */
  message: string;
}

/** `JSON không hợp lệ ở dòng 3, cột 5: thiếu dấu phẩy …` as a reason (said in either language). */
export function jsonProblemReason(p: JsonSyntaxProblem): ReasonKey {
  return reason('json.syntax', { line: String(p.line), column: String(p.column), problem: p.reason });
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeChar(text: string, i: number): ReasonKey {
  if (i >= text.length) return reason('json.atEnd');
  const ch = text[i];
  if (ch === '\n' || ch === '\r') return reason('json.atLineBreak');
  return reason('json.atChar', { char: ch ?? '' });
}

/** What the grammar expects next. */
type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';

/** One pass over a JSON text: a position, the open containers and what may come next. */
class JsonScanner {
  private i = 0;
  /** open containers: 0x5b '[' or 0x7b '{' */
  private readonly stack: number[] = [];
  private expect: Expect = 'value';

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  /** The first problem, or undefined when the text is one JSON value. Linear time, no recursion. */
  run(): JsonSyntaxProblem | undefined {
    const { text } = this;
    if (text.charCodeAt(0) === 0xfeff) this.i = 1;
    for (;;) {
      this.skipSpace();
      if (this.i >= text.length) return this.atEnd();
      const c = text.charCodeAt(this.i);
      let problem: JsonSyntaxProblem | undefined;
      switch (this.expect) {
        case 'end':
          return this.fail(this.i, 'json.trailing', { found: describeChar(text, this.i) });
        case 'colon':
          if (c !== 0x3a) return this.fail(this.i, 'json.colon', { found: describeChar(text, this.i) });
          this.i++;
          this.expect = 'value';
          continue;
        case 'commaOrClose':
          problem = this.commaOrClose(c);
          break;
        case 'key':
        case 'keyOrClose':
          problem = this.key(c);
          break;
        case 'value':
        case 'valueOrClose':
          problem = this.value(c);
          break;
      }
      if (problem) return problem;
    }
  }

  private fail(at: number, ...why: ReasonArgs): JsonSyntaxProblem {
    const r = reason(...why);
    return { ...lineCol(this.text, at), reason: r, message: inputReason('vi', r) };
  }

  private skipSpace(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  private atEnd(): JsonSyntaxProblem | undefined {
    if (this.expect === 'end') return undefined;
    const top = this.stack[this.stack.length - 1];
    if (top !== undefined) {
      const open = top === 0x5b ? '“]”' : '“}”';
      return this.fail(this.i, 'json.unclosed', { close: open });
    }
    return this.fail(this.i, 'json.noData');
  }

  private afterValue(): void {
    this.expect = this.stack.length === 0 ? 'end' : 'commaOrClose';
  }

  /** The closing bracket at the position ends the innermost container. */
  private close(): void {
    this.i++;
    this.stack.pop();
    this.afterValue();
  }

  private commaOrClose(c: number): JsonSyntaxProblem | undefined {
    const top = this.stack[this.stack.length - 1];
    if (c === 0x2c) {
      this.i++;
      this.expect = top === 0x7b ? 'key' : 'value';
      return undefined;
    }
    if ((top === 0x5b && c === 0x5d) || (top === 0x7b && c === 0x7d)) {
      this.close();
      return undefined;
    }
    const close = top === 0x5b ? '“]”' : '“}”';
    return this.fail(this.i, 'json.commaOrClose', { close, found: describeChar(this.text, this.i) });
  }

  private key(c: number): JsonSyntaxProblem | undefined {
    if (c === 0x7d && this.expect === 'keyOrClose') {
      this.close();
      return undefined;
    }
    if (c !== 0x22) {
      return c === 0x7d
        ? this.fail(this.i, 'json.commaBeforeBrace')
        : this.fail(this.i, 'json.keyQuotes', { found: describeChar(this.text, this.i) });
    }
    const err = this.scanString();
    if (!err) this.expect = 'colon';
    return err;
  }

  private value(c: number): JsonSyntaxProblem | undefined {
    const { text } = this;
    if (c === 0x5d && this.expect === 'valueOrClose') {
      this.close();
      return undefined;
    }
    if (c === 0x5b || c === 0x7b) {
      if (this.stack.length >= this.maxDepth)
        return this.fail(this.i, 'json.tooDeep', { max: String(this.maxDepth) });
      this.stack.push(c);
      this.i++;
      this.expect = c === 0x5b ? 'valueOrClose' : 'keyOrClose';
      return undefined;
    }
    const word =
      text.startsWith('true', this.i) || text.startsWith('null', this.i)
        ? 4
        : text.startsWith('false', this.i)
          ? 5
          : 0;
    if (word) {
      this.i += word;
      this.afterValue();
      return undefined;
    }
    const isString = c === 0x22;
    if (isString || c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const err = isString ? this.scanString() : this.scanNumber();
      if (!err) this.afterValue();
      return err;
    }
    if (c === 0x5d) return this.fail(this.i, 'json.commaBeforeBracket');
    if (c === 0x27) return this.fail(this.i, 'json.singleQuote');
    return this.fail(this.i, 'json.valueExpected', { found: describeChar(text, this.i) });
  }

  /** A string starting at the quote. */
  private scanString(): JsonSyntaxProblem | undefined {
    const { text } = this;
    const start = this.i;
    this.i++;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 0x22) {
        this.i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(this.i + 2, this.i + 6)))
            return this.fail(this.i, 'json.badUnicode');
          this.i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          this.i += 2;
        } else {
          return this.fail(this.i, 'json.badEscape');
        }
        continue;
      }
      if (c < 0x20) return this.fail(this.i, 'json.lineInString');
      this.i++;
    }
    return this.fail(start, 'json.unclosedString');
  }

  private scanNumber(): JsonSyntaxProblem | undefined {
    const { text } = this;
    const digit = (): boolean => /[0-9]/.test(text[this.i] ?? '');
    const start = this.i;
    if (text[this.i] === '-') this.i++;
    if (text[this.i] === '0') this.i++;
    else if (/[1-9]/.test(text[this.i] ?? '')) while (digit()) this.i++;
    else return this.fail(start, 'json.badNumber');
    if (text[this.i] === '.') {
      this.i++;
      if (!digit()) return this.fail(this.i, 'json.badFraction');
      while (digit()) this.i++;
    }
    if (text[this.i] === 'e' || text[this.i] === 'E') {
      this.i++;
      if (text[this.i] === '+' || text[this.i] === '-') this.i++;
      if (!digit()) return this.fail(this.i, 'json.badExponent');
      while (digit()) this.i++;
    }
    return undefined;
  }
}

/**
 * Check that `text` is one JSON value nested at most `maxDepth` deep. Returns the first problem
 * or undefined. Linear time, no recursion.
 */
export function checkJson(text: string, maxDepth: number): JsonSyntaxProblem | undefined {
  return new JsonScanner(text, maxDepth).run();
}

/** Parse untrusted JSON text; throws InputError (naming `file`) with line/column on bad syntax. */
export function parseJsonText(text: string, file: string, limits?: Partial<JsonLimits>): unknown {
  const lim = resolveJsonLimits(limits);
  if (text.length > lim.maxBytes) {
    throw new InputError(file, 'file.tooBigMax', { max: { bytes: lim.maxBytes } });
  }
  const problem = checkJson(text, lim.maxDepth);
  if (problem) throw new InputError(file, jsonProblemReason(problem));
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw toInputError(e, file);
  }
}
