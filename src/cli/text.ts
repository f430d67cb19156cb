/** Plain-text layout for terminals: display width of Vietnamese text, padding, wrapping, tables. */

/** Columns a string occupies (combining marks take none; text is NFC-normalised first). */
export function displayWidth(s: string): number {
  return [...s.normalize('NFC').replace(/\p{M}/gu, '')].length;
}

export function padEnd(s: string, width: number): string {
  const w = displayWidth(s);
  return w >= width ? s : s + ' '.repeat(width - w);
}

/** Splits text into lines of at most `width` columns at spaces; longer words are cut. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(10, width);
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let line = '';
    for (const word of para.split(/ +/)) {
      let rest = word;
      while (displayWidth(rest) > w) {
        if (line) {
          out.push(line);
          line = '';
        }
        const chars = [...rest];
        out.push(chars.slice(0, w).join(''));
        rest = chars.slice(w).join('');
      }
      if (!line) line = rest;
      else if (displayWidth(line) + 1 + displayWidth(rest) <= w) line += ' ' + rest;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}

export type Row = readonly string[] | { span: string };

/**
 * A table with a header, an underline and rows; the last column wraps to fit `totalWidth`.
 * A `{ span }` row is a full-width line (e.g. a group heading).
 */
export function table(header: readonly string[], rows: readonly Row[], totalWidth: number): string {
  const n = header.length;
  const widths = header.map((h) => displayWidth(h));
  for (const r of rows) {
    if (!Array.isArray(r)) continue;
    for (let i = 0; i < n - 1; i++)
      widths[i] = Math.max(widths[i], displayWidth((r as readonly string[])[i] ?? ''));
  }
  const gap = 2;
  const lead = widths.slice(0, n - 1).reduce((a, b) => a + b + gap, 0);
  const lastWidth = Math.max(20, totalWidth - lead);
  const lines: string[] = [];
  const fmt = (cells: readonly string[]): string[] => {
    const wrapped = wrap(cells[n - 1] ?? '', lastWidth);
    return wrapped.map((part, k) => {
      const left = cells.slice(0, n - 1).map((c, i) => padEnd(k === 0 ? c : '', widths[i] + gap));
      return (left.join('') + part).trimEnd();
    });
  };
  lines.push(...fmt(header));
  lines.push(
    [
      ...widths.slice(0, n - 1).map((w) => '─'.repeat(w) + ' '.repeat(gap)),
      '─'.repeat(Math.min(lastWidth, 40)),
    ]
      .join('')
      .trimEnd(),
  );
  for (const r of rows) {
    if (Array.isArray(r)) lines.push(...fmt(r as readonly string[]));
    else lines.push(...wrap((r as { span: string }).span, totalWidth));
  }
  return lines.join('\n');
}

/** Terminal width when stdout is a terminal, otherwise a comfortable default. */
export function outputWidth(): number {
  const cols = process.stdout.isTTY ? process.stdout.columns : undefined;
  return Math.max(60, Math.min(cols ?? 110, 160));
}
