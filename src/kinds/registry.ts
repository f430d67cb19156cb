/**
 * The requirement kinds, in the order docs/packs.md lists them. Adding a kind: write its file in
 * this folder (./types.ts `KindSpec`; ./equals.ts is the smallest) and add it here — the pack
 * schema, the validator, the compiler, the sheet's "Yêu cầu" texts, the pane's deadlines and the
 * kinds table of docs/packs.md (`npm run docs:kinds`) all read this list.
 */
import { addicts } from './addicts';
import { atLeast } from './atLeast';
import { complete } from './complete';
import { datedDocument } from './datedDocument';
import { datedEvent } from './datedEvent';
import { equals } from './equals';
import { monthly } from './monthly';
import { rateBelow } from './rateBelow';
import { rating } from './rating';
import { reduction } from './reduction';
import { zero } from './zero';

export const KINDS = [
  equals,
  zero,
  atLeast,
  datedDocument,
  datedEvent,
  monthly,
  rating,
  complete,
  reduction,
  addicts,
  rateBelow,
] as const;
