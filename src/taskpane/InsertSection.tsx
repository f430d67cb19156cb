/**
 * Chèn bảng tiêu chí: the form for a new criteria sheet (pack, plan, a plan or pack file, unit,
 * year, and a sheet name when one exists already), or the offer to open the sheet that exists.
 */
import { useId, useState } from 'react';
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
} from '@fluentui/react-components';
import type { StringKey } from '../i18n';
import { DEFAULT_PLAN_ID } from '../plan/ids';
import { usePane } from './context';
import { YEAR_MAX, YEAR_MIN, parseYear, suggestSheetName, validSheetName } from './model';
import { useSectionStyles } from './styles';
import type { CriteriaActions, CriteriaState, SectionProps } from './criteriaState';

/** The built-in packs offered by the pane (same ids as src/pack/registry BUILTIN_PACK_IDS; a test checks). */
export const PANE_PACKS: ReadonlyArray<{ id: string; label: StringKey }> = [
  { id: 'xa', label: 'pack.xa' },
  { id: 'coquan', label: 'pack.coquan' },
];
const DEFAULT_SHEET_BASE = 'Tiêu chí';

/** What the official chose in the form (kept while the form is closed and opened again). */
function useInsertChoices(): {
  packId: string;
  setPackId: (id: string) => void;
  planId: string;
  setPlanId: (id: string) => void;
  unitName: string;
  setUnitName: (name: string) => void;
  yearText: string;
  setYearText: (text: string) => void;
} {
  const [packId, setPackId] = useState<string>(PANE_PACKS[0]?.id ?? '');
  const [planId, setPlanId] = useState<string>(DEFAULT_PLAN_ID);
  const [unitName, setUnitName] = useState('');
  const [yearText, setYearText] = useState(String(new Date().getFullYear()));
  return { packId, setPackId, planId, setPlanId, unitName, setUnitName, yearText, setYearText };
}
type InsertChoices = ReturnType<typeof useInsertChoices>;

interface FormProps {
  choices: InsertChoices;
  state: CriteriaState;
  actions: CriteriaActions;
  /** a sheet name is asked for (a criteria sheet exists already) */
  needSheetName: boolean;
  initialSheetName: string;
  /** the insert ended: the sheet that exists already, or undefined when inserted */
  onDone: (existing: string | undefined) => void;
  onCancel?: () => void;
}

function PackChoice(props: {
  state: CriteriaState;
  value: string;
  onChange: (id: string) => void;
}): React.JSX.Element {
  const { t } = usePane();
  const counts = props.state.packCounts;
  return (
    <Field label={t('insert.pack')} required>
      <RadioGroup value={props.value} onChange={(_, d) => props.onChange(d.value)}>
        {PANE_PACKS.map(({ id, label }) => {
          const n = counts?.[id];
          return (
            <Radio key={id} value={id} label={n ? `${t(label)} (${t('pack.count', { n })})` : t(label)} />
          );
        })}
        {(props.state.loadedPacks ?? []).map(({ id, title, criteria }) => (
          <Radio key={id} value={id} label={`${title} (${t('pack.count', { n: criteria })}; ${id})`} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** A plan or pack file the official picked: validated and kept by the action; chosen when valid. */
function FileChoice(props: {
  actions: CriteriaActions;
  busy: boolean;
  onLoaded: (kind: 'plan' | 'pack', id: string) => void;
}): React.JSX.Element {
  const { t } = usePane();
  return (
    <Field label={t('insert.file')} hint={t('insert.fileHint')}>
      <input
        type="file"
        aria-label={t('insert.file')}
        accept=".json,application/json"
        disabled={props.busy}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          void file.text().then(async (text) => {
            input.value = '';
            const loaded = await props.actions.loadFile(text, file.name);
            if (loaded) props.onLoaded(loaded.kind, loaded.id);
          });
        }}
      />
    </Field>
  );
}

function InsertForm(props: FormProps): React.JSX.Element {
  const { state, actions, needSheetName, initialSheetName, onDone, onCancel } = props;
  const { packId, setPackId, planId, setPlanId, unitName, setUnitName, yearText, setYearText } =
    props.choices;
  const { t } = usePane();
  const styles = useSectionStyles();
  // the plans come with the lazily loaded engine; until then only the default is offered
  const plans = state.planChoices ?? [{ id: DEFAULT_PLAN_ID, title: t('insert.planDefault') }];
  const [sheetName, setSheetName] = useState(initialSheetName);
  const [touched, setTouched] = useState(false);
  const year = parseYear(yearText);
  const sheetOk =
    !needSheetName ||
    validSheetName(
      sheetName,
      state.sheets.map((s) => s.sheetName),
    );
  const busy = state.busy !== undefined;

  const submit = async (): Promise<void> => {
    setTouched(true);
    if (year === undefined || !sheetOk) return;
    const options = { packId, planId, unitName: unitName.trim(), year };
    const result = await actions.insert(
      needSheetName ? { ...options, sheetName: sheetName.trim() } : options,
    );
    if (result?.kind === 'exists') onDone(result.sheetName);
    else if (result?.kind === 'inserted') {
      setTouched(false);
      onDone(undefined);
    }
  };

  return (
    <form
      className={styles.section}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <PackChoice state={state} value={packId} onChange={setPackId} />
      <Field label={t('insert.plan')} hint={t('insert.planHint')}>
        <Select value={planId} onChange={(_, d) => setPlanId(d.value)}>
          {plans.map(({ id, title }) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </Select>
      </Field>
      <FileChoice
        actions={actions}
        busy={busy}
        onLoaded={(kind, id) => (kind === 'plan' ? setPlanId(id) : setPackId(id))}
      />
      <Field label={t('insert.unitName')} hint={t('insert.unitNameHint')}>
        <Input value={unitName} maxLength={200} onChange={(_, d) => setUnitName(d.value)} />
      </Field>
      <Field
        label={t('insert.year')}
        required
        validationState={touched && year === undefined ? 'error' : 'none'}
        validationMessage={
          touched && year === undefined
            ? t('insert.yearInvalid', { min: YEAR_MIN, max: YEAR_MAX })
            : undefined
        }
      >
        <Input value={yearText} inputMode="numeric" maxLength={4} onChange={(_, d) => setYearText(d.value)} />
      </Field>
      {needSheetName ? (
        <Field
          label={t('insert.sheetName')}
          required
          validationState={touched && !sheetOk ? 'error' : 'none'}
          validationMessage={touched && !sheetOk ? t('insert.sheetNameInvalid') : undefined}
        >
          <Input value={sheetName} maxLength={31} onChange={(_, d) => setSheetName(d.value)} />
        </Field>
      ) : null}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {state.busy === 'insert' ? t('insert.busy') : t('insert.button')}
        </Button>
        {onCancel ? (
          <Button disabled={busy} onClick={onCancel}>
            {t('insert.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

export function InsertSection({ state, actions }: SectionProps): React.JSX.Element {
  const { t } = usePane();
  const styles = useSectionStyles();
  const headingId = useId();
  const [existing, setExisting] = useState<string | undefined>(undefined);
  const [addAnother, setAddAnother] = useState(false);
  const choices = useInsertChoices();
  const takenNames = state.sheets.map((s) => s.sheetName);
  // the sheet the host reported, while it still exists; else the first criteria sheet found
  const existingSheet =
    (existing && takenNames.includes(existing) ? existing : undefined) ?? state.sheets[0]?.sheetName;
  const busy = state.busy !== undefined;
  const done = (sheet: string | undefined): void => {
    setExisting(sheet);
    setAddAnother(false);
  };
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('insert.heading')}
      </h2>
      {existingSheet && !addAnother ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('insert.exists', { sheet: existingSheet })}</MessageBarBody>
          <MessageBarActions>
            <Button disabled={busy} onClick={() => void actions.openSheet(existingSheet)}>
              {t('insert.open')}
            </Button>
            <Button disabled={busy} onClick={() => setAddAnother(true)}>
              {t('insert.addAnother')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : (
        <InsertForm
          // a fresh form (and a fresh suggested name) each time it opens
          key={addAnother ? 'another' : 'first'}
          choices={choices}
          state={state}
          actions={actions}
          needSheetName={Boolean(existingSheet)}
          initialSheetName={existingSheet ? suggestSheetName(DEFAULT_SHEET_BASE, takenNames) : ''}
          onDone={done}
          onCancel={addAnother ? () => setAddAnother(false) : undefined}
        />
      )}
    </section>
  );
}
