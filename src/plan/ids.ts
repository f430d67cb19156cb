/** Facts about the built-in plans that the pane's first load needs (no zod, no plan data). */

/** Id of the plan used when a workbook or a command names none. */
export const DEFAULT_PLAN_ID = 'mac-dinh';
