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
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { StringKey } from '../i18n';
import { DEFAULT_PLAN_ID } from '../plan/ids';
import { usePane } from './context';
import { YEAR_MAX, YEAR_MIN, parseYear, suggestSheetName, validSheetName } from './model';
import type { CriteriaActions, CriteriaState } from './useCriteria';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** The built-in packs offered by the pane (same ids as src/pack/registry BUILTIN_PACK_IDS; a test checks). */
export const PANE_PACKS: ReadonlyArray<{ id: string; label: StringKey }> = [
  { id: 'xa', label: 'pack.xa' },
  { id: 'coquan', label: 'pack.coquan' },
];
const DEFAULT_SHEET_BASE = 'Tiêu chí';

export function InsertSection({
  state,
  actions,
}: {
  state: CriteriaState;
  actions: CriteriaActions;
}): React.JSX.Element {
  const { t } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const [packId, setPackId] = useState<string>(PANE_PACKS[0].id);
  // the plans come with the lazily loaded engine; until then only the default is offered
  const plans = state.planChoices ?? [{ id: DEFAULT_PLAN_ID, title: t('insert.planDefault') }];
  const [planId, setPlanId] = useState<string>(DEFAULT_PLAN_ID);
  const [unitName, setUnitName] = useState('');
  const [yearText, setYearText] = useState(String(new Date().getFullYear()));
  const [existing, setExisting] = useState<string | undefined>(undefined);
  const [addAnother, setAddAnother] = useState(false);
  const [sheetName, setSheetName] = useState('');
  const [touched, setTouched] = useState(false);

  const takenNames = state.sheets.map((s) => s.sheetName);
  // the sheet the host reported, while it still exists; else the first criteria sheet found
  const existingSheet =
    (existing && takenNames.includes(existing) ? existing : undefined) ?? state.sheets[0]?.sheetName;
  const showForm = !existingSheet || addAnother;
  const needSheetName = Boolean(existingSheet);
  const year = parseYear(yearText);
  const sheetOk = !needSheetName || validSheetName(sheetName, takenNames);
  const busy = state.busy !== undefined;

  const startAddAnother = (): void => {
    setAddAnother(true);
    setSheetName(suggestSheetName(DEFAULT_SHEET_BASE, takenNames));
  };

  const submit = async (): Promise<void> => {
    setTouched(true);
    if (year === undefined || !sheetOk) return;
    const result = await actions.insert({
      packId,
      planId,
      unitName: unitName.trim(),
      year,
      ...(needSheetName ? { sheetName: sheetName.trim() } : {}),
    });
    if (result?.kind === 'exists') {
      setExisting(result.sheetName);
      setAddAnother(false);
    } else if (result?.kind === 'inserted') {
      setExisting(undefined);
      setAddAnother(false);
      setTouched(false);
    }
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
            <Button disabled={busy} onClick={startAddAnother}>
              {t('insert.addAnother')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {showForm ? (
        <form
          className={styles.form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Field label={t('insert.pack')} required>
            <RadioGroup value={packId} onChange={(_, d) => setPackId(d.value)}>
              {PANE_PACKS.map(({ id, label }) => (
                <Radio
                  key={id}
                  value={id}
                  label={
                    state.packCounts?.[id]
                      ? `${t(label)} (${t('pack.count', { n: state.packCounts[id] })})`
                      : t(label)
                  }
                />
              ))}
              {(state.loadedPacks ?? []).map(({ id, title, criteria }) => (
                <Radio key={id} value={id} label={`${title} (${t('pack.count', { n: criteria })}; ${id})`} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('insert.plan')} hint={t('insert.planHint')}>
            <Select value={planId} onChange={(_, d) => setPlanId(d.value)}>
              {plans.map(({ id, title }) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('insert.file')} hint={t('insert.fileHint')}>
            <input
              type="file"
              aria-label={t('insert.file')}
              accept=".json,application/json"
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                if (!file) return;
                void file.text().then(async (text) => {
                  input.value = '';
                  const loaded = await actions.loadFile(text, file.name);
                  if (loaded?.kind === 'plan') setPlanId(loaded.id);
                  if (loaded?.kind === 'pack') setPackId(loaded.id);
                });
              }}
            />
          </Field>
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
            <Input
              value={yearText}
              inputMode="numeric"
              maxLength={4}
              onChange={(_, d) => setYearText(d.value)}
            />
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
            {addAnother ? (
              <Button disabled={busy} onClick={() => setAddAnother(false)}>
                {t('insert.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
