import { useId, useState } from 'react';
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Text,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Evaluation } from '../engine/evaluate';
import type { VerdictCode } from '../engine/status';
import type { Guidance } from '../pack/schema';
import { formatDate, formatDateTime, statusLabel, verdictText } from '../i18n';
import { usePane } from './context';
import { CriterionItem } from './CriterionItem';
import { DeadlineList } from './DeadlineList';
import type { Deadline } from './deadlines';
import { FILTER_STATUSES, countByStatus, filterCriteria, groupProgress, type Filter } from './model';
import type { CriteriaActions, CriteriaState } from './useCriteria';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  verdict: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  verdictText: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  groups: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
});

const VERDICT_INTENT: Record<VerdictCode, 'success' | 'error' | 'warning' | 'info'> = {
  pass: 'success',
  fail: 'error',
  incomplete: 'warning',
  on_track: 'info',
  ineligible: 'error',
};

export function SummarySection({
  state,
  actions,
}: {
  state: CriteriaState;
  actions: CriteriaActions;
}): React.JSX.Element {
  const { t, host } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const busy = state.busy !== undefined;
  const caps = host.capabilities();
  const hasSheet = state.current !== undefined;

  return (
    <section aria-labelledby={headingId} className={styles.section} aria-busy={busy}>
      <h2 id={headingId} className={styles.heading}>
        {t('summary.heading')}
      </h2>
      {state.sheets.length > 1 ? (
        <Field label={t('summary.sheet')}>
          <Select
            value={state.current ?? ''}
            disabled={busy}
            onChange={(_, d) => void actions.selectSheet(d.value)}
          >
            {state.sheets.map((s) => (
              <option key={s.sheetName} value={s.sheetName}>
                {s.sheetName}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className={styles.row} role="toolbar" aria-label={t('summary.heading')}>
        <Button onClick={() => void actions.refresh()} disabled={busy}>
          {t('action.refresh')}
        </Button>
        <Button appearance="primary" onClick={() => void actions.evaluateNow()} disabled={busy || !hasSheet}>
          {t('action.evaluate')}
        </Button>
        <Button onClick={() => void actions.clearHighlights()} disabled={busy || !hasSheet}>
          {t('action.clear')}
        </Button>
      </div>
      {state.busy ? (
        <Spinner
          size="tiny"
          labelPosition="after"
          label={t(`busy.${state.busy === 'insert' ? 'refresh' : state.busy}`)}
        />
      ) : null}
      {!caps.events ? <Text className={styles.muted}>{t('summary.manualOnly')}</Text> : null}
      {state.unknownPack ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('summary.unknownPack', state.unknownPack)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {!hasSheet && state.loaded ? <Text>{t('summary.none')}</Text> : null}
      {state.evaluation ? (
        <EvaluationView
          // another sheet starts with its own filter
          key={state.current}
          evaluation={state.evaluation}
          guidance={state.guidance}
          deadlines={state.deadlines ?? []}
          actions={actions}
          busy={busy}
        />
      ) : null}
      {state.updatedAt ? (
        <Text size={200} className={styles.muted}>
          {t('summary.updated', { time: formatDateTime(state.updatedAt) })}
        </Text>
      ) : null}
    </section>
  );
}

function EvaluationView({
  evaluation,
  guidance,
  deadlines,
  actions,
  busy,
}: {
  evaluation: Evaluation;
  guidance: Record<string, Guidance> | undefined;
  deadlines: Deadline[];
  actions: CriteriaActions;
  busy: boolean;
}): React.JSX.Element {
  const { t, lang } = usePane();
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const counts = countByStatus(evaluation);
  const groups = groupProgress(evaluation);
  const shown = filterCriteria(evaluation, filter);
  const groupsId = useId();
  const listId = useId();
  const filterLabel = t('summary.filter');

  return (
    <>
      <div className={styles.verdict} data-testid="verdict" data-verdict={evaluation.verdict.code}>
        <Text size={200} className={styles.muted}>
          {t('summary.verdict')} · {t('summary.asOf', { date: formatDate(evaluation.asOf) })}
          {evaluation.asOfSource === 'input' ? null : ` (${t(`summary.asOf.${evaluation.asOfSource}`)})`}
        </Text>
        <MessageBar intent={VERDICT_INTENT[evaluation.verdict.code]} layout="multiline">
          <MessageBarBody>
            <span className={styles.verdictText}>{verdictText(lang, evaluation)}</span>
          </MessageBarBody>
        </MessageBar>
        <Text data-testid="passed">
          {t('summary.passed', { passed: evaluation.passed, applicable: evaluation.applicable })}
        </Text>
      </div>

      <DeadlineList deadlines={deadlines} />

      <h3 id={groupsId} className={styles.subheading}>
        {t('summary.groups')}
      </h3>
      <ul className={styles.groups} aria-labelledby={groupsId}>
        {groups.map((g) => (
          <li key={g.id}>
            <Field
              label={g.title}
              hint={t('summary.groupProgress', { passed: g.passed, applicable: g.applicable })}
            >
              <ProgressBar
                value={g.applicable ? g.passed / g.applicable : 0}
                max={1}
                thickness="large"
                color={g.applicable > 0 && g.passed === g.applicable ? 'success' : 'brand'}
              />
            </Field>
          </li>
        ))}
      </ul>

      <h3 id={listId} className={styles.subheading}>
        {t('summary.list')}
      </h3>
      <div className={styles.row} role="group" aria-label={filterLabel}>
        <ToggleButton size="small" checked={filter === 'all'} onClick={() => setFilter('all')}>
          {t('summary.filterAll')}
        </ToggleButton>
        {FILTER_STATUSES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            checked={filter === s}
            onClick={() => setFilter(s)}
            data-status={s}
          >
            {`${statusLabel(lang, s)} (${counts[s]})`}
          </ToggleButton>
        ))}
      </div>
      {shown.length === 0 ? (
        <Text>{t('summary.empty')}</Text>
      ) : (
        <ul className={styles.list} aria-labelledby={listId} data-testid="criteria-list">
          {shown.map((c) => (
            <CriterionItem
              key={c.id}
              c={c}
              guidance={guidance?.[c.id]}
              busy={busy}
              onGoTo={(id) => void actions.goTo(id)}
            />
          ))}
        </ul>
      )}
      {evaluation.warnings.length > 0 ? (
        <details>
          <summary>
            {t('summary.warnings')} ({evaluation.warnings.length})
          </summary>
          <ul className={styles.reasons}>
            {evaluation.warnings.map((w, i) => (
              <li key={`${w.code}-${w.criterion ?? ''}-${w.indicator ?? ''}-${i}`}>{w.message}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}
