/**
 * Indexed access that must find something, for tests (the project compiles with
 * noUncheckedIndexedAccess): `at(rows, 0)`, `at(match, 1)`, `at(list, -1)` (the last item), and
 * `entry(record, 'key')`. A miss throws an error that says which index or key was missing,
 * instead of a later "cannot read properties of undefined".
 */
export function at<T>(items: ArrayLike<T>, index: number): T {
  const i = index < 0 ? items.length + index : index;
  const v = items[i];
  if (v === undefined) throw new Error(`at(): no item at index ${index} (length ${items.length})`);
  return v;
}

export function entry<T>(record: Readonly<Record<string, T>>, key: string): T {
  const v = record[key];
  if (v === undefined) throw new Error(`entry(): no entry "${key}"`);
  return v;
}
