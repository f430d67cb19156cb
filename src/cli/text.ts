/**
 * Plain-text layout for terminals: display width of Vietnamese text, padding, wrapping, tables.
 * Text from input files reaches the terminal only through here or `terminalSafe`: control
 * characters (escape sequences) and bidirectional overrides are removed, long cells are cut with
 * an ellipsis, and every step is linear in the text's length (a 1 MB cell costs milliseconds).
 */

/** C0/C1 control characters except tab and newline (the terminal's escape sequences start here). */
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/g;
/** Bidirectional embedding/override/isolate marks (can make text display as something else). */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Output for a terminal: control characters (but newline and tab) and bidi overrides removed. */
export function terminalSafe(s: string): string {
  return s.replace(CONTROL, '').replace(BIDI, '');
}

/** A table cell or a one-line value: line breaks and tabs become spaces; as `terminalSafe`. */
export function cellText(s: string): string {
  return terminalSafe(s.replace(/[\r\n\t]+/g, ' '));
}

/** Columns a string occupies (combining marks take none; text is NFC-normalised first). */
export function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s.normalize('NFC')) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/** Display units of `s`: each base character with the combining marks that follow it. */
function units(s: string): string[] {
  const out: string[] = [];
  for (const ch of s.normalize('NFC')) {
    if (out.length > 0 && /\p{M}/u.test(ch)) out[out.length - 1] += ch;
    else out.push(ch);
  }
  return out;
}

/** `s` cut to at most `width` columns, ending with "…" when cut. */
export function truncate(s: string, width: number): string {
  const w = Math.max(1, width);
  // look at no more than needed: a 3-million-character value costs as much as a short one
  const head = s.length > w * 4 + 16 ? s.slice(0, w * 4 + 16) : s;
  const u = units(head);
  if (u.length <= w && head === s) return u.join('');
  return u.slice(0, w - 1).join('') + '…';
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Splits text into lines of at most `width` columns at spaces; longer words are cut. Linear. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(10, width);
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line: string[] = [];
    for (const word of para.split(/ +/)) {
      const u = units(word);
      let at = 0;
      // a word longer than the line: full-width pieces first
      while (u.length - at > w) {
        if (line.length) {
          out.push(line.join(''));
          line = [];
        }
        out.push(u.slice(at, at + w).join(''));
        at += w;
      }
      const rest = at === 0 ? u : u.slice(at);
      if (!line.length) line = rest;
      else if (line.length + 1 + rest.length <= w) {
        line.push(' ');
        for (const x of rest) line.push(x);
      } else {
        out.push(line.join(''));
        line = rest;
      }
    }
    out.push(line.join(''));
  }
  return out;
}

export type Row = readonly string[] | { span: string };

/** Longest text a cell shows (a wrapped last column shows at most this much, then "…"). */
const MAX_CELL = 300;

/**
 * A table with a header, an underline and rows; the last column wraps to fit `totalWidth`.
 * A `{ span }` row is a full-width line (e.g. a group heading). Cells are made terminal-safe and
 * cut with "…": the other columns share the width so that the last one keeps at least 20.
 */
export function table(header: readonly string[], rows: readonly Row[], totalWidth: number): string {
  const n = header.length;
  const gap = 2;
  const cap = Math.max(6, Math.floor((totalWidth - 20) / Math.max(1, n - 1)) - gap);
  const clean = (c: string | undefined, i: number): string =>
    truncate(cellText(c ?? ''), i === n - 1 ? MAX_CELL : cap);
  const cells = rows.map((r) =>
    Array.isArray(r)
      ? (r as readonly string[]).map(clean)
      : { span: clean((r as { span: string }).span, n - 1) },
  );
  const head = header.map(clean);
  const widths = head.map((h) => displayWidth(h));
  for (const r of cells) {
    if (!Array.isArray(r)) continue;
    for (let i = 0; i < n - 1; i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(r[i] ?? ''));
  }
  const lead = widths.slice(0, n - 1).reduce((a, b) => a + b + gap, 0);
  const lastWidth = Math.max(20, totalWidth - lead);
  const lines: string[] = [];
  const fmt = (row: readonly string[]): string[] => {
    const wrapped = wrap(row[n - 1] ?? '', lastWidth);
    return wrapped.map((part, k) => {
      const left = row.slice(0, n - 1).map((c, i) => padEnd(k === 0 ? c : '', (widths[i] ?? 0) + gap));
      return (left.join('') + part).trimEnd();
    });
  };
  lines.push(...fmt(head));
  lines.push(
    [
      ...widths.slice(0, n - 1).map((w) => '─'.repeat(w) + ' '.repeat(gap)),
      '─'.repeat(Math.min(lastWidth, 40)),
    ]
      .join('')
      .trimEnd(),
  );
  for (const r of cells) {
    if (Array.isArray(r)) for (const l of fmt(r)) lines.push(l);
    else for (const l of wrap(r.span, totalWidth)) lines.push(l);
  }
  return lines.join('\n');
}

/** Terminal width when stdout is a terminal, otherwise a comfortable default. */
export function outputWidth(): number {
  const cols = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.max(60, Math.min(cols ?? 110, 160));
}
