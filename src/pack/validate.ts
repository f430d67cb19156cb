/**
 * Pack validation: zod shape check plus every cross-field rule, all problems collected at once.
 * Never throws, never returns a partly valid pack: either `{ ok: true, pack }` or the full list of
 * issues, each with a precise path (e.g. `groups[0].criteria[2].requirements[1].indicator`) and a
 * Vietnamese message.
 */
import type { z } from 'zod';
import { BOOL_NO, BOOL_YES, PACK_LIMITS, packSchema, type Pack } from './schema';

import {
  ISSUE_TEXTS,
  ROOT_PATH,
  issueMsg,
  issueText,
  packIssue,
  type IssueArgs,
  type IssueKey,
  type IssueMsg,
  type PackIssue,
} from './issueTexts';
import type { TextParam } from './texts';
import { AS_OF_ID, reservedNameOf, UNIT_NAME_ID, UNIT_TYPE_ID, YEAR_ID } from './workbookNames';
import { findKind, type RequirementKind } from '../kinds';

export { ROOT_PATH, formatIssues, type PackIssue } from './issues';

const isIssueKey = (key: string): key is IssueKey => Object.prototype.hasOwnProperty.call(ISSUE_TEXTS, key);

export type PackValidation = { ok: true; pack: Pack } | { ok: false; issues: PackIssue[] };

// ---------------------------------------------------------------------------------------------
// Paths and zod issue translation

type PathKey = PropertyKey;

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else {
      const s = String(k);
      if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += out ? `.${s}` : s;
      else out += `[${JSON.stringify(s)}]`;
    }
  }
  return out || ROOT_PATH;
}

const TYPE_KEYS: Readonly<Record<string, IssueKey>> = {
  string: 'type.string',
  number: 'type.number',
  int: 'type.int',
  boolean: 'type.boolean',
  array: 'type.array',
  object: 'type.object',
  record: 'type.object',
  null: 'type.null',
  undefined: 'type.undefined',
};

function typeName(t: string): IssueMsg | string {
  const key = TYPE_KEYS[t];
  return key ? { key } : t;
}

/** What a value is, said in the message ("chuỗi “…”", "số 5"…). */
function describe(input: unknown): TextParam<IssueKey> {
  if (input === undefined) return { key: 'type.undefined' };
  if (input === null) return 'null';
  if (Array.isArray(input)) return { key: 'type.array' };
  switch (typeof input) {
    case 'string':
      return issueMsg('value.string', { text: input.length > 40 ? input.slice(0, 40) + '…' : input });
    case 'number':
      return Number.isFinite(input)
        ? issueMsg('value.number', { n: String(input) })
        : { key: 'value.infinite' };
    case 'boolean':
      return issueMsg('value.boolean', { v: String(input) });
    case 'object':
      return { key: 'type.object' };
    default:
      return typeof input;
  }
}

function literal(v: unknown): string {
  return typeof v === 'string' ? `“${v}”` : String(v);
}

type RawIssue = z.core.$ZodRawIssue;
type AnyIssue = RawIssue | z.core.$ZodIssue;

function sizeIssue(iss: Extract<AnyIssue, { code: 'too_small' | 'too_big' }>): IssueMsg {
  if (iss.code === 'too_small') {
    const min = String(iss.minimum);
    if (iss.origin === 'string')
      return Number(iss.minimum) <= 1 ? issueMsg('zod.empty') : issueMsg('zod.minChars', { min });
    if (iss.origin === 'array') return issueMsg('zod.minItems', { min });
    return iss.inclusive === false ? issueMsg('zod.greater', { min }) : issueMsg('zod.atLeast', { min });
  }
  const max = String(iss.maximum);
  if (iss.origin === 'string') return issueMsg('zod.maxChars', { max });
  if (iss.origin === 'array') return issueMsg('zod.maxItems', { max });
  return iss.inclusive === false ? issueMsg('zod.less', { max }) : issueMsg('zod.atMost', { max });
}

function unionIssue(iss: Extract<AnyIssue, { code: 'invalid_union' }>): IssueMsg {
  if ('discriminator' in iss && iss.discriminator) {
    const opts = ('options' in iss && Array.isArray(iss.options) ? iss.options : []).map(String).join(', ');
    return issueMsg('zod.discriminator', { field: iss.discriminator, options: opts });
  }
  const expected = new Set<string>();
  const want: Array<IssueMsg | string> = [];
  for (const branch of iss.errors) {
    for (const e of branch) {
      if (e.code !== 'invalid_type' || e.path.length !== 0) continue;
      const name = typeName(e.expected);
      const id = typeof name === 'string' ? name : name.key;
      if (expected.has(id)) continue;
      expected.add(id);
      // the first object a value may be is a parameter reference
      want.push(id === 'type.object' ? { key: 'type.objectParam' } : name);
    }
  }
  return issueMsg('zod.type', {
    want: want.length ? { or: want } : { key: 'type.any' },
    got: describe(iss.input),
  });
}

/** zod's built-in problem as a key and its values (the schema's own messages are found by text). */
function zodIssueMsg(iss: AnyIssue): IssueMsg {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return issueMsg('zod.missing', { want: typeName(iss.expected) });
      return issueMsg('zod.type', { want: typeName(iss.expected), got: describe(iss.input) });
    case 'invalid_value': {
      const want = { or: iss.values.map(literal) };
      if (iss.input === undefined) return issueMsg('zod.missing', { want });
      return issueMsg('zod.value', { want, got: describe(iss.input) });
    }
    case 'too_small':
    case 'too_big':
      return sizeIssue(iss);
    case 'invalid_format':
      return issueMsg('zod.format');
    case 'not_multiple_of':
      return issueMsg('zod.multipleOf', { divisor: String(iss.divisor) });
    case 'unrecognized_keys':
      return issueMsg('zod.unknownKeys', { keys: iss.keys.join(', ') });
    case 'invalid_union':
      return unionIssue(iss);
    case 'invalid_key':
      return issueMsg('zod.badKey');
    case 'invalid_element':
      return issueMsg('zod.badElement');
    default:
      return issueMsg('zod.invalid');
  }
}

/** Per-parse error map: Vietnamese text for zod's built-in issues (schema-level messages win). */
export function viMessage(iss: RawIssue): string {
  return issueText('vi', zodIssueMsg(iss));
}

/** A schema's own message (`schema.*`: src/pack/schema.ts, src/plan/schema.ts) back to its key, by its text. */
let schemaTexts: Array<{ key: IssueKey; re: RegExp; names: string[] }> | undefined;
function schemaIssueMsg(message: string): IssueMsg | undefined {
  schemaTexts ??= Object.entries(ISSUE_TEXTS).flatMap(([key, [vi]]) => {
    if (!key.startsWith('schema.')) return [];
    const names = [...vi.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
    const re = new RegExp(
      `^${vi
        .split(/\{\w+\}/)
        .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('(.+?)')}$`,
    );
    return isIssueKey(key) ? [{ key, re, names }] : [];
  });
  for (const t of schemaTexts) {
    const m = t.re.exec(message);
    if (m) return { key: t.key, params: Object.fromEntries(t.names.map((n, i) => [n, m[i + 1] ?? ''])) };
  }
  return undefined;
}

/** A final zod issue as a PackIssue at `path`: its key when zod worded it, or the schema's. */
function fromZod(iss: z.core.$ZodIssue, path: string): PackIssue {
  const builtin = zodIssueMsg(iss);
  const msg =
    issueText('vi', builtin) === iss.message
      ? builtin
      : (schemaIssueMsg(iss.message) ?? issueMsg('zod.other', { text: iss.message }));
  return { path, ...msg, message: iss.message };
}

export function zodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathKey[],
  out: PackIssue[],
): void {
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys) out.push(packIssue(formatPath([...path, k]), 'zod.unknownKey', { key: k }));
      continue;
    }
    if (iss.code === 'invalid_union' && !iss.discriminator && iss.errors.length > 0) {
      // A branch whose errors are deeper than a root type mismatch is the one the author meant.
      const deep = iss.errors
        .filter((b) => b.length > 0 && !b.every((e) => e.code === 'invalid_type' && e.path.length === 0))
        .sort((a, b) => a.length - b.length);
      const [meant] = deep;
      if (meant) {
        zodIssues(meant, path, out);
        continue;
      }
    }
    out.push(fromZod(iss, formatPath(path)));
  }
}

// ---------------------------------------------------------------------------------------------
// Cross-field checks on the raw data (run even when the shape check fails, so that every problem
// is reported in one go). Everything here is defensive: the input is unknown.

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const own = (o: Obj, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const get = (o: unknown, k: string): unknown => (isObj(o) && own(o, k) ? o[k] : undefined);

const INDICATOR_TYPES = ['text', 'bool', 'count', 'date', 'choice'] as const;
type IndType = (typeof INDICATOR_TYPES)[number];
const TYPE_LABEL: Record<IndType, IssueMsg> = {
  text: { key: 'ind.text' },
  bool: { key: 'ind.bool' },
  count: { key: 'ind.count' },
  date: { key: 'ind.date' },
  choice: { key: 'ind.choice' },
};

interface IndInfo {
  id: string;
  type: IndType | undefined;
  scale: string | undefined;
  path: string;
  inProfile: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "DD/MM" → day of year ordinal (for from ≤ to), or why it is not a real day. */
export function dayMonth(v: string): { ok: true; ord: number } | { ok: false; why: IssueMsg } | undefined {
  const m = /^([0-9]{2})\/([0-9]{2})$/.exec(v);
  if (!m) return undefined; // the shape check reports the format
  const d = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return { ok: false, why: issueMsg('day.noMonth', { month: m[2] ?? '' }) };
  if (mo === 2 && d === 29) return { ok: false, why: issueMsg('day.feb29') };
  if (d < 1 || d > (DAYS_IN_MONTH[mo - 1] ?? 0))
    return { ok: false, why: issueMsg('day.noDay', { month: mo, day: d }) };
  return { ok: true, ord: mo * 100 + d };
}

class Checker {
  readonly issues: PackIssue[] = [];
  private readonly inds = new Map<string, IndInfo>();
  private readonly scales = new Map<string, string[]>();
  private readonly params: Obj;
  private readonly read = new Set<string>();
  /** Criteria whose requirements have problems: their unread indicators are not reported again. */
  private readonly dirty = new Set<string>();

  constructor(private readonly root: Obj) {
    const params = get(root, 'parameters');
    this.params = isObj(params) ? params : {};
    const scales = get(root, 'scales');
    if (isObj(scales)) {
      for (const [name, labels] of Object.entries(scales)) {
        if (Array.isArray(labels))
          this.scales.set(
            name,
            labels.filter((l): l is string => typeof l === 'string'),
          );
      }
    }
  }

  add(path: string, ...args: IssueArgs): void {
    const issue = packIssue(path, ...args);
    if (!this.issues.some((i) => i.path === path && i.message === issue.message)) this.issues.push(issue);
  }

  run(): void {
    this.checkScales();
    this.collectIndicators();
    this.checkNumbering();
    this.checkProfile();
    this.checkRequirements();
    this.checkUnread();
    this.checkPrerequisites();
    this.checkPriorYear();
  }

  // -- scales ----------------------------------------------------------------------------------

  private checkScales(): void {
    for (const [name, labels] of this.scales) {
      const seen = new Set<string>();
      labels.forEach((l, i) => {
        const key = l.toLowerCase();
        if (seen.has(key))
          this.add(formatPath(['scales', name, i]), 'pack.scaleLabelTwice', { label: l, scale: name });
        seen.add(key);
      });
    }
    const units = arr(get(this.root, 'unitTypes')).filter((u): u is string => typeof u === 'string');
    const seen = new Set<string>();
    units.forEach((u, i) => {
      if (seen.has(u.toLowerCase()))
        this.add(formatPath(['unitTypes', i]), 'pack.unitTypeTwice', { unit: u });
      seen.add(u.toLowerCase());
    });
  }

  // -- indicators ------------------------------------------------------------------------------

  private registerIndicator(raw: unknown, path: PathKey[], inProfile: boolean): void {
    if (!isObj(raw)) return;
    const id = str(raw.id);
    const t = str(raw.type);
    const type = (INDICATOR_TYPES as readonly string[]).includes(t ?? '') ? (t as IndType) : undefined;
    const scale = str(raw.scale);
    const p = formatPath(path);
    if (id !== undefined) {
      const prev = this.inds.get(id);
      if (prev) this.add(`${p}.id`, 'pack.idTwice', { id, at: prev.path });
      else this.inds.set(id, { id, type, scale, path: p, inProfile });
      const reserved = reservedNameOf(id);
      if (reserved === 'name') this.add(`${p}.id`, 'pack.idReservedName', { id });
      else if (reserved)
        this.add(`${p}.id`, 'pack.idReserved', { id, why: { vi: reserved.reason, en: reserved.reasonEn } });
    }
    if (type === 'choice') {
      if (scale === undefined) this.add(`${p}.scale`, 'pack.choiceNoScale');
      else if (!this.scales.has(scale)) this.add(`${p}.scale`, 'pack.scaleUnknown', { scale });
    } else if (scale !== undefined && type !== undefined) {
      this.add(`${p}.scale`, 'pack.scaleNotChoice', { type: TYPE_LABEL[type] });
    }
    if (type !== undefined && type !== 'count') {
      if (raw.min !== undefined) this.add(`${p}.min`, 'pack.minNotCount', { type: TYPE_LABEL[type] });
      if (raw.max !== undefined) this.add(`${p}.max`, 'pack.maxNotCount', { type: TYPE_LABEL[type] });
    }
    if (typeof raw.min === 'number' && typeof raw.max === 'number' && raw.min > raw.max) {
      this.add(`${p}.min`, 'pack.minAboveMax', { min: raw.min, max: raw.max });
    }
    if (typeof raw.min === 'number' && raw.min < 0 && type === 'count') {
      this.add(`${p}.min`, 'pack.countNegative');
    }
  }

  private criteria(): Array<{ raw: Obj; path: PathKey[] }> {
    const out: Array<{ raw: Obj; path: PathKey[] }> = [];
    arr(get(this.root, 'groups')).forEach((g, gi) => {
      arr(get(g, 'criteria')).forEach((c, ci) => {
        if (isObj(c)) out.push({ raw: c, path: ['groups', gi, 'criteria', ci] });
      });
    });
    return out;
  }

  private collectIndicators(): void {
    arr(get(this.root, 'profile')).forEach((ind, i) => this.registerIndicator(ind, ['profile', i], true));
    for (const { raw, path } of this.criteria()) {
      arr(raw.indicators).forEach((ind, i) => this.registerIndicator(ind, [...path, 'indicators', i], false));
    }
  }

  // -- numbering -------------------------------------------------------------------------------

  private checkNumbering(): void {
    const total = this.criteria().length;
    if (total > PACK_LIMITS.criteria) {
      this.add('groups', 'pack.tooManyCriteria', { total, max: PACK_LIMITS.criteria });
    }
    const seenGroupIds = new Map<string, string>();
    arr(get(this.root, 'groups')).forEach((g, gi) => {
      if (!isObj(g)) return;
      const p = formatPath(['groups', gi]);
      if (typeof g.number === 'number' && g.number !== gi + 1) {
        this.add(`${p}.number`, 'pack.groupNumber', { want: gi + 1, got: g.number });
      }
      const id = str(g.id);
      if (id !== undefined && typeof g.number === 'number' && id !== `g${g.number}`) {
        this.add(`${p}.id`, 'pack.groupIdNumber', { id, number: g.number });
      }
      if (id !== undefined) {
        const prev = seenGroupIds.get(id);
        if (prev) this.add(`${p}.id`, 'pack.groupIdTwice', { id, at: prev });
        else seenGroupIds.set(id, p);
      }
    });
    let expected = 1;
    for (const { raw, path } of this.criteria()) {
      const p = formatPath(path);
      const num = raw.number;
      if (typeof num === 'number') {
        if (num !== expected) {
          this.add(`${p}.number`, 'pack.criterionNumber', { want: expected, got: num });
        }
        const id = str(raw.id);
        if (id !== undefined && /^TC[0-9]{1,3}$/.test(id) && id !== `TC${num}`) {
          this.add(`${p}.id`, 'pack.criterionIdNumber', { id, number: num });
        }
      }
      expected++;
    }
  }

  // -- profile ---------------------------------------------------------------------------------

  private checkProfile(): void {
    if (!Array.isArray(get(this.root, 'profile'))) return; // the shape check reports it
    const need: Array<[string, IndType, IssueKey]> = [
      [UNIT_NAME_ID, 'text', 'what.unitName'],
      [UNIT_TYPE_ID, 'choice', 'what.unitType'],
      [YEAR_ID, 'count', 'what.year'],
      [AS_OF_ID, 'date', 'what.asOf'],
    ];
    for (const [id, type, what] of need) {
      const ind = this.inds.get(id);
      if (!ind || !ind.inProfile) {
        this.add('profile', 'pack.profileMissing', { id, what: { key: what }, type });
        continue;
      }
      if (ind.type !== undefined && ind.type !== type) {
        this.add(`${ind.path}.type`, 'pack.profileType', {
          id,
          want: TYPE_LABEL[type],
          got: TYPE_LABEL[ind.type],
        });
      }
    }
    const loai = this.inds.get(UNIT_TYPE_ID);
    if (
      loai?.inProfile &&
      loai.type === 'choice' &&
      loai.scale !== undefined &&
      loai.scale !== UNIT_TYPE_ID
    ) {
      this.add(`${loai.path}.scale`, 'pack.unitTypeScale', { id: UNIT_TYPE_ID, scale: loai.scale });
    }
    const units = arr(get(this.root, 'unitTypes'));
    const scale = this.scales.get(UNIT_TYPE_ID);
    if (Array.isArray(get(this.root, 'unitTypes'))) {
      if (!scale) {
        this.add('scales', 'pack.unitTypeScaleMissing', { id: UNIT_TYPE_ID });
      } else if (scale.length !== units.length || scale.some((l, i) => l !== units[i])) {
        this.add(`scales.${UNIT_TYPE_ID}`, 'pack.unitTypeScaleMismatch', { id: UNIT_TYPE_ID });
      }
    }
  }

  // -- references ------------------------------------------------------------------------------

  /** Reference to an indicator that must exist and have `type`; marks it as read. */
  private ref(
    v: unknown,
    path: string,
    type: IndType | readonly IndType[],
    what: IssueMsg,
  ): IndInfo | undefined {
    const id = str(v);
    if (id === undefined) return undefined;
    const ind = this.inds.get(id);
    if (!ind) {
      this.add(path, 'pack.indicatorUnknown', { id });
      return undefined;
    }
    this.read.add(id);
    const types = typeof type === 'string' ? [type] : type;
    if (ind.type !== undefined && !types.includes(ind.type)) {
      this.add(path, 'pack.refType', {
        what,
        want: { or: types.map((t) => TYPE_LABEL[t]) },
        id,
        got: TYPE_LABEL[ind.type],
      });
      return undefined;
    }
    return ind;
  }

  private param(v: unknown, path: string, want: 'number' | 'boolean' | 'string'): unknown {
    if (!isObj(v)) return v;
    const name = str(v.param);
    if (name === undefined) return undefined;
    if (!own(this.params, name)) {
      this.add(`${path}.param`, 'pack.paramUnknown', { name });
      return undefined;
    }
    const value = this.params[name];
    if (typeof value !== want) {
      const wanted: IssueKey =
        want === 'number' ? 'type.number' : want === 'boolean' ? 'type.trueFalse' : 'type.string';
      this.add(`${path}.param`, 'pack.paramType', { name, want: { key: wanted }, got: describe(value) });
      return undefined;
    }
    return value;
  }

  private percent(v: unknown, path: string): void {
    const p = this.param(v, path, 'number');
    if (typeof p === 'number' && (!(p > 0) || p > 100)) this.add(path, 'pack.percent', { value: p });
  }

  private nonNegative(v: unknown, path: string, what: IssueKey, integer: boolean): void {
    const p = this.param(v, path, 'number');
    if (typeof p !== 'number') return;
    if (p < 0 || (integer && !Number.isInteger(p))) {
      this.add(path, integer ? 'pack.nonNegativeInt' : 'pack.nonNegative', { what: { key: what }, value: p });
    }
  }

  private date(v: unknown, path: string): number | undefined {
    const s = str(v);
    if (s === undefined) return undefined;
    if (s === 'het_ky') return 1231;
    const r = dayMonth(s);
    if (!r) return undefined;
    if (!r.ok) {
      this.add(path, 'pack.badDay', { day: s, why: r.why });
      return undefined;
    }
    return r.ord;
  }

  /** Labels a bool/choice indicator can take. */
  private labelsOf(ind: IndInfo): string[] | undefined {
    if (ind.type === 'bool') return [BOOL_YES, BOOL_NO];
    if (ind.type === 'choice' && ind.scale !== undefined) return this.scales.get(ind.scale);
    return undefined;
  }

  private checkLabels(ind: IndInfo, values: unknown, path: string): void {
    const labels = this.labelsOf(ind);
    if (!labels) return;
    arr(values).forEach((v, i) => {
      if (typeof v === 'string' && !labels.includes(v)) {
        this.add(`${path}[${i}]`, 'pack.notALabel', { value: v, id: ind.id, labels: labels.join('; ') });
      }
    });
  }

  private checkRequirements(): void {
    for (const { raw, path } of this.criteria()) {
      const before = this.issues.length;
      const reqs = arr(raw.requirements);
      if (!Array.isArray(raw.requirements) || reqs.some((r) => !isObj(r) || !findKind(str(r.kind) ?? ''))) {
        this.dirty.add(formatPath(path));
      }
      reqs.forEach((r, ri) => {
        if (!isObj(r)) return;
        const p = formatPath([...path, 'requirements', ri]);
        const kindName = str(r.kind);
        const kind = kindName !== undefined ? findKind(kindName) : undefined;
        if (kind) this.checkKind(kind, r, p, formatPath(path));
        const a = r.applicability;
        if (isObj(a)) {
          const ind = this.ref(a.indicator, `${p}.applicability.indicator`, ['bool', 'choice'], {
            key: 'what.applicability',
          });
          if (ind) this.checkLabels(ind, a.values, `${p}.applicability.values`);
        }
      });
      if (this.issues.length > before) this.dirty.add(formatPath(path));
    }
  }

  /** A requirement of a known kind at `p`: its references, then the kind's own checks. */
  private checkKind(kind: RequirementKind, r: Obj, p: string, criterionPath: string): void {
    const found = new Map<string, IndInfo>();
    for (const [field, type] of kind.refs) {
      if (typeof r[field] !== 'string') this.dirty.add(criterionPath);
      const ind = this.ref(r[field], `${p}.${field}`, type, issueMsg('what.kind', { kind: kind.kind }));
      if (ind) found.set(field, ind);
    }
    kind.check({
      raw: r,
      referenced: (field) => {
        const ind = found.get(field);
        return ind && { id: ind.id, scale: ind.scale, labels: this.labelsOf(ind) };
      },
      day: (field) => this.date(r[field], `${p}.${field}`),
      nonNegative: (field, what, integer) => this.nonNegative(r[field], `${p}.${field}`, what, integer),
      percent: (field) => this.percent(r[field], `${p}.${field}`),
      param: (field, want) => this.param(r[field], `${p}.${field}`, want),
      problem: (field, ...issue) => this.add(`${p}.${field}`, ...issue),
    });
  }

  private checkUnread(): void {
    for (const { raw, path } of this.criteria()) {
      if (this.dirty.has(formatPath(path))) continue;
      arr(raw.indicators).forEach((ind, i) => {
        const id = str(get(ind, 'id'));
        const type = str(get(ind, 'type'));
        if (id === undefined || type === 'text' || this.read.has(id)) return;
        this.add(formatPath([...path, 'indicators', i, 'id']), 'pack.unread', { id });
      });
    }
  }

  private checkPrerequisites(): void {
    arr(get(this.root, 'prerequisites')).forEach((pr, i) => {
      if (!isObj(pr)) return;
      const p = formatPath(['prerequisites', i]);
      const ind = this.ref(pr.indicator, `${p}.indicator`, ['bool', 'choice'], { key: 'what.prerequisite' });
      if (pr.anyOf === undefined && pr.atLeast === undefined) this.add(p, 'pack.prerequisiteSource');
      if (ind) this.checkLabels(ind, pr.anyOf, `${p}.anyOf`);
      if (pr.atLeast !== undefined) {
        const label = this.param(pr.atLeast, `${p}.atLeast`, 'string');
        if (ind && ind.type !== 'choice') {
          this.add(`${p}.atLeast`, 'pack.atLeastNotChoice', {
            id: ind.id,
            type: TYPE_LABEL[ind.type ?? 'text'],
          });
        } else if (ind && typeof label === 'string') {
          const labels = this.labelsOf(ind);
          if (labels && !labels.includes(label)) {
            this.add(`${p}.atLeast`, 'pack.notInScale', {
              label,
              scale: ind.scale ?? '',
              labels: labels.join('; '),
            });
          }
        }
      }
    });
  }

  private checkPriorYear(): void {
    const targets = new Map<string, string>();
    arr(get(this.root, 'priorYear')).forEach((m, i) => {
      if (!isObj(m)) return;
      const p = formatPath(['priorYear', i]);
      const from = str(m.from);
      const to = str(m.to);
      const fromInd = from !== undefined ? this.inds.get(from) : undefined;
      const toInd = to !== undefined ? this.inds.get(to) : undefined;
      if (from !== undefined && !fromInd) this.add(`${p}.from`, 'pack.indicatorUnknown', { id: from });
      if (to !== undefined && !toInd) this.add(`${p}.to`, 'pack.indicatorUnknown', { id: to });
      if (to !== undefined) {
        const prev = targets.get(to);
        if (prev) this.add(`${p}.to`, 'pack.priorTwice', { id: to, at: prev });
        else targets.set(to, p);
      }
      if (fromInd && toInd && fromInd.type !== undefined && toInd.type !== undefined) {
        if (fromInd.type !== toInd.type) {
          this.add(p, 'pack.priorTypes', {
            from: fromInd.id,
            fromType: TYPE_LABEL[fromInd.type],
            to: toInd.id,
            toType: TYPE_LABEL[toInd.type],
          });
        } else if (fromInd.type === 'choice' && fromInd.scale !== toInd.scale) {
          this.add(p, 'pack.priorScales', { from: fromInd.id, to: toInd.id });
        }
      }
    });
  }
}

/** Validate an untrusted pack (e.g. parsed from a user's JSON file). Never throws. */
export function validatePack(data: unknown): PackValidation {
  try {
    const issues: PackIssue[] = [];
    const parsed = packSchema.safeParse(data, {
      error: viMessage,
      // the final issues keep the value received: the English line is worked out again from them
      // (fromZod); without it, most issues would pass through as their Vietnamese text
      reportInput: true,
    });
    if (!parsed.success) zodIssues(parsed.error.issues, [], issues);
    if (isObj(data)) {
      const checker = new Checker(data);
      checker.run();
      for (const i of checker.issues) {
        if (!issues.some((j) => j.path === i.path && j.message === i.message)) issues.push(i);
      }
    }
    if (issues.length > 0 || !parsed.success) {
      return {
        ok: false,
        issues: issues.length ? issues : [packIssue(ROOT_PATH, 'pack.invalid')],
      };
    }
    return { ok: true, pack: parsed.data };
  } catch (e) {
    // Defensive only (e.g. a hostile getter in the input): report, never crash.
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [packIssue(ROOT_PATH, 'pack.unreadable', { why })] };
  }
}
