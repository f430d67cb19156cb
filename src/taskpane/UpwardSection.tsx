/**
 * The upward flow in the pane (a lazily loaded chunk): **Tổng hợp** (consolidate picked unit
 * workbooks into a new "Tổng hợp" sheet), **Hồ sơ** (the dossier's Word files to download, or its
 * sheets, from the criteria sheet shown) and **Số liệu năm trước** (last year's workbook → this
 * year's blank "năm trước" inputs). The components render; ./useUpward.ts and ./upwardTasks.ts act.
 */
import { useId, useRef, useState } from 'react';
import { Button, Label, MessageBar, MessageBarBody, ProgressBar, Text } from '@fluentui/react-components';
import { usePane } from './context';
import type { DossierFile } from './dossierFiles';
import { useSectionStyles } from './styles';
import type { Outcome, Progress, Task } from './upwardTasks';
import { useUpward, type UpwardActions, type UpwardView } from './useUpward';
import type { SectionProps } from './criteriaState';

interface PartProps {
  view: UpwardView;
  actions: UpwardActions;
  disabled: boolean;
}

/** A file input (workbooks unless `accept` says otherwise), its label and hint; `onPicked`: files picked. */
function FilePicker({
  ref,
  label,
  hint,
  accept = '.xlsx',
  multiple,
  disabled,
  onPicked,
}: {
  ref: React.Ref<HTMLInputElement>;
  label: string;
  hint: string;
  accept?: string;
  multiple?: boolean;
  disabled: boolean;
  onPicked?: (count: number) => void;
}): React.JSX.Element {
  const styles = useSectionStyles();
  const id = useId();
  const hintId = useId();
  return (
    <>
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        ref={ref}
        className={styles.file}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-describedby={hintId}
        disabled={disabled}
        onChange={(e) => onPicked?.(e.currentTarget.files?.length ?? 0)}
      />
      <Text size={200} id={hintId} className={styles.muted}>
        {hint}
      </Text>
    </>
  );
}

/** The outcome of `task`, when it is the last task run. */
function TaskResult({
  task,
  outcome,
}: {
  task: Task;
  outcome: Outcome | undefined;
}): React.JSX.Element | null {
  const styles = useSectionStyles();
  if (!outcome || outcome.task !== task) return null;
  return (
    <MessageBar intent={outcome.intent} layout="multiline" data-testid={`${task}-result`}>
      <MessageBarBody>
        {outcome.text}
        {outcome.items ? (
          <ul className={styles.bullets}>
            {outcome.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** The progress of `task` while it runs. */
function TaskProgress({ task, view }: { task: Task; view: UpwardView }): React.JSX.Element | null {
  const { t } = usePane();
  const progress: Progress | undefined = view.busy === task ? view.progress : undefined;
  if (!progress) return null;
  return (
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
  );
}

/** A part that reads picked files: its heading, the pickers, the button, the progress and the outcome. */
function FilesPart(props: {
  task: Task;
  heading: string;
  view: UpwardView;
  button: React.ReactNode;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useSectionStyles();
  return (
    <div className={styles.part}>
      <h3 className={styles.subheading}>{props.heading}</h3>
      {props.children}
      <div>{props.button}</div>
      <TaskProgress task={props.task} view={props.view} />
      <TaskResult task={props.task} outcome={props.view.outcome} />
    </div>
  );
}

function ConsolidatePart(props: PartProps): React.JSX.Element {
  const { t } = usePane();
  const units = useRef<HTMLInputElement>(null);
  const roster = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState(0);
  const go = (): void => {
    void props.actions.consolidate([...(units.current?.files ?? [])], roster.current?.files?.[0]);
  };
  const button = (
    <Button appearance="primary" disabled={props.disabled || chosen === 0} onClick={go}>
      {t('consolidate.button')}
    </Button>
  );
  return (
    <FilesPart task="consolidate" heading={t('consolidate.heading')} view={props.view} button={button}>
      <FilePicker
        label={t('consolidate.files')}
        hint={`${chosen > 0 ? `${t('consolidate.chosen', { n: chosen })} ` : ''}${t('consolidate.hint')}`}
        ref={units}
        multiple
        disabled={props.disabled}
        onPicked={setChosen}
      />
      <FilePicker
        label={t('consolidate.roster')}
        hint={t('consolidate.rosterHint')}
        ref={roster}
        accept=".csv,.xlsx"
        disabled={props.disabled}
      />
    </FilesPart>
  );
}

function WordFiles({ files }: { files: DossierFile[] }): React.JSX.Element | null {
  const { t } = usePane();
  const styles = useSectionStyles();
  if (files.length === 0) return null;
  return (
    <ul className={styles.bullets} aria-label={t('dossier.files')} data-testid="dossier-files">
      {files.map((f) => (
        <li key={f.fileName}>
          {/* a plain link (Fluent's Link would grow the pane's chunks) */}
          <a className={styles.link} href={f.url} download={f.fileName}>
            {t('dossier.download', { name: f.label, file: f.fileName })}
          </a>
        </li>
      ))}
    </ul>
  );
}

function DossierPart(props: PartProps): React.JSX.Element {
  const { t } = usePane();
  const styles = useSectionStyles();
  const hintId = useId();
  const { busy, outcome, wordFiles } = props.view;
  return (
    <div className={styles.part}>
      <h3 className={styles.subheading}>{t('dossier.heading')}</h3>
      <Text size={200} id={hintId} className={styles.muted}>
        {t('dossier.hint')}
      </Text>
      <div className={styles.row}>
        <Button
          appearance="primary"
          aria-describedby={hintId}
          disabled={props.disabled}
          onClick={() => void props.actions.word()}
        >
          {busy === 'word' ? t('dossier.wordBusy') : t('dossier.word')}
        </Button>
        <Button
          aria-describedby={hintId}
          disabled={props.disabled}
          onClick={() => void props.actions.dossier()}
        >
          {busy === 'dossier' ? t('dossier.busy') : t('dossier.button')}
        </Button>
      </div>
      <TaskResult task="word" outcome={outcome} />
      <WordFiles files={wordFiles} />
      <TaskResult task="dossier" outcome={outcome} />
    </div>
  );
}

function PriorPart(props: PartProps): React.JSX.Element {
  const { t } = usePane();
  const file = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState(false);
  const button = (
    <Button
      disabled={props.disabled || !chosen}
      onClick={() => void props.actions.prior(file.current?.files?.[0])}
    >
      {t('prior.button')}
    </Button>
  );
  return (
    <FilesPart task="prior" heading={t('prior.heading')} view={props.view} button={button}>
      <FilePicker
        label={t('prior.file')}
        hint={t('prior.hint')}
        ref={file}
        disabled={props.disabled}
        onPicked={(n) => setChosen(n > 0)}
      />
    </FilesPart>
  );
}

export default function UpwardSection({ state, actions }: SectionProps): React.JSX.Element {
  const { host, t, lang } = usePane();
  const styles = useSectionStyles();
  const headingId = useId();
  const current = state.current;
  const [view, upward] = useUpward({
    host,
    t,
    lang,
    current,
    currentPack: state.sheets.find((s) => s.sheetName === current)?.packId,
    refresh: actions.refresh,
  });
  const disabled = view.busy !== undefined || state.busy !== undefined;
  return (
    <section aria-labelledby={headingId} className={styles.section} aria-busy={view.busy !== undefined}>
      <h2 id={headingId} className={styles.heading}>
        {t('upward.heading')}
      </h2>
      <ConsolidatePart view={view} actions={upward} disabled={disabled} />
      <DossierPart view={view} actions={upward} disabled={disabled || !current} />
      <PriorPart view={view} actions={upward} disabled={disabled || !current} />
    </section>
  );
}
