/**
 * How many lines a wrapped text takes in a cell: the one estimate behind every row height the
 * generated sheets set (merged cells never auto-fit, so heights are computed from their text).
 * Callers turn a column width into characters per line for their font. Pure.
 */

/** Lines `text` needs when wrapped at spaces into lines of `perLine` characters (greedy, like Excel). */
export function wrappedLines(text: string, perLine: number): number {
  const per = Math.max(1, Math.floor(perLine));
  let lines = 0;
  for (const para of text.split('\n')) {
    let line = 0;
    let n = 1;
    for (const word of para.split(' ')) {
      const w = word.length;
      // a word longer than a line is broken over as many lines as it needs
      const extra = Math.floor(Math.max(0, w - 1) / per);
      if (line === 0) {
        n += extra;
        line = w > per ? w % per || per : w;
      } else if (line + 1 + w <= per) line += 1 + w;
      else {
        n += 1 + extra;
        line = w % per || per;
      }
    }
    lines += n;
  }
  return lines;
}
