/**
 * Messages said in Vietnamese or English as tables of keys: each key is `[vi, en]` with the same
 * `{params}` (test/i18n/inputReasons.test.ts checks every table). A place that finds a problem
 * names the key and its values (plain data: a worker can post it, a kind can return it); the text
 * is made only when a line is asked for.
 *
 * It imports nothing, so every room can use it — the kinds (their checks name keys through
 * `import type`), the pack and plan validators, the sheet's consolidation, io and the faces. The
 * rooms that find these problems cannot import src/i18n (i18n imports them), so the tables live
 * beside the code that finds the problems and the faces say them in their language.
 */

/** The languages of a table (the faces' `Lang`). */
export type TextLang = 'vi' | 'en';

/** Keys → [Vietnamese, English]. */
export type TextTable = Readonly<Record<string, readonly [vi: string, en: string]>>;

/** A message: a key of a table and its values. */
export interface TextMsg<K extends string = string> {
  key: K;
  params?: Readonly<Record<string, TextParam<K>>>;
}

/**
 * A value put into a message: a string as is (ids, labels, paths), a number as JavaScript writes it
 * (the Vietnamese texts always did), another message of the same table (a type, a noun), or
 * alternatives joined by "hoặc" / "or", or a text given in both languages (data that carries its own).
 */
export type TextParam<K extends string = string> =
  string | number | TextMsg<K> | { or: readonly TextParam<K>[] } | { vi: string; en: string };

/** `{name}` placeholders of a text: only plain names (a JSON example like `{ "param": … }` is text). */
type PlainName<P extends string> = P extends `${string}${'"' | ' ' | '{' | ':' | '…'}${string}` ? never : P;
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}`
  ? PlainName<P> | Placeholders<R>
  : never;

/** A key of `T` and, when its text has placeholders, exactly their values (checked by the compiler). */
export type TextArgs<T extends TextTable> = {
  [K in keyof T & string]: [Placeholders<T[K][0]>] extends [never]
    ? [key: K]
    : [key: K, params: { readonly [P in Placeholders<T[K][0]>]: TextParam<keyof T & string> }];
}[keyof T & string];

const OR: Record<TextLang, string> = { vi: ' hoặc ', en: ' or ' };

function paramText(table: TextTable, lang: TextLang, v: TextParam): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('vi' in v) return v[lang];
  if ('or' in v) return v.or.map((x) => paramText(table, lang, x)).join(OR[lang]);
  return textOf(table, lang, v);
}

/** The message in `lang`; values are inserted in one pass (a "{…}" inside a value stays). */
export function textOf(table: TextTable, lang: TextLang, msg: TextMsg): string {
  const pair = Object.prototype.hasOwnProperty.call(table, msg.key) ? table[msg.key] : undefined;
  if (!pair) return msg.key;
  const text = lang === 'vi' ? pair[0] : pair[1];
  const params = msg.params;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
    return v === undefined ? whole : paramText(table, lang, v);
  });
}
