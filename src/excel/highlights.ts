/**
 * What Đánh giá and Xóa đánh dấu write on a criteria sheet: highlight rules tagged in their
 * formula, explanation cells (the status row, EXPLANATION_OFFSET columns right of the status cell:
 * src/sheet/geometry.ts), and (without conditional formats) direct fills recorded in hidden names
 * `tc_danh_dau_N` (src/pack/workbookNames.ts). The writes are queued on a WritePlan
 * (./protection.ts); ./evaluateSheet.ts decides what to write.
 */
import type { CriterionResult, Evaluation } from '../engine/evaluate';
import { STATUS_LABELS } from '../engine/status';
import type { CellValue } from '../engine/values';
import { FILL_REGISTRY_PREFIX, statusName } from '../pack/workbookNames';
import { serialToVi } from '../engine/dates';
import {
  absoluteAddress,
  cellAddress,
  parseReference,
  quoteSheet,
  rectAddress,
  type Rect,
} from '../sheet/address';
import { EXPLANATION_OFFSET } from '../sheet/geometry';
import type { XlConditionalFormat, XlContext, XlNamedItem, XlWorksheet } from './officeTypes';
import type { WritePlan } from './protection';
import type { SheetRead } from './readSheet';

/** The tag inside the formula of every highlight rule the add-in adds. */
export const HIGHLIGHT_TAG = 'N("tieuchi:danh_dau")';
const HIGHLIGHT_TAG_RE = /N\(\s*"tieuchi:danh_dau"\s*\)/i;
/** Prefix of the explanation texts the add-in writes. */
export const EXPLANATION_PREFIX = '[Đánh giá ';
export { FILL_REGISTRY_PREFIX };
/** Highlight colours: light red fill, dark red bold text. */
export const HIGHLIGHT_FILL = '#FFC7CE';
export const HIGHLIGHT_FONT = '#9C0006';
/** Statuses the add-in highlights and explains ("needs fixing"). */
export const FAILING: ReadonlySet<string> = new Set(['fail', 'invalid']);

/** A direct fill the fallback made: the hidden name recording it and the fill before. */
export interface RegistryEntry {
  item: XlNamedItem;
  rect: Rect;
  previous: string;
}

export const isOurRule = (cf: XlConditionalFormat): boolean =>
  cf.type === 'Custom' &&
  !cf.customOrNullObject.isNullObject &&
  HIGHLIGHT_TAG_RE.test(cf.customOrNullObject.rule.formula);

export const isOurExplanation = (v: CellValue): boolean =>
  typeof v === 'string' && v.startsWith(EXPLANATION_PREFIX);

/** Queue the removal of everything the add-in highlighted or explained on the sheet. */
export function queueClear(
  r: SheetRead,
  plan: WritePlan,
  keepExplanationsAt: ReadonlySet<string> = new Set(),
): void {
  // by id: an item addressed by position would shift as earlier ones are deleted
  const coll = r.cfs.length ? r.ws.getRange().conditionalFormats : undefined;
  for (const cf of r.cfs) if (coll && isOurRule(cf)) plan.other(() => coll.getItem(cf.id).delete());
  for (const g of r.pack.groups) {
    for (const c of g.criteria) {
      const kq = r.names.get(statusName(c));
      if (!kq) continue;
      const row = kq.row;
      const col = kq.col + EXPLANATION_OFFSET;
      const address = cellAddress(row, col);
      if (keepExplanationsAt.has(address)) continue;
      if (isOurExplanation(r.at(row, col))) plan.other(() => (r.ws.getRange(address).values = [['']]));
    }
  }
}

/** Fallback registry: names `tc_danh_dau_N` on the sheet, comment = previous fill. */
export function registry(sheetNames: XlNamedItem[]): RegistryEntry[] {
  const out: RegistryEntry[] = [];
  for (const n of sheetNames) {
    if (!n.name.toLowerCase().startsWith(FILL_REGISTRY_PREFIX) || typeof n.value !== 'string') continue;
    const ref = parseReference(n.value);
    if (ref) out.push({ item: n, rect: ref.rect, previous: n.comment });
  }
  return out;
}

export function queueRestoreFills(r: SheetRead, reg: readonly RegistryEntry[], plan: WritePlan): void {
  for (const e of reg) {
    plan.other(() => {
      const fill = r.ws.getRange(rectAddress(e.rect)).format.fill;
      if (e.previous === '' || e.previous.toUpperCase() === '#FFFFFF') fill.clear();
      else fill.color = e.previous;
      e.item.delete();
    });
  }
}

/** The cells to highlight for a failing criterion: its status cell and the inputs that fail. */
export function targetsOf(c: CriterionResult): string[] {
  const failingReqs = c.requirements.filter((q) => q.status === c.status);
  const ids = new Set(failingReqs.flatMap((q) => [...q.indicators]));
  const inputs = c.indicators.filter((id) => ids.has(id) && id !== c.evidence);
  return inputs.length ? inputs : c.indicators.filter((id) => id !== c.evidence);
}

export function highlightFormula(kqName: string): string {
  const fail = STATUS_LABELS.fail;
  const invalid = STATUS_LABELS.invalid;
  return `=AND(${HIGHLIGHT_TAG}=0,OR(${kqName}="${fail}",${kqName}="${invalid}"))`;
}

export function explanationText(ev: Evaluation, c: CriterionResult): string {
  const text = `${EXPLANATION_PREFIX}${serialToVi(ev.asOf)}] ${c.id} ${c.label}: ${c.reasons.join('; ')}`;
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/** A highlight of the rectangle `rect` while status cell `kq` fails. */
export interface Highlight {
  rect: Rect;
  kq: string;
}

/** Queue a tagged conditional format per highlight (ExcelApi 1.6). */
export function queueHighlightRules(
  ws: XlWorksheet,
  highlights: readonly Highlight[],
  plan: WritePlan,
): void {
  for (const h of highlights) {
    plan.other(() => {
      const cf = ws.getRange(rectAddress(h.rect)).conditionalFormats.add('Custom');
      cf.custom.rule.formula = highlightFormula(h.kq);
      cf.custom.format.fill.color = HIGHLIGHT_FILL;
      cf.custom.format.font.color = HIGHLIGHT_FONT;
      cf.custom.format.font.bold = true;
      cf.priority = 0;
    });
  }
}

/** The fill registry on the sheet (one round trip): the hidden names `tc_danh_dau_N`. */
export async function loadRegistry(ctx: XlContext, ws: XlWorksheet): Promise<RegistryEntry[]> {
  const sheetNames = ws.names;
  sheetNames.load('items/name,items/type,items/value,items/comment');
  await ctx.sync();
  return registry(sheetNames.items);
}

/**
 * Fallback without conditional formats: restore the fills recorded before, then fill each
 * highlight directly, recording the fill it had (one more round trip to read those fills).
 */
export async function queueDirectFills(
  ctx: XlContext,
  r: SheetRead,
  highlights: readonly Highlight[],
  plan: WritePlan,
): Promise<void> {
  const ws = r.ws;
  const reg = await loadRegistry(ctx, ws);
  queueRestoreFills(r, reg, plan);
  const before = highlights.map((h) => {
    const fill = ws.getRange(rectAddress(h.rect)).format.fill;
    fill.load('color');
    return { ...h, fill };
  });
  await ctx.sync();
  before.forEach((f, i) => {
    // a cell we highlighted before: its fill before that (restored in this same batch)
    const ours = reg.find((e) => rectAddress(e.rect) === rectAddress(f.rect));
    const prev = ours ? ours.previous : typeof f.fill.color === 'string' ? f.fill.color : '';
    plan.other(() => {
      ws.getRange(rectAddress(f.rect)).format.fill.color = HIGHLIGHT_FILL;
      const address = `=${quoteSheet(r.sheetName)}!${absoluteAddress(f.rect)}`;
      ws.names.add(`${FILL_REGISTRY_PREFIX}${i + 1}`, address, prev).visible = false;
    });
  });
}
