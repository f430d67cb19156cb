/**
 * The evaluation of the sheet in view (a lazily loaded chunk: it only shows once the engine has
 * scored the sheet): the verdict, the next deadlines, progress by group and the criteria list with
 * its status filter.
 */
import { useId, useState } from 'react';
import {
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  ToggleButton,
  mergeClasses,
} from '@fluentui/react-components';
import type { Evaluation } from '../engine/evaluate';
import type { VerdictCode } from '../engine/status';
import type { Guidance } from '../pack/schema';
import { formatDate, statusLabel, verdictText } from '../i18n';
import { usePane } from './context';
import { CriterionItem } from './CriterionItem';
import { DeadlineList } from './DeadlineList';
import type { Deadline } from './deadlines';
import { FILTER_STATUSES, countByStatus, filterCriteria, groupProgress, type Filter } from './model';
import { useSectionStyles } from './styles';

const VERDICT_INTENT: Record<VerdictCode, 'success' | 'error' | 'warning' | 'info'> = {
  pass: 'success',
  fail: 'error',
  incomplete: 'warning',
  on_track: 'info',
  ineligible: 'error',
};

export interface EvaluationViewProps {
  evaluation: Evaluation;
  guidance: Record<string, Guidance> | undefined;
  deadlines: Deadline[];
  onGoTo: (id: string) => void;
  busy: boolean;
}

function Verdict({ evaluation }: { evaluation: Evaluation }): React.JSX.Element {
  const { t, lang } = usePane();
  const styles = useSectionStyles();
  return (
    <div className={styles.part} data-testid="verdict" data-verdict={evaluation.verdict.code}>
      <Text size={200} className={styles.muted}>
        {t('summary.verdict')} · {t('summary.asOf', { date: formatDate(evaluation.asOf) })}
        {evaluation.asOfSource === 'input' ? null : ` (${t(`summary.asOf.${evaluation.asOfSource}`)})`}
      </Text>
      <MessageBar intent={VERDICT_INTENT[evaluation.verdict.code]} layout="multiline">
        <MessageBarBody>
          <Text weight="semibold" size={400}>
            {verdictText(lang, evaluation)}
          </Text>
        </MessageBarBody>
      </MessageBar>
      <Text data-testid="passed">
        {t('summary.passed', { passed: evaluation.passed, applicable: evaluation.applicable })}
      </Text>
    </div>
  );
}

function Groups({ evaluation }: { evaluation: Evaluation }): React.JSX.Element {
  const { t } = usePane();
  const styles = useSectionStyles();
  const id = useId();
  return (
    <>
      <h3 id={id} className={styles.subheading}>
        {t('summary.groups')}
      </h3>
      <ul className={styles.stack} aria-labelledby={id}>
        {groupProgress(evaluation).map((g) => (
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
    </>
  );
}

function CriteriaList(props: EvaluationViewProps): React.JSX.Element {
  const { evaluation, guidance } = props;
  const { t, lang } = usePane();
  const styles = useSectionStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const counts = countByStatus(evaluation);
  const shown = filterCriteria(evaluation, filter);
  const id = useId();
  return (
    <>
      <h3 id={id} className={styles.subheading}>
        {t('summary.list')}
      </h3>
      <div className={styles.row} role="group" aria-label={t('summary.filter')}>
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
        <ul className={styles.stack} aria-labelledby={id} data-testid="criteria-list">
          {shown.map((c) => (
            <CriterionItem
              key={c.id}
              c={c}
              guidance={guidance?.[c.id]}
              busy={props.busy}
              onGoTo={props.onGoTo}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function Warnings({ evaluation }: { evaluation: Evaluation }): React.JSX.Element | null {
  const { t } = usePane();
  const styles = useSectionStyles();
  if (evaluation.warnings.length === 0) return null;
  return (
    <details>
      <summary>
        {t('summary.warnings')} ({evaluation.warnings.length})
      </summary>
      <ul className={mergeClasses(styles.bullets, styles.muted)}>
        {evaluation.warnings.map((w, i) => (
          <li key={`${w.code}-${w.criterion ?? ''}-${w.indicator ?? ''}-${i}`}>{w.message}</li>
        ))}
      </ul>
    </details>
  );
}

export default function EvaluationView(props: EvaluationViewProps): React.JSX.Element {
  return (
    <>
      <Verdict evaluation={props.evaluation} />
      <DeadlineList deadlines={props.deadlines} />
      <Groups evaluation={props.evaluation} />
      <CriteriaList {...props} />
      <Warnings evaluation={props.evaluation} />
    </>
  );
}
