/**
 * Numbers as text, in two families that must not be mixed:
 *
 * - `formatNumber` / `formatPercent`: for people — messages, notes, terminal tables. `Intl.NumberFormat`
 *   with the Vietnamese conventions by default (1.234.567,5; 96,5%), English on request.
 * - `sheetDecimal` / `sheetNumberText`: text that a worksheet formula also produces (the reasons in
 *   the "Lý do" column are formulas; the engine must print them to the letter, and the agreement
 *   tests compare the two). They reproduce the formula's arithmetic, not a locale's rules, so that a
 *   change of ICU data or of the user's Excel locale cannot make the engine and the sheet disagree.
 *
 * Pure.
 */

export type NumberLocale = 'vi-VN' | 'en-US';

export interface NumberTextOptions {
  locale?: NumberLocale;
  /** default 0 */
  minFractionDigits?: number;
  /** default 20: as many as the number has */
  maxFractionDigits?: number;
}

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(style: 'decimal' | 'percent', o: NumberTextOptions): Intl.NumberFormat {
  const locale = o.locale ?? 'vi-VN';
  const min = o.minFractionDigits ?? 0;
  const max = Math.max(min, o.maxFractionDigits ?? 20);
  const key = `${style}|${locale}|${min}|${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style, minimumFractionDigits: min, maximumFractionDigits: max });
    formats.set(key, f);
  }
  return f;
}

/** 1234567 → "1.234.567", 1.5 → "1,5" (vi-VN); -0 prints as "0". */
export function formatNumber(v: number, o: NumberTextOptions = {}): string {
  return numberFormat('decimal', o).format(v === 0 ? 0 : v);
}

/** A ratio as a percentage: 0.965 → "96,5%" (one decimal at most unless asked). */
export function formatPercent(ratio: number, o: NumberTextOptions = {}): string {
  return numberFormat('percent', { maxFractionDigits: 1, ...o }).format(ratio === 0 ? 0 : ratio);
}

/**
 * `v` rounded to 1 or 2 decimals with a decimal comma, exactly as the sheet prints it:
 * `INT(ROUND(v*10,0)/10)&","&MOD(ROUND(v*10,0),10)` (two decimals: `RIGHT("0"&MOD(…,100),2)`),
 * see sheet/formula.ts. 1.25 → "1,3", 1/66 × 100 → "1,52". Only non-negative values are printed
 * (shares of counts); negative ones would follow INT and MOD, not arithmetic.
 */
export function sheetDecimal(v: number, places: 1 | 2): string {
  const scale = places === 1 ? 10 : 100;
  const units = Math.round(v * scale);
  const rest = ((units % scale) + scale) % scale;
  return `${Math.floor(units / scale)},${String(rest).padStart(places, '0')}`;
}

/** A number as a Vietnamese Excel's `&` prints it: shortest form, decimal comma ("1,5"). */
export function sheetNumberText(v: number): string {
  return String(v).replace('.', ',');
}
