/**
 * The contract a requirement kind is written against. A kind is one file in this folder (see
 * ./registry.ts for the table and docs/architecture.md for the rules): its pack schema, the
 * indicators it reads, its cross-field checks, its meaning as a rule tree, the short text the
 * sheet prints in the "Yêu cầu" column, and one line of documentation.
 *
 * A kind imports nothing at run time but the rule-tree constructors (src/engine/ast.ts) and its
 * siblings here: zod, the pack's schema pieces, the compiler's context, the validator and the
 * sheet's parameter lookups are handed to it by the code that calls it. So the engine and the
 * sheet, which read this table, never load zod (test/arch/imports.test.ts).
 */
import type { z } from 'zod';
import type {
  BoolOrParam,
  Indicator,
  IndicatorType,
  KindSchemaParts,
  LabelOrParam,
  NumberOrParam,
} from '../pack/schema';
import type { Bool, CompiledRequirement, Msg, MsgPart, Num, StatusExpr } from '../engine/ast';
import type { IssueArgs, IssueKey } from '../pack/issueTexts';

/** zod itself, passed to a kind's `schema` by src/pack/schema.ts (kinds never import it). */
export type Zod = typeof z;

/** What a kind's schema may produce: a strict object whose `kind` is the kind's name. */
export type KindSchema<K extends string> = z.ZodType<{ kind: K }>;

/** The requirement a kind's schema accepts (the pack data the other functions receive). */
export type RequirementData<S extends z.ZodType> = z.output<S>;

/** The fields of a requirement that name an indicator, and the type each one must have. */
export type KindRefs<R> = { readonly [F in Exclude<keyof R, 'kind' | 'applicability'>]?: IndicatorType };

/**
 * How the compiler (src/engine/compile.ts) hands a kind the pack it compiles: indicators,
 * parameters with the plan's overrides, the plan's period, and the usual message pieces.
 */
export interface CompileContext {
  /** The indicator with this id (validation guarantees it exists). */
  ind(id: string): Indicator;
  /** A number or a pack parameter (with the plan's overrides) resolved. */
  num(v: NumberOrParam): number;
  bool(v: BoolOrParam): boolean;
  label(v: LabelOrParam): string;
  /** Scale labels at least as good as `min` (scales are best first). */
  atLeast(ind: Indicator, min: string): string[];
  /** The indicator holds one of `labels`, in any accepted spelling (case, diacritics, NFC/NFD). */
  isOneOf(ind: Indicator, labels: readonly string[]): Bool;
  /** The indicator (bool) holds “Có”. */
  yes(ind: Indicator): Bool;
  /** A valid value of the indicator as messages print it (counts as integers, dates dd/mm/yyyy). */
  shown(ind: Indicator): MsgPart;
  /** A `due` day ("DD/MM" of year `nam`, or `het_ky` = the end of the plan's period) as a date. */
  dueDate(due: string): Num;
  /** Still open on the as-of date: on or before the due day and before the period's end. */
  open(due: string): Bool;
  /** The due day as a message (with "(hết kỳ đánh giá)" for `het_ky`). */
  dueText(due: string): Msg;
  /** The as-of date is before the plan's evaluation period. */
  readonly beforePeriod: Bool;
  /** "chưa đến kỳ đánh giá (kỳ bắt đầu dd/mm/yyyy)" */
  readonly notStarted: Msg;
  /** Whole months of the evaluation period up to the as-of date (0 before it, all after it). */
  readonly monthsElapsed: Num;
  /** A requirement that reads one indicator: its malformed values are `invalid` first, then `expr`. */
  single(ind: Indicator, expr: StatusExpr): CompiledRequirement;
  /** Malformed values of these indicators are `invalid` (in this order), then `body`. */
  guard(ids: readonly string[], body: StatusExpr): StatusExpr;
}

/** A referenced indicator as the validator knows it (its type may be unknown in a broken pack). */
export interface CheckedIndicator {
  id: string;
  scale: string | undefined;
  /** the labels a bool or choice indicator can take */
  labels: readonly string[] | undefined;
}

/**
 * How the validator (src/pack/validate.ts) hands a kind one requirement to cross-check. The
 * requirement is raw data (the shape check may have failed too): fields are `unknown`. Problems
 * are reported against a field of the requirement; each helper reports what it finds itself.
 */
export interface KindChecks {
  /** the requirement as written in the pack file */
  readonly raw: Readonly<Record<string, unknown>>;
  /** The indicator a reference field names, when it exists and has the right type. */
  referenced(field: string): CheckedIndicator | undefined;
  /** A "DD/MM" day or `het_ky` in `field`: reports a day that does not exist; an ordinal to compare. */
  day(field: string): number | undefined;
  /** A number (or number parameter) ≥ 0, whole when `integer`; `what` names it in the message. */
  nonNegative(field: string, what: IssueKey & `what.${string}`, integer: boolean): void;
  /** A percentage (or number parameter) in (0, 100]. */
  percent(field: string): void;
  /** A value or `{ "param": … }` of the wanted type: the resolved value, undefined after a problem. */
  param(field: string, want: 'number' | 'boolean' | 'string'): unknown;
  /** A problem of `field`: a key of src/pack/issueTexts.ts and its values (said by the faces). */
  problem(field: string, ...issue: IssueArgs): void;
}

/** How the sheet (src/sheet/layout.ts) resolves a requirement's values for its "Yêu cầu" text. */
export interface TextContext {
  num(v: NumberOrParam): number;
  bool(v: BoolOrParam): boolean;
  label(v: LabelOrParam): string;
  /** "DD/MM" as printed, or "hết kỳ đánh giá" for `het_ky` */
  day(due: string): string;
  /** the labels of a choice indicator's scale, best first */
  scale(ind: Indicator): readonly string[];
}

/** One requirement kind, as its file writes it (see ./equals.ts for the smallest). */
export interface KindSpec<K extends string, S extends KindSchema<K>> {
  kind: K;
  /** One line for docs/packs.md: what the requirement asks (Markdown). */
  doc: string;
  /** The pack schema of the requirement: `p.branch(kind, fields)` gives a strict object. */
  schema: (z: Zod, p: KindSchemaParts) => S;
  /** The fields that name indicators, in the order they are checked, and the type each needs. */
  refs: KindRefs<RequirementData<S>>;
  /** Cross-field checks beyond the shape and the references (parameters, days). */
  check?: (v: KindChecks) => void;
  /** The requirement's meaning: a status tree built only from the AST primitives. */
  compile: (c: CompileContext, r: RequirementData<S>) => CompiledRequirement;
  /**
   * What the requirement asks of the indicator in reference field `field`, in a few words (the
   * sheet's "Yêu cầu" column).
   */
  expectation: (x: TextContext, r: RequirementData<S>, field: string, ind: Indicator) => string;
  /** The day it falls due ("DD/MM" or `het_ky`), for the pane's deadlines; none by default. */
  deadline?: (r: RequirementData<S>) => string | undefined;
}

/** A requirement as the table's users see it before they know its kind. */
export interface AnyRequirement {
  kind: string;
}

/**
 * A kind in the registry, its functions taking any requirement: each checks that the requirement
 * is of its kind before it reads it (a requirement of another kind is an internal error). The
 * schema keeps its precise type: the pack's `Requirement` union is built from it.
 */
export interface RequirementKind<K extends string = string, S extends KindSchema<K> = KindSchema<K>> {
  kind: K;
  doc: string;
  schema: (z: Zod, p: KindSchemaParts) => S;
  /** reference fields and their indicator types, in order */
  refs: ReadonlyArray<readonly [string, IndicatorType]>;
  /** The first reference field of `r` that names indicator `id`, or undefined. */
  fieldReading(r: AnyRequirement, id: string): string | undefined;
  check(v: KindChecks): void;
  compile(c: CompileContext, r: AnyRequirement): CompiledRequirement;
  expectation(x: TextContext, r: AnyRequirement, field: string, ind: Indicator): string;
  deadline(r: AnyRequirement): string | undefined;
}
