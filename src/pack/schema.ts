/**
 * Pack schema: a criteria pack is versioned data (QĐ 9745/QĐ-BCA-V05 and local variants).
 * Validated with zod; cross-field problems are collected with their paths, never thrown one by one.
 */
import { z } from 'zod';
import { BOOL_NO, BOOL_YES, looksLikeCellRef } from './workbookNames';
import { schemaText } from './issueTexts';
import { KINDS } from '../kinds/registry';

export { looksLikeCellRef };

// No code generation at run time: the add-in pages forbid eval/new Function by their CSP.
z.config({ jitless: true });

/** Excel/LibreOffice-safe defined name: letters, digits, underscore; not a cell reference. */
/** At most 64 characters (every formula names the ids it reads, often several times). */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Size limits of a pack. Labels, scale labels and values are printed into the generated formulas
 * (reasons quote them), so they are bounded such that every formula of a valid pack stays under
 * Excel's 8 192-character limit (test/pack/limits.test.ts builds the largest valid pack and checks
 * every formula of its sheet).
 */
export const PACK_LIMITS = Object.freeze({
  /** an indicator or pack id (ID_PATTERN) */
  id: 64,
  /** indicator label, prerequisite label (quoted in reason formulas) */
  label: 150,
  /** hint beside an input */
  hint: 300,
  /** criterion and group titles, pack titles */
  title: 300,
  /** official wording of a criterion (a cell value, never in a formula) */
  text: 3000,
  /** a scale label, a unit type, an applicability or prerequisite value, a string parameter */
  value: 60,
  /** labels in one scale, unit types, values in one applicability or prerequisite */
  values: 10,
  indicatorsPerCriterion: 12,
  requirementsPerCriterion: 10,
  criteriaPerGroup: 60,
  groups: 12,
  /** criteria in the whole pack (the verdict formula lists the failing ones) */
  criteria: 80,
  profile: 40,
  scales: 30,
  prerequisites: 20,
  priorYear: 200,
  parameters: 100,
});
const L = PACK_LIMITS;
const text = (max: number) => z.string().min(1).max(max);

const idSchema = z
  .string()
  .regex(ID_PATTERN, schemaText('schema.id'))
  .refine((s) => !looksLikeCellRef(s), schemaText('schema.idCellRef'));

/** Day and month inside the evaluation year, "DD/MM". */
export const dayMonthSchema = z
  .string()
  .regex(/^(0[1-9]|[12][0-9]|3[01])\/(0[1-9]|1[0-2])$/, schemaText('schema.dayMonth'));

/**
 * When a timed requirement falls due: a calendar day of year `nam` ("DD/MM"), or `het_ky` — the
 * end of the evaluation period of the plan in force (yearly requirements: "trong năm", "hằng năm").
 */
export const dueSchema = z.union([dayMonthSchema, z.literal('het_ky')]);

/** A number, or a reference to a pack parameter by name. */
export const numberOrParam = z.union([z.number(), z.object({ param: z.string() }).strict()]);
export const boolOrParam = z.union([z.boolean(), z.object({ param: z.string() }).strict()]);
export const labelOrParam = z.union([z.string().max(L.value), z.object({ param: z.string() }).strict()]);

export const indicatorTypeSchema = z.enum(['text', 'bool', 'count', 'date', 'choice']);

export const indicatorSchema = z
  .object({
    id: idSchema,
    label: text(L.label),
    type: indicatorTypeSchema,
    /** For `choice`: the scale name in `pack.scales`. */
    scale: z.string().optional(),
    /** For `count`: values outside [min, max] are `invalid` (e.g. months ≤ 12, totals ≥ 1). */
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    /** Profile fields only: must be filled (a warning otherwise). */
    required: z.boolean().optional(),
    /** Short help shown beside the input. */
    hint: z.string().max(L.hint).optional(),
  })
  .strict();

const applicabilitySchema = z
  .object({
    indicator: z.string(),
    /** `only`: applies only when the indicator equals one of `values`; `except`: n/a when it does. */
    mode: z.enum(['only', 'except']),
    values: z.array(z.string().max(L.value)).min(1).max(L.values),
  })
  .strict();

/**
 * The pieces a requirement kind's schema is built from (src/kinds/*.ts: a kind never imports zod,
 * so that the engine and the sheet, which read the kinds table, do not load it).
 */
export const KIND_SCHEMA_PARTS = {
  /** a reference to an indicator by id (the validator checks it exists and has the right type) */
  ref: z.string(),
  numberOrParam,
  boolOrParam,
  labelOrParam,
  dayMonth: dayMonthSchema,
  due: dueSchema,
  /** Có / Không */
  yesNo: z.enum([BOOL_YES, BOOL_NO]),
  /**
   * A requirement of kind `kind` with these fields: a strict object (unknown fields are reported)
   * with the optional `applicability` every requirement may have, last.
   */
  branch<K extends string, S extends z.ZodRawShape>(kind: K, fields: S) {
    return z.strictObject({
      kind: z.literal(kind),
      ...fields,
      applicability: applicabilitySchema.optional(),
    });
  },
};
export type KindSchemaParts = typeof KIND_SCHEMA_PARTS;

/** One branch per requirement kind of the registry (src/kinds/registry.ts), in its order. */
function requirementBranches() {
  const [first, ...rest] = KINDS.map((k) => k.schema(z, KIND_SCHEMA_PARTS));
  if (!first) throw new Error('no requirement kinds registered');
  return [first, ...rest] as const;
}

export const requirementSchema = z.discriminatedUnion('kind', requirementBranches());

/** One guidance text: short, single-line, no padding (shown in the pane, the sheet and `check --explain`). */
export const GUIDANCE_MAX_LENGTH = 400;
const guidanceText = z
  .string()
  .min(1)
  .max(GUIDANCE_MAX_LENGTH, schemaText('zod.maxChars', { max: GUIDANCE_MAX_LENGTH }))
  .refine((s) => s === s.trim() && !/\s{2}|[\r\n\t]/.test(s), schemaText('schema.spaces'));

/**
 * What a unit needs to show and do for one criterion: the evidence that counts (what to write in the
 * Minh chứng cell) and, per failure status, how to fix it. `source` names the documents the texts
 * come from; where those are silent the texts say so.
 */
export const guidanceSchema = z
  .object({
    evidence: guidanceText,
    fix: z
      .object({
        fail: guidanceText.optional(),
        missing: guidanceText.optional(),
        invalid: guidanceText.optional(),
        not_due: guidanceText.optional(),
      })
      .strict(),
    source: guidanceText.optional(),
  })
  .strict();

export const criterionSchema = z
  .object({
    id: z.string().regex(/^TC[0-9]{1,3}$/, schemaText('schema.criterionId')),
    number: z.number().int().min(1),
    /** Short title for lists and the task pane. */
    title: text(L.title),
    /** Official wording from the decision (Phụ lục I/II). */
    text: text(L.text),
    indicators: z.array(indicatorSchema).min(1).max(L.indicatorsPerCriterion),
    requirements: z.array(requirementSchema).min(1).max(L.requirementsPerCriterion),
    /** Evidence hint and how to fix each failure status (optional for user packs). */
    guidance: guidanceSchema.optional(),
  })
  .strict();

export const groupSchema = z
  .object({
    id: z.string().regex(/^g[0-9]{1,2}$/, schemaText('schema.groupId')),
    number: z.number().int().min(1),
    title: text(L.title),
    criteria: z.array(criterionSchema).min(1).max(L.criteriaPerGroup),
  })
  .strict();

export const prerequisiteSchema = z
  .object({
    indicator: z.string(),
    /** bool/choice: one of these values. */
    anyOf: z.array(z.string().max(L.value)).max(L.values).optional(),
    /** choice: at least this label on its scale. */
    atLeast: labelOrParam.optional(),
    label: text(L.label),
  })
  .strict();

export const priorYearSchema = z
  .object({
    /** id in last year's workbook */
    from: z.string(),
    /** id in this year's workbook */
    to: z.string(),
  })
  .strict();

export const packSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: idSchema,
    version: z.string().regex(/^[0-9]+\.[0-9]+(\.[0-9]+)?$/, schemaText('schema.version')),
    title: text(L.title),
    shortTitle: text(L.title),
    legalBasis: text(L.title),
    /** Name of the scale listing the unit types (used by `loai_don_vi`). */
    unitTypes: z.array(text(L.value)).min(1).max(L.values),
    scales: z
      .record(z.string().max(64), z.array(text(L.value)).min(2).max(L.values))
      .refine((r) => Object.keys(r).length <= L.scales, schemaText('schema.maxScales', { max: L.scales })),
    parameters: z
      .record(z.string().max(64), z.union([z.number(), z.boolean(), z.string().max(L.value)]))
      .refine(
        (r) => Object.keys(r).length <= L.parameters,
        schemaText('schema.maxParameters', { max: L.parameters }),
      ),
    profile: z.array(indicatorSchema).min(1).max(L.profile),
    prerequisites: z.array(prerequisiteSchema).max(L.prerequisites).default([]),
    priorYear: z.array(priorYearSchema).max(L.priorYear).default([]),
    groups: z.array(groupSchema).min(1).max(L.groups),
  })
  .strict();

export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
export type Group = z.infer<typeof groupSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type Guidance = z.infer<typeof guidanceSchema>;
/** The statuses a guidance `fix` can address. */
export type FixStatus = keyof Guidance['fix'];
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorType = z.infer<typeof indicatorTypeSchema>;
export type Requirement = z.infer<typeof requirementSchema>;
export type RequirementKind = Requirement['kind'];
export type Prerequisite = z.infer<typeof prerequisiteSchema>;
export type NumberOrParam = z.infer<typeof numberOrParam>;
export type BoolOrParam = z.infer<typeof boolOrParam>;
export type LabelOrParam = z.infer<typeof labelOrParam>;

// names and values that code without zod needs (the engine, sheets, readers): ./workbookNames.ts
export { BOOL_NO, BOOL_YES, evidenceId, statusName } from './workbookNames';
