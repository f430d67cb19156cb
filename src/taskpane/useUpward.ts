/**
 * The state of the upward-flow section as a React hook: the task running, its progress, the
 * outcome per task and the Word files offered for download (object URLs revoked when replaced or
 * when the pane goes away). The tasks themselves are ./upwardTasks.ts.
 */
import { useEffect, useRef, useState } from 'react';
import type { ExcelHost } from '../excel/host';
import type { Lang, Translate } from '../i18n';
import type { DossierFile } from './dossierFiles';
import { describeError, isUserError } from './model';
import {
  consolidate,
  dossierSheets,
  dossierWord,
  priorYear,
  type Outcome,
  type Progress,
  type Task,
  type TaskContext,
} from './upwardTasks';

export interface UpwardView {
  busy: Task | undefined;
  progress: Progress | undefined;
  outcome: Outcome | undefined;
  wordFiles: DossierFile[];
}

export interface UpwardActions {
  consolidate: (files: File[], roster: File | undefined) => Promise<void>;
  dossier: () => Promise<void>;
  word: () => Promise<void>;
  prior: (file: File | undefined) => Promise<void>;
}

export interface UpwardInput {
  host: ExcelHost;
  t: Translate;
  lang: Lang;
  current: string | undefined;
  currentPack: string | undefined;
  /** read the sheet in view again (after its inputs were written) */
  refresh: () => Promise<void>;
}

export function useUpward(input: UpwardInput): [UpwardView, UpwardActions] {
  const { t, refresh } = input;
  const [busy, setBusy] = useState<Task | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [wordFiles, setWordFiles] = useState<DossierFile[]>([]);
  const wordFilesRef = useRef<DossierFile[]>([]);
  const replaceWordFiles = (files: DossierFile[]): void => {
    for (const f of wordFilesRef.current) URL.revokeObjectURL(f.url);
    wordFilesRef.current = files;
    setWordFiles(files);
  };
  useEffect(() => () => wordFilesRef.current.forEach((f) => URL.revokeObjectURL(f.url)), []);

  const context: TaskContext = { ...input, setProgress };
  const run = async (task: Task, work: () => Promise<Outcome>): Promise<void> => {
    setBusy(task);
    setOutcome(undefined);
    try {
      setOutcome(await work());
    } catch (err) {
      if (!isUserError(err)) console.error('Tiêu chí:', err);
      const d = describeError(err, input.lang);
      setOutcome({ task, intent: 'error', text: 'key' in d ? t(d.key) : d.text });
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  const actions: UpwardActions = {
    consolidate: (files, roster) => run('consolidate', () => consolidate(context, files, roster)),
    dossier: () => run('dossier', () => dossierSheets(context)),
    word: () =>
      run('word', async () => {
        replaceWordFiles([]);
        const r = await dossierWord(context);
        replaceWordFiles(r.files);
        return r.outcome;
      }),
    prior: (file) =>
      run('prior', async () => {
        const o = await priorYear(context, file);
        if (o.intent !== 'warning') await refresh();
        return o;
      }),
  };
  return [{ busy, progress, outcome, wordFiles }, actions];
}
