/**
 * Reading untrusted JSON under limits: size, nesting depth, and syntax errors reported in
 * Vietnamese with line and column (a linear pre-scan; JSON.parse runs only on text that passed it).
 */
import { InputError, fmtBytes, toInputError } from './errors';
import { JsonLimits, resolveJsonLimits } from './limits';

export interface JsonSyntaxProblem {
  /** 1-based line and column (column counted in UTF-16 code units). */
  line: number;
  column: number;
  message: string;
}

/** `dòng 3, cột 5: thiếu dấu phẩy …` */
export function formatJsonProblem(p: JsonSyntaxProblem): string {
  return `JSON không hợp lệ ở dòng ${p.line}, cột ${p.column}: ${p.message}`;
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

function describeChar(text: string, i: number): string {
  if (i >= text.length) return 'hết tệp';
  const ch = text[i];
  if (ch === '\n' || ch === '\r') return 'xuống dòng';
  return `ký tự “${ch}”`;
}

/**
 * Check that `text` is one JSON value nested at most `maxDepth` deep. Returns the first problem
 * or undefined. Linear time, no recursion.
 */
export function checkJson(text: string, maxDepth: number): JsonSyntaxProblem | undefined {
  const len = text.length;
  let i = 0;
  // Stack of open containers: 0x5b '[' or 0x7b '{'.
  const stack: number[] = [];
  // What the grammar expects next.
  type Expect = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'commaOrClose' | 'end';
  let expect = 'value' as Expect;
  const fail = (at: number, message: string): JsonSyntaxProblem => ({ ...lineCol(text, at), message });

  const skipSpace = (): void => {
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };

  /** Scan a string starting at the quote; returns an error or undefined. */
  const scanString = (): JsonSyntaxProblem | undefined => {
    const start = i;
    i++;
    while (i < len) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
            return fail(i, 'mã \\u không hợp lệ trong chuỗi');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return fail(i, 'ký tự thoát (\\) không hợp lệ trong chuỗi');
        }
        continue;
      }
      if (c < 0x20) return fail(i, 'chuỗi chưa đóng dấu ngoặc kép trước khi xuống dòng');
      i++;
    }
    return fail(start, 'chuỗi chưa đóng dấu ngoặc kép');
  };

  const scanNumber = (): JsonSyntaxProblem | undefined => {
    const start = i;
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (text[i] !== undefined && text[i] >= '1' && text[i] <= '9')
      while (/[0-9]/.test(text[i] ?? '')) i++;
    else return fail(start, 'số không hợp lệ');
    if (text[i] === '.') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) return fail(i, 'số không hợp lệ (thiếu chữ số sau dấu chấm)');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!/[0-9]/.test(text[i] ?? '')) return fail(i, 'số mũ không hợp lệ');
      while (/[0-9]/.test(text[i] ?? '')) i++;
    }
    return undefined;
  };

  const afterValue = (): void => {
    expect = stack.length === 0 ? 'end' : 'commaOrClose';
  };

  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    skipSpace();
    if (i >= len) {
      if (expect === 'end') return undefined;
      if (stack.length > 0) {
        const open = stack[stack.length - 1] === 0x5b ? '“]”' : '“}”';
        return fail(i, `thiếu dấu đóng ${open} (tệp kết thúc giữa chừng)`);
      }
      return fail(i, 'tệp không có dữ liệu JSON');
    }
    const c = text.charCodeAt(i);
    switch (expect) {
      case 'end':
        return fail(i, `có nội dung thừa sau giá trị JSON (${describeChar(text, i)})`);
      case 'colon':
        if (c !== 0x3a)
          return fail(i, `thiếu dấu hai chấm “:” sau tên trường (gặp ${describeChar(text, i)})`);
        i++;
        expect = 'value';
        continue;
      case 'commaOrClose': {
        const top = stack[stack.length - 1];
        if (c === 0x2c) {
          i++;
          expect = top === 0x7b ? 'key' : 'value';
          continue;
        }
        if ((top === 0x5b && c === 0x5d) || (top === 0x7b && c === 0x7d)) {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        const close = top === 0x5b ? '“]”' : '“}”';
        return fail(i, `thiếu dấu phẩy “,” hoặc dấu đóng ${close} (gặp ${describeChar(text, i)})`);
      }
      case 'key':
      case 'keyOrClose':
        if (c === 0x7d && expect === 'keyOrClose') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c !== 0x22) {
          return fail(
            i,
            c === 0x7d
              ? 'dấu phẩy thừa trước “}”'
              : `tên trường phải nằm trong dấu ngoặc kép (gặp ${describeChar(text, i)})`,
          );
        }
        {
          const err = scanString();
          if (err) return err;
        }
        expect = 'colon';
        continue;
      case 'value':
      case 'valueOrClose':
        if (c === 0x5d && expect === 'valueOrClose') {
          i++;
          stack.pop();
          afterValue();
          continue;
        }
        if (c === 0x5b || c === 0x7b) {
          if (stack.length >= maxDepth) return fail(i, `dữ liệu lồng nhau quá sâu (tối đa ${maxDepth} cấp)`);
          stack.push(c);
          i++;
          expect = c === 0x5b ? 'valueOrClose' : 'keyOrClose';
          continue;
        }
        if (c === 0x22) {
          const err = scanString();
          if (err) return err;
          afterValue();
          continue;
        }
        if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
          const err = scanNumber();
          if (err) return err;
          afterValue();
          continue;
        }
        if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4;
          afterValue();
          continue;
        }
        if (text.startsWith('false', i)) {
          i += 5;
          afterValue();
          continue;
        }
        if (c === 0x5d) return fail(i, 'dấu phẩy thừa trước “]”');
        if (c === 0x27) return fail(i, 'chuỗi phải dùng dấu ngoặc kép " chứ không phải dấu nháy đơn');
        return fail(i, `cần một giá trị (gặp ${describeChar(text, i)})`);
    }
  }
}

/** Parse untrusted JSON text; throws InputError (naming `file`) with line/column on bad syntax. */
export function parseJsonText(text: string, file: string, limits?: Partial<JsonLimits>): unknown {
  const lim = resolveJsonLimits(limits);
  if (text.length > lim.maxBytes) {
    throw new InputError(file, `tệp quá lớn (tối đa ${fmtBytes(lim.maxBytes)})`);
  }
  const problem = checkJson(text, lim.maxDepth);
  if (problem) throw new InputError(file, formatJsonProblem(problem));
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw toInputError(e, file);
  }
}
