/**
 * Plans and packs an official loads from files in the add-in, kept with the workbook so that its
 * sheets still read after Excel is closed: stored as JSON in the add-in's document settings
 * (`Office.context.document.settings`, requirement set Settings 1.1 — learn.microsoft.com/javascript/
 * api/office/office.settings: "settings … are saved with the document"; `saveAsync` persists them).
 * The store keeps raw JSON only; the pane validates it (src/plan/validate.ts, src/pack/validate.ts,
 * in its lazily loaded chunk) before it is used, every time it is read back.
 */
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';

/** The part of Office.Settings the add-in uses (injected in tests). */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(): Promise<void>;
}

export const CUSTOM_FILES_KEY = 'tieuchi.tepTuSoan';

/** What the store holds: the files' JSON as loaded. */
export interface StoredFiles {
  plans: unknown[];
  packs: unknown[];
}

export function storedFiles(settings: DocumentSettings | undefined): StoredFiles {
  const raw = settings?.get(CUSTOM_FILES_KEY);
  const rec =
    typeof raw === 'object' && raw !== null ? (raw as Partial<Record<keyof StoredFiles, unknown>>) : {};
  return {
    plans: Array.isArray(rec.plans) ? (rec.plans as unknown[]) : [],
    packs: Array.isArray(rec.packs) ? (rec.packs as unknown[]) : [],
  };
}

/** The validated plans and packs of the session, looked up before the built-in ones. */
export class CustomFiles {
  private plans: Plan[] = [];
  private packs: Pack[] = [];

  constructor(private readonly settings: DocumentSettings | undefined) {}

  use(files: { plans: readonly Plan[]; packs: readonly Pack[] }): void {
    this.plans = [...files.plans];
    this.packs = [...files.packs];
  }

  plan(id: string): Plan | undefined {
    return this.plans.find((p) => p.id === id);
  }

  pack(id: string): Pack | undefined {
    return this.packs.find((p) => p.id === id);
  }

  list(): { plans: Plan[]; packs: Pack[] } {
    return { plans: [...this.plans], packs: [...this.packs] };
  }

  /** Add (or replace, by id) a validated plan or pack and save it with the workbook. */
  async add(item: { kind: 'plan'; plan: Plan } | { kind: 'pack'; pack: Pack }): Promise<void> {
    if (item.kind === 'plan') this.plans = [...this.plans.filter((p) => p.id !== item.plan.id), item.plan];
    else this.packs = [...this.packs.filter((p) => p.id !== item.pack.id), item.pack];
    if (!this.settings) return;
    this.settings.set(CUSTOM_FILES_KEY, { plans: this.plans, packs: this.packs });
    await this.settings.saveAsync();
  }
}

/** Office's document settings behind the small interface (undefined outside Office). */
export function officeSettings(): DocumentSettings | undefined {
  if (typeof Office === 'undefined' || !Office.context?.document?.settings) return undefined;
  const s = Office.context.document.settings;
  return {
    get: (name) => s.get(name) as unknown,
    set: (name, value) => s.set(name, value),
    saveAsync: () =>
      new Promise<void>((resolve, reject) =>
        s.saveAsync((r) =>
          r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(r.error.message)),
        ),
      ),
  };
}
