/**
 * Who issues, signs, receives and recognises — resolved once from the unit's values and the plan's
 * roles, for every document of the Word dossier. Pure.
 *
 * Rules (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * - issuer: the plan's proposer for the pack — "Ủy ban nhân dân" gives "ỦY BAN NHÂN DÂN / PHƯỜNG 1"
 *   (no chủ quản line), a head of unit gives the unit's own name (with its chủ quản line when
 *   given, "…" for a cơ quan or cơ sở giáo dục, none for a doanh nghiệp), any other body (Ban Chỉ
 *   đạo, Hội đồng…) gives that body of the unit under the unit's UBND as chủ quản;
 * - place: a commune's name without its type ("Tân Lập"), a name that is a number keeps its type
 *   ("Phường 1"), an agency uses the province's short name ("Hà Nội");
 * - signer: the plan's capacity and title for the pack; the generic "THỦ TRƯỞNG ĐƠN VỊ" becomes the
 *   head of the unit's type (HIỆU TRƯỞNG, GIÁM ĐỐC, THỦ TRƯỞNG CƠ QUAN).
 */
import type { Evaluation } from '../engine/evaluate';
import { isBlank, rawText, type CellValue, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { UNIT_NAME_ID, UNIT_TYPE_ID } from '../pack/workbookNames';
import type { Plan, Signer } from '../plan/schema';

/** What an official fills in by hand: shown as an ellipsis, never invented. */
export const BLANK = '…';
export const MOVEMENT = 'điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc';

const COMMUNE_TYPES = ['xã', 'phường', 'thị trấn', 'đặc khu'];
const GENERIC_HEAD = 'THỦ TRƯỞNG ĐƠN VỊ';
/** A body of the commune level ("… cấp xã", "… xã, phường, thị trấn"). */
const COMMUNE_BODY =
  /\s(?:cấp xã|(?:xã|phường|thị trấn|đặc khu)(?:\s*,\s*(?:xã|phường|thị trấn|đặc khu))*)$/u;

export const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
export const lowerVi = (s: string): string => s.toLocaleLowerCase('vi');
export const upperVi = (s: string): string => s.toLocaleUpperCase('vi');
export const capitalise = (s: string): string => upperVi(s.charAt(0)) + s.slice(1);

export function textValue(v: CellValue | undefined): string {
  if (v === undefined || isBlank(v)) return '';
  return typeof v === 'string' ? norm(v) : rawText(v);
}

export interface DossierOptions {
  /** the chủ quản line above the issuer, e.g. "UBND PHƯỜNG 1" for a school */
  parentIssuer?: string;
  /** the issuer's abbreviation in "Số: …/TTr-XX" */
  abbreviation?: string;
}

/** An issuing body as printed in the header. */
export interface Issuer {
  /** chủ quản line(s), upper case; empty when there is none */
  parent: string[];
  /** issuing body lines, upper case */
  lines: string[];
  /** abbreviation for the document number ("UBND", "BCĐ", "…") */
  code: string;
  /** the body in running text, e.g. "Ủy ban nhân dân phường 1" */
  text: string;
}

export interface DossierContext {
  pack: Pack;
  plan: Plan;
  values: Values;
  evaluation: Evaluation;
  unitName: string;
  unitType: string;
  commune: boolean;
  /** the unit in running text: "phường 1", "Trường THCS Nguyễn Du" */
  unitPhrase: string;
  /** "xã", "phường", "cơ sở giáo dục"… for "… điển hình" */
  unitKind: string;
  /** the unit's issuing body (tờ trình, báo cáo) */
  issuer: Issuer;
  /** the review body (biên bản họp xét) */
  reviewBody: Issuer;
  /** place of the date line */
  place: string;
  signer: Signer;
}

/** "Tân Lập" + "Xã" → "xã Tân Lập"; "Phường 1" stays "phường 1"; agencies keep their name. */
export function unitPhrase(name: string, type: string): string {
  const n = norm(name);
  const t = lowerVi(norm(type));
  if (!n) return t ? `${t} ${BLANK}` : BLANK;
  if (!COMMUNE_TYPES.includes(t)) return n;
  if (lowerVi(n).startsWith(`${t} `)) return `${t}${n.slice(t.length)}`;
  return `${t} ${n}`;
}

/**
 * The place of the date line. A commune: its name without the type, unless the name is a number
 * ("Phường 1"); an agency: the province without "Tỉnh"/"Thành phố" ("Hà Nội").
 */
export function placeName(unitName: string, unitType: string, province: string, commune: boolean): string {
  if (commune) {
    const phrase = unitPhrase(unitName, unitType);
    const t = lowerVi(norm(unitType));
    const bare = t && phrase.startsWith(`${t} `) ? phrase.slice(t.length + 1) : phrase;
    if (!bare || bare.startsWith(BLANK)) return BLANK;
    return /^\d/.test(bare) ? capitalise(phrase) : bare;
  }
  const prov = norm(province).replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, '');
  return prov || BLANK;
}

/** "TM. ỦY BAN NHÂN DÂN" → "ỦY BAN NHÂN DÂN" */
const bodyOfCapacity = (capacity: string): string => norm(capacity.replace(/^(TM|KT|Q|TL|TUQ)\.\s*/u, ''));

/** A head of unit by the unit's type, for the plan's generic "THỦ TRƯỞNG ĐƠN VỊ". */
export function headTitle(unitType: string): string {
  switch (lowerVi(norm(unitType))) {
    case 'cơ sở giáo dục':
      return 'HIỆU TRƯỞNG';
    case 'doanh nghiệp':
      return 'GIÁM ĐỐC';
    case 'cơ quan':
      return 'THỦ TRƯỞNG CƠ QUAN';
    default:
      return GENERIC_HEAD;
  }
}

/** A body's abbreviation for the document number. */
export function abbreviate(body: string): string {
  const b = lowerVi(norm(body));
  if (b.startsWith('ủy ban nhân dân') || b.startsWith('ubnd')) return 'UBND';
  if (b.startsWith('ban chỉ đạo')) return 'BCĐ';
  if (b.startsWith('hội đồng thi đua')) return 'HĐTĐKT';
  if (b.startsWith('hội đồng')) return 'HĐ';
  return BLANK;
}

/**
 * A generic body of the plan made the unit's own: "Ban Chỉ đạo phòng, chống tội phạm phường, xã"
 * → "Ban Chỉ đạo phòng, chống tội phạm phường 1"; "… cấp xã" likewise; "… của đơn vị" drops the tail.
 */
export function bodyOfUnit(body: string, phrase: string, commune: boolean): { header: string; text: string } {
  const b = norm(body);
  if (COMMUNE_BODY.test(b)) {
    const own = commune ? b.replace(COMMUNE_BODY, ` ${phrase}`) : b.replace(COMMUNE_BODY, '');
    return { header: own, text: commune ? own : `${own} ${phrase}` };
  }
  const bare = b.replace(/\s+của đơn vị$/u, '');
  // the header names the body under its unit (chủ quản line); running text names the unit
  return { header: bare, text: `${bare} ${commune ? phrase : `của ${phrase}`}` };
}

function issuerOf(ctx: { proposer: string; capacity: string }, unit: UnitInfo, opts: DossierOptions): Issuer {
  // "Hội đồng bảo vệ an ninh, trật tự / Ủy ban nhân dân": the alternative the signer speaks for
  const alternatives = ctx.proposer.split('/').map(norm).filter(Boolean);
  const capBody = lowerVi(bodyOfCapacity(ctx.capacity));
  const proposer =
    alternatives.find((a) => capBody && lowerVi(a).startsWith(capBody)) ?? alternatives[0] ?? '';
  const parent = opts.parentIssuer ? [upperVi(norm(opts.parentIssuer))] : [];
  if (/^(ủy ban nhân dân|ubnd)$/iu.test(proposer) || (!proposer && unit.commune)) {
    return {
      parent,
      lines: ['ỦY BAN NHÂN DÂN', upperVi(unit.phrase)],
      code: opts.abbreviation ?? 'UBND',
      text: `Ủy ban nhân dân ${unit.phrase}`,
    };
  }
  if (/^thủ trưởng/iu.test(proposer) || !proposer) {
    const school = ['cơ sở giáo dục', 'cơ quan'].includes(lowerVi(unit.type));
    return {
      parent: parent.length ? parent : school ? [BLANK] : [],
      lines: [upperVi(unit.name || BLANK)],
      code: opts.abbreviation ?? BLANK,
      text: unit.name || BLANK,
    };
  }
  const own = bodyOfUnit(proposer, unit.phrase, unit.commune);
  return {
    parent: parent.length ? parent : [unitHeadBody(unit)],
    lines: [upperVi(own.header)],
    code: opts.abbreviation ?? abbreviate(own.header),
    text: own.text,
  };
}

interface UnitInfo {
  name: string;
  type: string;
  phrase: string;
  commune: boolean;
}

/** The unit's own body for a chủ quản line: "UBND PHƯỜNG 1", or the unit's name. */
function unitHeadBody(unit: UnitInfo): string {
  return unit.commune ? `UBND ${upperVi(unit.phrase)}` : upperVi(unit.name || BLANK);
}

function reviewBodyOf(plan: Plan, unit: UnitInfo, issuer: Issuer): Issuer {
  // an agency, school or enterprise under a plan whose review body is the commune's: the unit
  // reviews itself (its leadership signs the biên bản), under its own header
  if (!unit.commune && COMMUNE_BODY.test(norm(plan.roles.reviewBody))) return issuer;
  const own = bodyOfUnit(plan.roles.reviewBody, unit.phrase, unit.commune);
  return {
    parent: [unitHeadBody(unit)],
    lines: [upperVi(own.header)],
    code: abbreviate(own.header),
    text: own.text,
  };
}

export function dossierContext(
  pack: Pack,
  plan: Plan,
  values: Values,
  evaluation: Evaluation,
  opts: DossierOptions = {},
): DossierContext {
  const unitName = textValue(values[UNIT_NAME_ID]);
  // the type left blank: "Phường 1" says it is a phường
  const unitType =
    textValue(values[UNIT_TYPE_ID]) ||
    capitalise(COMMUNE_TYPES.find((t) => lowerVi(unitName).startsWith(`${t} `)) ?? '');
  const commune = COMMUNE_TYPES.includes(lowerVi(unitType)) || (!unitType && pack.id === 'xa');
  const phrase = unitPhrase(unitName, unitType || (commune ? 'xã' : ''));
  const unit: UnitInfo = { name: unitName, type: unitType, phrase, commune };
  const planSigner = plan.roles.signer[pack.id];
  const signer: Signer = planSigner
    ? {
        capacity: planSigner.capacity,
        title: planSigner.title === GENERIC_HEAD ? headTitle(unitType) : planSigner.title,
      }
    : commune
      ? { capacity: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' }
      : { capacity: '', title: headTitle(unitType) };
  const proposer = plan.roles.proposer[pack.id] ?? '';
  const issuer = issuerOf({ proposer, capacity: signer.capacity }, unit, opts);
  return {
    pack,
    plan,
    values,
    evaluation,
    unitName,
    unitType,
    commune,
    unitPhrase: phrase,
    unitKind: lowerVi(unitType) || (commune ? 'xã' : 'cơ quan'),
    issuer,
    reviewBody: reviewBodyOf(plan, unit, issuer),
    place: placeName(unitName, unitType, textValue(values.tinh), commune),
    signer,
  };
}

/** "Tỉnh Đồng Tháp" → "tỉnh Đồng Tháp" in running text. */
export function provinceText(province: string): string {
  return norm(province).replace(/^(Tỉnh|Thành phố)\s/u, (m) => lowerVi(m));
}

/** "phường 1 điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025" */
export function recognitionPhrase(ctx: DossierContext): string {
  return `${ctx.unitPhrase} ${MOVEMENT} năm ${ctx.evaluation.year}`;
}
