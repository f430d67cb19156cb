/**
 * The upward flow in the pane: **Tổng hợp** (consolidate picked unit workbooks into a new "Tổng hợp"
 * sheet), **Hồ sơ** (the dossier's Word files to download, or its sheets, from the criteria sheet
 * shown; the .docx writer is the lazily loaded chunk ./dossierFiles.ts) and **Số liệu năm trước** (last
 * year's workbook → this year's blank "năm trước" inputs). Files are read by the lazily loaded
 * chunk ./upward.ts; everything Excel goes through `ExcelHost`.
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  Button,
  Label,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CellValue } from '../engine/values';
import type { ConsolidationResult } from '../sheet/summary';
import { formatNumber, verdictText, type StringKey } from '../i18n';
import { usePane } from './context';
import { loadDossierFiles, loadUpward } from './lazy';
import type { DossierFile } from './dossierFiles';
import { describeError, isUserError, todaySerial } from './model';
import type { CriteriaActions, CriteriaState } from './useCriteria';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  part: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground2 },
  file: { maxWidth: '100%', fontSize: tokens.fontSizeBase200 },
  link: { color: tokens.colorBrandForegroundLink },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

type Task = 'consolidate' | 'dossier' | 'word' | 'prior';

interface Outcome {
  task: Task;
  intent: 'success' | 'warning' | 'error' | 'info';
  text: string;
  items?: string[];
}

/** What the pane lists under the outcome: warnings, the roster's missing units, unreadable files. */
function consolidationItems(
  r: ConsolidationResult,
  t: (key: StringKey, vars?: Record<string, string | number>) => string,
): string[] | undefined {
  const items = [...r.warnings];
  if (r.missingUnits?.length) {
    items.push(
      `${t('consolidate.missing', { n: r.missingUnits.length })} ${r.missingUnits.map((m) => m.unit).join(', ')}`,
    );
  }
  items.push(...r.errors.map((e) => e.message));
  return items.length ? items : undefined;
}

const cellText = (lang: 'vi' | 'en', v: CellValue): string =>
  typeof v === 'number' ? formatNumber(lang, v, Number.isInteger(v) ? 0 : 2) : String(v ?? '');

export function UpwardSection({
  state,
  actions,
}: {
  state: CriteriaState;
  actions: CriteriaActions;
}): React.JSX.Element {
  const { host, t, lang } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const unitsId = useId();
  const unitsHintId = useId();
  const rosterId = useId();
  const rosterHintId = useId();
  const priorId = useId();
  const priorHintId = useId();
  const dossierHintId = useId();
  const unitsInput = useRef<HTMLInputElement>(null);
  const rosterInput = useRef<HTMLInputElement>(null);
  const priorInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState(0);
  const [priorChosen, setPriorChosen] = useState(false);
  const [busy, setBusy] = useState<Task | undefined>(undefined);
  const [progress, setProgress] = useState<{ index: number; total: number; text: string } | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [wordFiles, setWordFiles] = useState<DossierFile[]>([]);
  const wordFilesRef = useRef<DossierFile[]>([]);
  // the object URLs of the Word files live until replaced or until the pane goes away
  const replaceWordFiles = (files: DossierFile[]): void => {
    for (const f of wordFilesRef.current) URL.revokeObjectURL(f.url);
    wordFilesRef.current = files;
    setWordFiles(files);
  };
  useEffect(() => () => wordFilesRef.current.forEach((f) => URL.revokeObjectURL(f.url)), []);

  const current = state.current;
  const currentPack = state.sheets.find((s) => s.sheetName === current)?.packId;
  const disabled = busy !== undefined || state.busy !== undefined;

  const failed = (task: Task, err: unknown): void => {
    if (!isUserError(err)) console.error('Tiêu chí:', err);
    const d = describeError(err);
    setOutcome({ task, intent: 'error', text: 'key' in d ? t(d.key) : d.text });
  };

  const run = async (task: Task, work: () => Promise<void>): Promise<void> => {
    setBusy(task);
    setOutcome(undefined);
    try {
      await work();
    } catch (err) {
      failed(task, err);
    } finally {
      setBusy(undefined);
      setProgress(undefined);
    }
  };

  const consolidate = (): Promise<void> =>
    run('consolidate', async () => {
      const files = [...(unitsInput.current?.files ?? [])];
      if (files.length === 0) {
        setOutcome({ task: 'consolidate', intent: 'warning', text: t('consolidate.noFiles') });
        return;
      }
      const upward = await loadUpward();
      // the roster: the picked file, else a "Danh sách đơn vị" sheet of this workbook, else none
      const rosterFile = rosterInput.current?.files?.[0];
      const rosterRows = rosterFile ? undefined : await host.readRosterSheet(upward.ROSTER_SHEET);
      const rosterSource = rosterFile
        ? { file: rosterFile }
        : rosterRows
          ? { rows: rosterRows, name: `trang “${upward.ROSTER_SHEET}”` }
          : undefined;
      const result = await upward.consolidateFiles(
        files,
        todaySerial(),
        async (index, total, name) => {
          setProgress({ index, total, text: t('consolidate.progress', { index, total, name }) });
          // let the page paint the progress before the (synchronous) read of the next file
          await new Promise<void>((resolve) => setTimeout(resolve, 0));
        },
        {},
        rosterSource,
      );
      setProgress({ index: files.length, total: files.length, text: t('consolidate.writing') });
      const added = await host.insertSummarySheet(result);
      setOutcome({
        task: 'consolidate',
        intent: result.errors.length > 0 ? 'warning' : 'success',
        text: t('consolidate.done', {
          sheet: added.sheetNames[0] ?? '',
          units: result.units.length,
          duplicates: result.duplicates.length,
          errors: result.errors.length,
        }),
        items: consolidationItems(result, t),
      });
    });

  const dossier = (): Promise<void> =>
    run('dossier', async () => {
      const r = await host.insertDossier(todaySerial(), current);
      if (!r) {
        setOutcome({ task: 'dossier', intent: 'warning', text: t('dossier.noSheet') });
        return;
      }
      setOutcome({
        task: 'dossier',
        intent: 'success',
        text: t('dossier.done', {
          sheets: r.sheetNames.map((n) => `“${n}”`).join(', '),
          verdict: verdictText(lang, r.evaluation),
        }),
      });
    });

  const word = (): Promise<void> =>
    run('word', async () => {
      replaceWordFiles([]);
      const r = await host.dossierDocuments(todaySerial(), current);
      if (!r) {
        setOutcome({ task: 'word', intent: 'warning', text: t('dossier.noSheet') });
        return;
      }
      const { dossierFiles } = await loadDossierFiles();
      replaceWordFiles(await dossierFiles(r.documents));
      setOutcome({
        task: 'word',
        intent: 'success',
        text: t('dossier.wordDone', { verdict: verdictText(lang, r.evaluation) }),
      });
    });

  const prior = (): Promise<void> =>
    run('prior', async () => {
      const file = priorInput.current?.files?.[0];
      if (!file) {
        setOutcome({ task: 'prior', intent: 'warning', text: t('prior.noFile') });
        return;
      }
      if (!current || !currentPack) {
        setOutcome({ task: 'prior', intent: 'warning', text: t('dossier.noSheet') });
        return;
      }
      setProgress({ index: 0, total: 1, text: t('prior.busy', { name: file.name }) });
      const upward = await loadUpward();
      const lastYear = await upward.readLastYear(file, currentPack);
      const r = await host.applyPriorYear(lastYear, current);
      if (!r) {
        setOutcome({ task: 'prior', intent: 'warning', text: t('dossier.noSheet') });
        return;
      }
      const skippedKey: StringKey = 'prior.skipped';
      setOutcome({
        task: 'prior',
        intent: r.skipped.length > 0 ? 'info' : 'success',
        text:
          t('prior.done', { written: r.written.length, file: file.name, notes: r.notes.length }) +
          (r.skipped.length > 0 ? ` ${t(skippedKey, { count: r.skipped.length })}` : ''),
        items:
          r.skipped.length > 0
            ? r.skipped.map((s) =>
                t('prior.skippedItem', {
                  id: s.id,
                  value: cellText(lang, s.value),
                  last: cellText(lang, s.lastYear),
                }),
              )
            : undefined,
      });
      await actions.refresh();
    });

  const result = (task: Task): React.JSX.Element | null =>
    outcome && outcome.task === task ? (
      <MessageBar intent={outcome.intent} layout="multiline" data-testid={`${task}-result`}>
        <MessageBarBody>
          {outcome.text}
          {outcome.items ? (
            <ul className={styles.list}>
              {outcome.items.map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : null}
        </MessageBarBody>
      </MessageBar>
    ) : null;

  const progressView = (task: Task): React.JSX.Element | null =>
    busy === task && progress ? (
      <div role="status" aria-live="polite">
        {progress.total > 1 || task === 'consolidate' ? (
          <ProgressBar
            value={progress.total > 0 ? progress.index / progress.total : undefined}
            aria-label={t('consolidate.progressLabel')}
          />
        ) : null}
        <Text size={200} data-testid={`${task}-progress`}>
          {progress.text}
        </Text>
      </div>
    ) : null;

  return (
    <section aria-labelledby={headingId} className={styles.section} aria-busy={busy !== undefined}>
      <h2 id={headingId} className={styles.heading}>
        {t('upward.heading')}
      </h2>

      <div className={styles.part}>
        <h3 className={styles.subheading}>{t('consolidate.heading')}</h3>
        <Label htmlFor={unitsId}>{t('consolidate.files')}</Label>
        <input
          id={unitsId}
          ref={unitsInput}
          className={styles.file}
          type="file"
          multiple
          accept=".xlsx"
          aria-describedby={unitsHintId}
          disabled={disabled}
          onChange={(e) => setChosen(e.currentTarget.files?.length ?? 0)}
        />
        <Text size={200} id={unitsHintId} className={styles.hint}>
          {chosen > 0 ? `${t('consolidate.chosen', { n: chosen })} ` : ''}
          {t('consolidate.hint')}
        </Text>
        <Label htmlFor={rosterId}>{t('consolidate.roster')}</Label>
        <input
          id={rosterId}
          ref={rosterInput}
          className={styles.file}
          type="file"
          accept=".csv,.xlsx"
          aria-describedby={rosterHintId}
          disabled={disabled}
        />
        <Text size={200} id={rosterHintId} className={styles.hint}>
          {t('consolidate.rosterHint')}
        </Text>
        <div>
          <Button appearance="primary" disabled={disabled || chosen === 0} onClick={() => void consolidate()}>
            {t('consolidate.button')}
          </Button>
        </div>
        {progressView('consolidate')}
        {result('consolidate')}
      </div>

      <div className={styles.part}>
        <h3 className={styles.subheading}>{t('dossier.heading')}</h3>
        <Text size={200} id={dossierHintId} className={styles.hint}>
          {t('dossier.hint')}
        </Text>
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            aria-describedby={dossierHintId}
            disabled={disabled || !current}
            onClick={() => void word()}
          >
            {busy === 'word' ? t('dossier.wordBusy') : t('dossier.word')}
          </Button>
          <Button
            aria-describedby={dossierHintId}
            disabled={disabled || !current}
            onClick={() => void dossier()}
          >
            {busy === 'dossier' ? t('dossier.busy') : t('dossier.button')}
          </Button>
        </div>
        {result('word')}
        {wordFiles.length > 0 ? (
          <ul className={styles.list} aria-label={t('dossier.files')} data-testid="dossier-files">
            {wordFiles.map((f) => (
              <li key={f.fileName}>
                {/* a plain link (Fluent's Link would grow the pane's first load) */}
                <a className={styles.link} href={f.url} download={f.fileName}>
                  {t('dossier.download', { name: f.label, file: f.fileName })}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {result('dossier')}
      </div>

      <div className={styles.part}>
        <h3 className={styles.subheading}>{t('prior.heading')}</h3>
        <Label htmlFor={priorId}>{t('prior.file')}</Label>
        <input
          id={priorId}
          ref={priorInput}
          className={styles.file}
          type="file"
          accept=".xlsx"
          aria-describedby={priorHintId}
          disabled={disabled || !current}
          onChange={(e) => setPriorChosen((e.currentTarget.files?.length ?? 0) > 0)}
        />
        <Text size={200} id={priorHintId} className={styles.hint}>
          {t('prior.hint')}
        </Text>
        <div>
          <Button disabled={disabled || !current || !priorChosen} onClick={() => void prior()}>
            {t('prior.button')}
          </Button>
        </div>
        {progressView('prior')}
        {result('prior')}
      </div>
    </section>
  );
}
