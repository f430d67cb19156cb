/**
 * Last year's consolidation (`tieuchi consolidate --json` output of last year) for
 * `--prior-summary`: validated with zod; only the fields the change needs are kept. Read under the
 * JSON limits like every other JSON input (./files.ts `readJsonFile`).
 */
import { z } from 'zod';
import type { PriorSummary } from '../sheet/aggregate';
import { InputError } from './errors';

const schema = z.object({
  year: z.number().int().nullable().optional(),
  units: z.array(
    z.object({
      unit: z.string(),
      unitType: z.string(),
      verdict: z.object({ label: z.string() }),
      passed: z.number(),
      applicable: z.number(),
      year: z.number().int().optional(),
      excluded: z.string().optional(),
    }),
  ),
  targets: z.array(z.object({ id: z.string(), value: z.number().nullable() })),
});

export function parsePriorSummary(data: unknown, file: string): PriorSummary {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new InputError(
      file,
      `không phải kết quả “tieuchi consolidate --json” (${where ? `mục “${where}”: ` : ''}${issue?.message ?? 'sai cấu trúc'})`,
    );
  }
  const d = r.data;
  // only the units counted last year compare with this year's (other-year files were flagged)
  const units = d.units
    .filter((u) => u.excluded !== 'other_year')
    .map((u) => ({
      unit: u.unit,
      unitType: u.unitType,
      verdict: u.verdict.label,
      passed: u.passed,
      applicable: u.applicable,
    }));
  return { file, year: d.year ?? null, units, targets: d.targets.map((t) => ({ id: t.id, value: t.value })) };
}
