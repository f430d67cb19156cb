/**
 * The Excel backend of the rule trees: prints portable formulas (Excel 2010 function set, also
 * LibreOffice, WPS and HyperFormula). No LET/LAMBDA/IFS/SWITCH/TEXTJOIN/CONCAT/XLOOKUP/dynamic
 * arrays. AND/OR are printed as nested IFs so that they short-circuit like the TS evaluator.
 */
import type { Bool, Msg, Num, StatusExpr } from '../engine/ast';
import type { CompiledPack } from '../engine/compile';
import { STATUS_BY_RANK, STATUS_LABELS, STATUS_RANK, type StatusCode } from '../engine/status';
import { AS_OF_NAME, YEAR_NAME } from '../pack/workbookNames';

export interface FormulaNames {
  /** how an indicator id is referenced (default: its defined name, which equals the id) */
  ref?: (id: string) => string;
  asOf?: string;
  year?: string;
}

/** Excel caps string literals at 255 characters; longer ones are split and joined with &. */
export function str(s: string): string {
  if (s.length <= 255) return `"${s.replace(/"/g, '""')}"`;
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += 200) parts.push(str(s.slice(i, i + 200)));
  return `(${parts.join('&')})`;
}

function numLit(v: number): string {
  if (!Number.isFinite(v)) return '0';
  // Plain decimal notation: Excel formulas do not accept "1e-7" from every locale.
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(12).replace(/0+$/, '').replace(/\.$/, '') : s;
}

export class FormulaPrinter {
  private readonly refName: (id: string) => string;
  private readonly asOf: string;
  private readonly year: string;

  constructor(names: FormulaNames = {}) {
    this.refName = names.ref ?? ((id) => id);
    this.asOf = names.asOf ?? AS_OF_NAME;
    this.year = names.year ?? YEAR_NAME;
  }

  num(x: Num): string {
    switch (x.t) {
      case 'n':
        return numLit(x.v);
      case 'ref':
        return this.refName(x.id);
      case 'today':
        return 'TODAY()';
      case 'asOf':
        return this.asOf;
      case 'year':
        return this.year;
      case 'date': {
        const y = x.yearOffset ? `${this.year}+${x.yearOffset}` : this.year;
        return `DATE(${y},${x.m},${x.d})`;
      }
      case 'yearOf':
        return `YEAR(${this.num(x.x)})`;
      case 'monthOf':
        return `MONTH(${this.num(x.x)})`;
      case 'dayOf':
        return `DAY(${this.num(x.x)})`;
      case 'int':
        return `INT(${this.num(x.x)})`;
      case 'add':
        return `(${this.num(x.a)}+${this.num(x.b)})`;
      case 'sub':
        return `(${this.num(x.a)}-${this.num(x.b)})`;
      case 'mul':
        return `(${this.num(x.a)}*${this.num(x.b)})`;
      case 'div':
        return `(${this.num(x.a)}/${this.num(x.b)})`;
      case 'ifn':
        return `IF(${this.bool(x.c)},${this.num(x.then)},${this.num(x.else)})`;
    }
  }

  bool(x: Bool): string {
    switch (x.t) {
      // TRUE()/FALSE() rather than the bare constants: HyperFormula only knows the functions,
      // Excel and LibreOffice accept both.
      case 'true':
        return 'TRUE()';
      case 'false':
        return 'FALSE()';
      case 'blank':
        return `LEN(TRIM(${this.refName(x.id)}))=0`;
      case 'isNum': {
        // LibreOffice stores TRUE/FALSE as numbers (ISNUMBER(TRUE) is TRUE there, FALSE in Excel
        // and in the engine): exclude logical values explicitly so every host agrees.
        const r = this.refName(x.id);
        return `IF(ISLOGICAL(${r}),FALSE(),ISNUMBER(${r}))`;
      }
      case 'is': {
        const r = `TRIM(${this.refName(x.id)})`;
        const eqs = x.values.map((v) => `${r}=${str(v)}`);
        const [only, ...more] = eqs;
        if (only === undefined) return 'FALSE()';
        return more.length === 0 ? only : `OR(${eqs.join(',')})`;
      }
      case 'isText':
        return `ISTEXT(${this.refName(x.id)})`;
      case 'cmp':
        return `${this.num(x.a)}${x.op}${this.num(x.b)}`;
      case 'and':
        return this.chainBool(x.xs, 'and');
      case 'or':
        return this.chainBool(x.xs, 'or');
      case 'not':
        return `NOT(${this.bool(x.x)})`;
    }
  }

  /** Short-circuit connectives: AND(a,b,c) → IF(a,IF(b,c,FALSE),FALSE). */
  private chainBool(xs: readonly Bool[], op: 'and' | 'or'): string {
    const [head, ...rest] = xs;
    if (head === undefined) return op === 'and' ? 'TRUE()' : 'FALSE()';
    if (rest.length === 0) return this.bool(head);
    const tail = this.chainBool(rest, op);
    return op === 'and' ? `IF(${this.bool(head)},${tail},FALSE())` : `IF(${this.bool(head)},TRUE(),${tail})`;
  }

  msg(m: Msg): string {
    const parts: string[] = [];
    let text = '';
    const flush = (): void => {
      if (text) parts.push(str(text));
      text = '';
    };
    for (const p of m) {
      if (typeof p === 'string') {
        text += p;
        continue;
      }
      flush();
      if ('pick' in p) {
        parts.push(
          p.pick.reduceRight((acc, [c, text]) => `IF(${this.bool(c)},${str(text)},${acc})`, str(p.else)),
        );
      } else if ('raw' in p) {
        // print logical values as Excel does (LibreOffice would print 1/0)
        const r = this.refName(p.raw);
        parts.push(`IF(ISLOGICAL(${r}),IF(${r},"TRUE","FALSE"),${r}&"")`);
      } else if (p.fmt === 'int') parts.push(this.num(p.num));
      else if (p.fmt === 'pct1') {
        const tenths = `ROUND(${this.num(p.num)}*10,0)`;
        parts.push(`INT(${tenths}/10)&","&MOD(${tenths},10)`);
      } else if (p.fmt === 'pct2') {
        const hundredths = `ROUND(${this.num(p.num)}*100,0)`;
        parts.push(`INT(${hundredths}/100)&","&RIGHT("0"&MOD(${hundredths},100),2)`);
      } else {
        const d = this.num(p.num);
        parts.push(`RIGHT("0"&DAY(${d}),2)&"/"&RIGHT("0"&MONTH(${d}),2)&"/"&YEAR(${d})`);
      }
    }
    flush();
    return parts.length ? parts.join('&') : '""';
  }

  /** Formula body (no leading "=") giving the status rank 0..5 of a requirement. */
  rank(x: StatusExpr): string {
    if (x.t === 'leaf') return String(STATUS_RANK[x.status]);
    return `IF(${this.bool(x.c)},${this.rank(x.then)},${this.rank(x.else)})`;
  }

  /** Formula body giving the Vietnamese reason of a requirement. */
  reason(x: StatusExpr): string {
    // Most messages of a requirement start with the same label ("Số vụ …: "): print a shared
    // leading text once, before the IFs, so long labels do not multiply the formula's length.
    const pre = commonLead(x);
    if (pre.length >= MIN_HOIST) return `${str(pre)}&${this.reasonOf(stripLead(x, pre.length))}`;
    return this.reasonOf(x);
  }

  private reasonOf(x: StatusExpr): string {
    if (x.t === 'leaf') return this.msg(x.msg);
    return `IF(${this.bool(x.c)},${this.reason(x.then)},${this.reason(x.else)})`;
  }
}

/** A shared leading text shorter than this is not worth an extra `&`. */
const MIN_HOIST = 12;

/** The leading literal text of a message ('' when it starts with a value). */
function leadOf(m: Msg): string {
  const first = m[0];
  return typeof first === 'string' ? first : '';
}

/** The longest text every message of the tree starts with. */
function commonLead(x: StatusExpr): string {
  if (x.t === 'leaf') return leadOf(x.msg);
  const a = commonLead(x.then);
  if (a === '') return '';
  const b = commonLead(x.else);
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // never split a surrogate pair
  if (i > 0 && i < a.length && a.charCodeAt(i - 1) >= 0xd800 && a.charCodeAt(i - 1) <= 0xdbff) i--;
  return a.slice(0, i);
}

/** The tree with the first `n` characters of every message removed (they are printed before it). */
function stripLead(x: StatusExpr, n: number): StatusExpr {
  if (x.t === 'if') return { ...x, then: stripLead(x.then, n), else: stripLead(x.else, n) };
  const [first, ...rest] = x.msg;
  const tail = typeof first === 'string' ? first.slice(n) : '';
  return { ...x, msg: tail ? [tail, ...rest] : rest };
}

/** CHOOSE(rank+1, labels…): the Vietnamese status label from a rank expression. */
export function statusLabelFormula(rankExpr: string): string {
  const labels = STATUS_BY_RANK.map((s: StatusCode) => str(STATUS_LABELS[s]));
  return `CHOOSE(${rankExpr}+1,${labels.join(',')})`;
}

/** The two helper formulas of a pack: effective as-of date and year. */
export function helperFormulas(
  compiled: CompiledPack,
  names: FormulaNames = {},
): { asOf: string; year: string } {
  // The as-of cell cannot refer to itself; print its definition with TODAY() in place of asOf.
  const p = new FormulaPrinter(names);
  return { asOf: p.num(compiled.asOf), year: p.num(compiled.year) };
}
