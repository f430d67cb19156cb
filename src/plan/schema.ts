/**
 * Plan schema: what a province's (or commune's) kế hoạch fixes for one year of the movement — the
 * evaluation period, the review and deadline dates, whether the selection prerequisites gate the
 * verdict, who reviews, signs and recognises, the pack parameters it overrides and the emulation
 * targets it sets. Versioned data beside the criteria pack; validated with zod, problems collected
 * with their paths (./validate.ts). Dates are day/month plus a year offset from the evaluation
 * year `nam`, so one plan serves any year (a plan issued for one year says so in `year`).
 */
import { z } from 'zod';
import { dayMonthSchema } from '../pack/schema';
import { schemaText } from '../pack/issueTexts';

// No code generation at run time: the add-in pages forbid eval/new Function by their CSP.
z.config({ jitless: true });

export const PLAN_ID_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/** A day of the plan: "DD/MM" in year `nam + yearOffset`. */
export const planDaySchema = z
  .object({
    dayMonth: dayMonthSchema,
    /** years after the evaluation year `nam` (−1: the year before) */
    yearOffset: z.number().int().min(-1).max(1).default(0),
  })
  .strict();

export const signerSchema = z
  .object({
    /** "TM. ỦY BAN NHÂN DÂN", "TM. BAN CHỈ ĐẠO", "KT. CHỦ TỊCH"… (may be empty for a head of unit) */
    capacity: z.string(),
    /** "CHỦ TỊCH", "TRƯỞNG BAN", "HIỆU TRƯỞNG"… */
    title: z.string().min(1),
  })
  .strict();

export const planRolesSchema = z
  .object({
    /** who holds the review meeting (biên bản họp xét) */
    reviewBody: z.string().min(1),
    /** who proposes (issues the tờ trình) for a unit of each pack */
    proposer: z.record(z.string(), z.string().min(1)),
    /** who signs the tờ trình, per pack */
    signer: z.record(z.string(), signerSchema),
    /** who receives the dossier (Kính gửi of the tờ trình) */
    receiver: z.string().min(1),
    /** who recognises the unit as điển hình */
    recogniser: z.string().min(1),
  })
  .strict();

export const planTargetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, schemaText('schema.targetId')),
    label: z.string().min(1),
    note: z.string().optional(),
    measure: z.enum(['share', 'count']),
    field: z.record(z.string(), z.string()).optional(),
    anyOf: z.array(z.string()).optional(),
    atLeast: z.number().optional(),
    verdict: z.array(z.enum(['pass', 'fail', 'incomplete', 'on_track', 'ineligible'])).optional(),
    /** the workbook holds no field to count it: listed as "không có số liệu trong bảng tính" */
    noData: z.literal(true).optional(),
    op: z.enum(['>=', '<=']),
    target: z.number(),
  })
  .strict()
  .refine(
    (t) =>
      [
        t.field !== undefined && (t.anyOf !== undefined || t.atLeast !== undefined),
        !!t.verdict,
        !!t.noData,
      ].filter(Boolean).length === 1 &&
      (t.field !== undefined || (t.anyOf === undefined && t.atLeast === undefined)),
    {
      message: schemaText('schema.targetSource'),
    },
  );

export const planSchema = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().regex(PLAN_ID_PATTERN, schemaText('schema.planId')),
    version: z.string().regex(/^[0-9]+\.[0-9]+(\.[0-9]+)?$/, schemaText('schema.version')),
    title: z.string().min(1).max(300),
    /** the body that issued the plan */
    issuer: z.string().min(1).max(200),
    /** number, date and name of the plan and what it implements */
    legalBasis: z.string().min(1).max(1000),
    /** the year the plan was issued for; absent = any year (a standing plan) */
    year: z.number().int().min(2000).max(2100).optional(),
    /** packs (ids) the plan applies to */
    packs: z.array(z.string().min(1)).min(1),
    /** unit types allowed, per pack (absent = every type of the pack) */
    unitTypes: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
    /** the evaluation period: yearly requirements fall due at its end */
    period: z.object({ start: planDaySchema, end: planDaySchema }).strict(),
    /** the year-end review (tổng kết, họp xét) */
    reviewDate: planDaySchema,
    /** the mid-year review (sơ kết 6 tháng) */
    midYearDate: planDaySchema.optional(),
    /** the dossier (hồ sơ đề nghị công nhận) must reach the recogniser by */
    dossierDeadline: planDaySchema.optional(),
    /** the list of units selected to build (danh sách lựa chọn) is due by */
    selectionDeadline: planDaySchema.optional(),
    /** the pack's selection prerequisites decide the verdict (`ineligible`) rather than only warn */
    prerequisitesGate: z.boolean(),
    roles: planRolesSchema,
    /** pack id → parameter overrides (e.g. phan_loai_toi_thieu = Xuất sắc) */
    parameters: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.boolean(), z.string()]))),
    /** emulation targets (chỉ tiêu thi đua) of the plan, with the document they come from */
    targets: z
      .object({ source: z.string().min(1), items: z.array(planTargetSchema) })
      .strict()
      .optional(),
    /** where each field comes from (seed lines, documents) — shown in docs, kept with the data */
    sources: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export type Plan = z.infer<typeof planSchema>;
export type PlanInput = z.input<typeof planSchema>;
export type PlanDay = z.infer<typeof planDaySchema>;
export type PlanTarget = z.infer<typeof planTargetSchema>;
export type Signer = z.infer<typeof signerSchema>;
