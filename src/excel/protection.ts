/**
 * Writing to a criteria sheet the user may have protected, without breaking their undo stack or
 * their protection (docs/real-excel.md has the sources):
 *
 * - `WorksheetProtection.protect` / `unprotect` are among the APIs that clear the user's undo stack
 *   on every platform (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities,
 *   "Unsupported APIs"). So protection is touched only when a write needs it: writes to the input
 *   cells, which the layout leaves unlocked (src/sheet/layout.ts S_INPUT), go through as they are.
 * - When it must be lifted, the exact prior options (`protection.options`, ExcelApi 1.2) are put
 *   back in the same batch; if the batch fails after the unprotect, a second batch restores them
 *   (the `finally` of the operation), so the sheet is never left unprotected.
 * - A sheet protected with a password cannot be unprotected without it (`unprotect(password)`,
 *   ExcelApi 1.7). The add-in never asks for or stores passwords: it stops before writing and
 *   says plainly how to proceed (PasswordProtectedError).
 */
import { HostError } from './errors';
import type { XlContext, XlProtectionOptions, XlWorksheet } from './officeTypes';

export { HostError };

/** The sheet is protected with a password: the user must lift the protection themselves. */
export class PasswordProtectedError extends HostError {
  constructor(readonly sheetName: string) {
    super(
      `Trang “${sheetName}” được bảo vệ bằng mật khẩu nên add-in không ghi được. Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang, nhập mật khẩu), chạy lại lệnh, rồi bảo vệ lại trang nếu cần.`,
    );
    this.name = 'PasswordProtectedError';
  }
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Queued writes, split by whether they need the sheet's protection lifted. */
export class WritePlan {
  private readonly ops: Array<() => void> = [];
  private locked = false;

  /** a value written into an input cell (unlocked by the layout) */
  input(op: () => void): void {
    this.ops.push(op);
  }

  /** anything else: locked cells, conditional formats, names */
  other(op: () => void): void {
    this.ops.push(op);
    this.locked = true;
  }

  get empty(): boolean {
    return this.ops.length === 0;
  }

  get needsUnprotect(): boolean {
    return this.locked;
  }

  queue(): void {
    for (const op of this.ops) op();
  }
}

export interface SheetProtection {
  protected: boolean;
  /** the options it is protected with (when protected) */
  options: XlProtectionOptions;
}

export interface CommitResult {
  /** protection was lifted and put back (this cleared the user's undo stack) */
  touchedProtection: boolean;
}

/**
 * Queue `plan` (and `after`, e.g. select a cell), lifting and restoring the protection only when
 * the plan needs it, and sync once. On failure the prior protection is restored in a second batch.
 */
export async function commitPlan(
  ctx: XlContext,
  ws: XlWorksheet,
  sheetName: string,
  protection: SheetProtection,
  plan: WritePlan,
  after: () => void = () => undefined,
): Promise<CommitResult> {
  const lift = protection.protected && plan.needsUnprotect;
  if (lift) ws.protection.unprotect();
  plan.queue();
  if (lift) ws.protection.protect(protection.options);
  after();
  try {
    await ctx.sync();
  } catch (e) {
    if (!lift) throw e;
    const p = ws.protection;
    p.load('protected');
    await ctx.sync();
    // still protected: the unprotect itself failed (a password), nothing was written
    if (p.protected) throw new PasswordProtectedError(sheetName);
    p.protect(protection.options);
    await ctx.sync();
    throw new HostError(
      `Không ghi được vào trang “${sheetName}”: ${errorText(e)}. Trang đã được bảo vệ lại như trước.`,
    );
  }
  return { touchedProtection: lift };
}
