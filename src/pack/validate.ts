/**
 * Pack validation: zod shape check plus every cross-field rule, all problems collected at once.
 * Never throws, never returns a partly valid pack: either `{ ok: true, pack }` or the full list of
 * issues, each with a precise path (e.g. `groups[0].criteria[2].requirements[1].indicator`) and a
 * Vietnamese message.
 */
import type { z } from 'zod';
import { BOOL_NO, BOOL_YES, PACK_LIMITS, packSchema, type Pack } from './schema';

import { ROOT_PATH, type PackIssue } from './issues';
import { AS_OF_ID, reservedNameReason, UNIT_NAME_ID, UNIT_TYPE_ID, YEAR_ID } from './workbookNames';
import { findKind, type RequirementKind } from '../kinds';

export { ROOT_PATH, formatIssues, type PackIssue } from './issues';

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

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'giá trị true/false',
  array: 'danh sách (mảng)',
  object: 'đối tượng',
  record: 'đối tượng',
  null: 'null',
  undefined: 'không có giá trị',
};

function typeName(t: string): string {
  return TYPE_NAMES[t] ?? t;
}

function describe(input: unknown): string {
  if (input === undefined) return 'không có giá trị';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'danh sách (mảng)';
  switch (typeof input) {
    case 'string':
      return `chuỗi “${input.length > 40 ? input.slice(0, 40) + '…' : input}”`;
    case 'number':
      return Number.isFinite(input) ? `số ${input}` : 'số không hữu hạn';
    case 'boolean':
      return `giá trị ${String(input)}`;
    case 'object':
      return 'đối tượng';
    default:
      return typeof input;
  }
}

function literal(v: unknown): string {
  return typeof v === 'string' ? `“${v}”` : String(v);
}

type RawIssue = z.core.$ZodRawIssue;

/** Per-parse error map: Vietnamese text for zod's built-in issues (schema-level messages win). */
export function viMessage(iss: RawIssue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return `thiếu trường bắt buộc (cần ${typeName(iss.expected)})`;
      return `sai kiểu: cần ${typeName(iss.expected)}, nhận được ${describe(iss.input)}`;
    case 'invalid_value':
      if (iss.input === undefined)
        return `thiếu trường bắt buộc (cần ${iss.values.map(literal).join(' hoặc ')})`;
      return `giá trị không hợp lệ: cần ${iss.values.map(literal).join(' hoặc ')}, nhận được ${describe(iss.input)}`;
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'string')
        return Number(iss.minimum) <= 1 ? 'không được để trống' : `cần ít nhất ${min} ký tự`;
      if (iss.origin === 'array') return `cần ít nhất ${min} phần tử`;
      return iss.inclusive === false ? `phải lớn hơn ${min}` : `phải lớn hơn hoặc bằng ${min}`;
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'string') return `tối đa ${max} ký tự`;
      if (iss.origin === 'array') return `tối đa ${max} phần tử`;
      return iss.inclusive === false ? `phải nhỏ hơn ${max}` : `phải nhỏ hơn hoặc bằng ${max}`;
    }
    case 'invalid_format':
      return 'sai định dạng';
    case 'not_multiple_of':
      return `phải là bội số của ${iss.divisor}`;
    case 'unrecognized_keys':
      return `trường không được hỗ trợ: ${iss.keys.join(', ')}`;
    case 'invalid_union': {
      if (iss.discriminator) {
        const opts = (Array.isArray(iss.options) ? iss.options : []).map(String).join(', ');
        return `giá trị “${iss.discriminator}” không hợp lệ; cần một trong: ${opts}`;
      }
      const expected = new Set<string>();
      for (const branch of iss.errors) {
        for (const e of branch)
          if (e.code === 'invalid_type' && e.path.length === 0) expected.add(typeName(e.expected));
      }
      const want = expected.size ? [...expected].join(' hoặc ') : 'một kiểu được phép';
      return `sai kiểu: cần ${want.replace('đối tượng', 'đối tượng { "param": "tên tham số" }')}, nhận được ${describe(iss.input)}`;
    }
    case 'invalid_key':
      return 'khóa không hợp lệ';
    case 'invalid_element':
      return 'phần tử không hợp lệ';
    case 'custom':
      return 'giá trị không hợp lệ';
    default:
      return 'giá trị không hợp lệ';
  }
}

export function zodIssues(
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PathKey[],
  out: PackIssue[],
): void {
  for (const iss of issues) {
    const path = [...prefix, ...iss.path];
    if (iss.code === 'unrecognized_keys') {
      for (const k of iss.keys)
        out.push({ path: formatPath([...path, k]), message: `trường “${k}” không được hỗ trợ` });
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
    out.push({ path: formatPath(path), message: iss.message });
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
const TYPE_LABEL: Record<IndType, string> = {
  text: 'văn bản (text)',
  bool: 'Có/Không (bool)',
  count: 'số đếm (count)',
  date: 'ngày (date)',
  choice: 'lựa chọn (choice)',
};

interface IndInfo {
  id: string;
  type: IndType | undefined;
  scale: string | undefined;
  path: string;
  inProfile: boolean;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "DD/MM" → day of year ordinal (for from ≤ to), or a Vietnamese reason it is not a real day. */
export function dayMonth(v: string): { ok: true; ord: number } | { ok: false; why: string } | undefined {
  const m = /^([0-9]{2})\/([0-9]{2})$/.exec(v);
  if (!m) return undefined; // the shape check reports the format
  const d = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return { ok: false, why: `tháng ${m[2]} không tồn tại` };
  if (mo === 2 && d === 29) {
    return { ok: false, why: 'ngày 29/02 không có trong mọi năm; hãy dùng 28/02 hoặc 01/03' };
  }
  if (d < 1 || d > (DAYS_IN_MONTH[mo - 1] ?? 0)) return { ok: false, why: `tháng ${mo} không có ngày ${d}` };
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

  add(path: string, message: string): void {
    if (!this.issues.some((i) => i.path === path && i.message === message))
      this.issues.push({ path, message });
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
          this.add(formatPath(['scales', name, i]), `nhãn “${l}” bị trùng trong thang đo “${name}”`);
        seen.add(key);
      });
    }
    const units = arr(get(this.root, 'unitTypes')).filter((u): u is string => typeof u === 'string');
    const seen = new Set<string>();
    units.forEach((u, i) => {
      if (seen.has(u.toLowerCase())) this.add(formatPath(['unitTypes', i]), `loại đơn vị “${u}” bị trùng`);
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
      if (prev) this.add(`${p}.id`, `mã “${id}” bị trùng (đã dùng tại ${prev.path})`);
      else this.inds.set(id, { id, type, scale, path: p, inProfile });
      const reserved = reservedNameReason(id);
      if (reserved) this.add(`${p}.id`, `mã không dùng được: ${reserved}`);
    }
    if (type === 'choice') {
      if (scale === undefined) this.add(`${p}.scale`, 'chỉ tiêu kiểu choice phải khai báo thang đo (scale)');
      else if (!this.scales.has(scale)) this.add(`${p}.scale`, `thang đo “${scale}” không có trong scales`);
    } else if (scale !== undefined && type !== undefined) {
      this.add(`${p}.scale`, `chỉ kiểu choice mới có thang đo; chỉ tiêu này là ${TYPE_LABEL[type]}`);
    }
    if (type !== undefined && type !== 'count') {
      if (raw.min !== undefined)
        this.add(`${p}.min`, `min chỉ dùng cho kiểu count; chỉ tiêu này là ${TYPE_LABEL[type]}`);
      if (raw.max !== undefined)
        this.add(`${p}.max`, `max chỉ dùng cho kiểu count; chỉ tiêu này là ${TYPE_LABEL[type]}`);
    }
    if (typeof raw.min === 'number' && typeof raw.max === 'number' && raw.min > raw.max) {
      this.add(`${p}.min`, `min (${raw.min}) lớn hơn max (${raw.max})`);
    }
    if (typeof raw.min === 'number' && raw.min < 0 && type === 'count') {
      this.add(`${p}.min`, 'số đếm không thể âm: min phải ≥ 0');
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
      this.add(
        'groups',
        `gói có ${total} tiêu chí; tối đa ${PACK_LIMITS.criteria} (giới hạn độ dài công thức của Excel)`,
      );
    }
    const seenGroupIds = new Map<string, string>();
    arr(get(this.root, 'groups')).forEach((g, gi) => {
      if (!isObj(g)) return;
      const p = formatPath(['groups', gi]);
      if (typeof g.number === 'number' && g.number !== gi + 1) {
        this.add(`${p}.number`, `nhóm phải được đánh số liên tiếp từ 1: cần ${gi + 1}, đang là ${g.number}`);
      }
      const id = str(g.id);
      if (id !== undefined && typeof g.number === 'number' && id !== `g${g.number}`) {
        this.add(`${p}.id`, `mã nhóm “${id}” không khớp số thứ tự ${g.number} (cần “g${g.number}”)`);
      }
      if (id !== undefined) {
        const prev = seenGroupIds.get(id);
        if (prev) this.add(`${p}.id`, `mã nhóm “${id}” bị trùng (đã dùng tại ${prev})`);
        else seenGroupIds.set(id, p);
      }
    });
    let expected = 1;
    for (const { raw, path } of this.criteria()) {
      const p = formatPath(path);
      const num = raw.number;
      if (typeof num === 'number') {
        if (num !== expected) {
          this.add(
            `${p}.number`,
            `tiêu chí phải được đánh số liên tiếp từ 1 qua các nhóm: cần ${expected}, đang là ${num}`,
          );
        }
        const id = str(raw.id);
        if (id !== undefined && /^TC[0-9]{1,3}$/.test(id) && id !== `TC${num}`) {
          this.add(`${p}.id`, `mã tiêu chí “${id}” không khớp số thứ tự ${num} (cần “TC${num}”)`);
        }
      }
      expected++;
    }
  }

  // -- profile ---------------------------------------------------------------------------------

  private checkProfile(): void {
    if (!Array.isArray(get(this.root, 'profile'))) return; // the shape check reports it
    const need: Array<[string, IndType, string]> = [
      [UNIT_NAME_ID, 'text', 'tên đơn vị'],
      [UNIT_TYPE_ID, 'choice', 'loại đơn vị'],
      [YEAR_ID, 'count', 'năm đánh giá'],
      [AS_OF_ID, 'date', 'ngày đánh giá'],
    ];
    for (const [id, type, what] of need) {
      const ind = this.inds.get(id);
      if (!ind || !ind.inProfile) {
        this.add('profile', `thiếu trường hồ sơ bắt buộc “${id}” (${what}, kiểu ${type})`);
        continue;
      }
      if (ind.type !== undefined && ind.type !== type) {
        this.add(
          `${ind.path}.type`,
          `trường “${id}” phải có kiểu ${TYPE_LABEL[type]}, đang là ${TYPE_LABEL[ind.type]}`,
        );
      }
    }
    const loai = this.inds.get(UNIT_TYPE_ID);
    if (
      loai?.inProfile &&
      loai.type === 'choice' &&
      loai.scale !== undefined &&
      loai.scale !== UNIT_TYPE_ID
    ) {
      this.add(
        `${loai.path}.scale`,
        `trường “${UNIT_TYPE_ID}” phải dùng thang đo “${UNIT_TYPE_ID}”, đang là “${loai.scale}”`,
      );
    }
    const units = arr(get(this.root, 'unitTypes'));
    const scale = this.scales.get(UNIT_TYPE_ID);
    if (Array.isArray(get(this.root, 'unitTypes'))) {
      if (!scale) {
        this.add('scales', `thiếu thang đo “${UNIT_TYPE_ID}” (danh sách loại đơn vị, trùng với unitTypes)`);
      } else if (scale.length !== units.length || scale.some((l, i) => l !== units[i])) {
        this.add(
          `scales.${UNIT_TYPE_ID}`,
          `thang đo “${UNIT_TYPE_ID}” phải trùng khớp (cả thứ tự) với unitTypes`,
        );
      }
    }
  }

  // -- references ------------------------------------------------------------------------------

  /** Reference to an indicator that must exist and have `type`; marks it as read. */
  private ref(
    v: unknown,
    path: string,
    type: IndType | readonly IndType[],
    what: string,
  ): IndInfo | undefined {
    const id = str(v);
    if (id === undefined) return undefined;
    const ind = this.inds.get(id);
    if (!ind) {
      this.add(path, `chỉ tiêu “${id}” không tồn tại trong gói`);
      return undefined;
    }
    this.read.add(id);
    const types = typeof type === 'string' ? [type] : type;
    if (ind.type !== undefined && !types.includes(ind.type)) {
      this.add(
        path,
        `${what} cần chỉ tiêu kiểu ${types.map((t) => TYPE_LABEL[t]).join(' hoặc ')}; “${id}” là ${TYPE_LABEL[ind.type]}`,
      );
      return undefined;
    }
    return ind;
  }

  private param(v: unknown, path: string, want: 'number' | 'boolean' | 'string'): unknown {
    if (!isObj(v)) return v;
    const name = str(v.param);
    if (name === undefined) return undefined;
    if (!own(this.params, name)) {
      this.add(`${path}.param`, `tham số “${name}” không có trong parameters`);
      return undefined;
    }
    const value = this.params[name];
    if (typeof value !== want) {
      const wantVi = want === 'number' ? 'số' : want === 'boolean' ? 'true/false' : 'chuỗi văn bản';
      this.add(`${path}.param`, `tham số “${name}” phải là ${wantVi}, đang là ${describe(value)}`);
      return undefined;
    }
    return value;
  }

  private percent(v: unknown, path: string): void {
    const p = this.param(v, path, 'number');
    if (typeof p === 'number' && (!(p > 0) || p > 100))
      this.add(path, `tỷ lệ phần trăm phải lớn hơn 0 và không quá 100, đang là ${p}`);
  }

  private nonNegative(v: unknown, path: string, what: string, integer: boolean): void {
    const p = this.param(v, path, 'number');
    if (typeof p !== 'number') return;
    if (p < 0 || (integer && !Number.isInteger(p))) {
      this.add(path, `${what} phải là ${integer ? 'số nguyên' : 'số'} không âm, đang là ${p}`);
    }
  }

  private date(v: unknown, path: string): number | undefined {
    const s = str(v);
    if (s === undefined) return undefined;
    if (s === 'het_ky') return 1231;
    const r = dayMonth(s);
    if (!r) return undefined;
    if (!r.ok) {
      this.add(path, `ngày “${s}” không hợp lệ: ${r.why}`);
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
        this.add(
          `${path}[${i}]`,
          `“${v}” không phải giá trị của “${ind.id}”; cần một trong: ${labels.join('; ')}`,
        );
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
          const ind = this.ref(
            a.indicator,
            `${p}.applicability.indicator`,
            ['bool', 'choice'],
            'điều kiện áp dụng',
          );
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
      const ind = this.ref(r[field], `${p}.${field}`, type, `yêu cầu loại ${kind.kind}`);
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
      problem: (field, message) => this.add(`${p}.${field}`, message),
    });
  }

  private checkUnread(): void {
    for (const { raw, path } of this.criteria()) {
      if (this.dirty.has(formatPath(path))) continue;
      arr(raw.indicators).forEach((ind, i) => {
        const id = str(get(ind, 'id'));
        const type = str(get(ind, 'type'));
        if (id === undefined || type === 'text' || this.read.has(id)) return;
        this.add(
          formatPath([...path, 'indicators', i, 'id']),
          `chỉ tiêu “${id}” không được yêu cầu nào của gói sử dụng (thiếu quy tắc đánh giá)`,
        );
      });
    }
  }

  private checkPrerequisites(): void {
    arr(get(this.root, 'prerequisites')).forEach((pr, i) => {
      if (!isObj(pr)) return;
      const p = formatPath(['prerequisites', i]);
      const ind = this.ref(pr.indicator, `${p}.indicator`, ['bool', 'choice'], 'điều kiện lựa chọn');
      if (pr.anyOf === undefined && pr.atLeast === undefined) {
        this.add(p, 'điều kiện lựa chọn cần “anyOf” hoặc “atLeast”');
      }
      if (ind) this.checkLabels(ind, pr.anyOf, `${p}.anyOf`);
      if (pr.atLeast !== undefined) {
        const label = this.param(pr.atLeast, `${p}.atLeast`, 'string');
        if (ind && ind.type !== 'choice') {
          this.add(
            `${p}.atLeast`,
            `“atLeast” chỉ dùng cho chỉ tiêu kiểu lựa chọn; “${ind.id}” là ${TYPE_LABEL[ind.type ?? 'text']}`,
          );
        } else if (ind && typeof label === 'string') {
          const labels = this.labelsOf(ind);
          if (labels && !labels.includes(label)) {
            this.add(
              `${p}.atLeast`,
              `“${label}” không có trong thang đo “${ind.scale ?? ''}”; cần một trong: ${labels.join('; ')}`,
            );
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
      if (from !== undefined && !fromInd) this.add(`${p}.from`, `chỉ tiêu “${from}” không tồn tại trong gói`);
      if (to !== undefined && !toInd) this.add(`${p}.to`, `chỉ tiêu “${to}” không tồn tại trong gói`);
      if (to !== undefined) {
        const prev = targets.get(to);
        if (prev) this.add(`${p}.to`, `“${to}” đã được lấy từ năm trước tại ${prev}`);
        else targets.set(to, p);
      }
      if (fromInd && toInd && fromInd.type !== undefined && toInd.type !== undefined) {
        if (fromInd.type !== toInd.type) {
          this.add(
            p,
            `“${fromInd.id}” (${TYPE_LABEL[fromInd.type]}) và “${toInd.id}” (${TYPE_LABEL[toInd.type]}) khác kiểu`,
          );
        } else if (fromInd.type === 'choice' && fromInd.scale !== toInd.scale) {
          this.add(p, `“${fromInd.id}” và “${toInd.id}” dùng hai thang đo khác nhau`);
        }
      }
    });
  }
}

/** Validate an untrusted pack (e.g. parsed from a user's JSON file). Never throws. */
export function validatePack(data: unknown): PackValidation {
  try {
    const issues: PackIssue[] = [];
    const parsed = packSchema.safeParse(data, { error: viMessage });
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
        issues: issues.length ? issues : [{ path: ROOT_PATH, message: 'gói tiêu chí không hợp lệ' }],
      };
    }
    return { ok: true, pack: parsed.data };
  } catch (e) {
    // Defensive only (e.g. a hostile getter in the input): report, never crash.
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [{ path: ROOT_PATH, message: `không đọc được gói tiêu chí: ${why}` }] };
  }
}
