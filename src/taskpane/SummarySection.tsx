/**
 * Tóm tắt: the sheet in view (a choice when there are several), the actions on it (Làm mới, Đánh
 * giá, Xóa đánh dấu) and its live evaluation (./EvaluationView.tsx, loaded with the engine).
 */
import { Suspense, lazy, useId } from 'react';
import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text } from '@fluentui/react-components';
import { formatDateTime } from '../i18n';
import { usePane } from './context';
import { useSectionStyles } from './styles';
import type { SectionProps } from './criteriaState';

// the evaluation only shows once the scoring chunk has scored the sheet: it comes with it, not at first
const EvaluationView = lazy(
  () => import(/* webpackChunkName: "evaluation", webpackPrefetch: true */ './EvaluationView'),
);

function SheetChoice({ state, actions }: SectionProps): React.JSX.Element | null {
  const { t } = usePane();
  if (state.sheets.length <= 1) return null;
  return (
    <Field label={t('summary.sheet')}>
      <Select
        value={state.current ?? ''}
        disabled={state.busy !== undefined}
        onChange={(_, d) => void actions.selectSheet(d.value)}
      >
        {state.sheets.map((s) => (
          <option key={s.sheetName} value={s.sheetName}>
            {s.sheetName}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function Toolbar({ state, actions }: SectionProps): React.JSX.Element {
  const { t } = usePane();
  const styles = useSectionStyles();
  const busy = state.busy !== undefined;
  const hasSheet = state.current !== undefined;
  return (
    <>
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
    </>
  );
}

export function SummarySection({ state, actions }: SectionProps): React.JSX.Element {
  const { t } = usePane();
  const styles = useSectionStyles();
  const headingId = useId();
  const busy = state.busy !== undefined;
  return (
    <section aria-labelledby={headingId} className={styles.section} aria-busy={busy}>
      <h2 id={headingId} className={styles.heading}>
        {t('summary.heading')}
      </h2>
      <SheetChoice state={state} actions={actions} />
      <Toolbar state={state} actions={actions} />
      {!state.liveEvents ? <Text className={styles.muted}>{t('summary.manualOnly')}</Text> : null}
      {state.unknownPack ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('summary.unknownPack', state.unknownPack)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.current === undefined && state.loaded ? <Text>{t('summary.none')}</Text> : null}
      {state.evaluation ? (
        <Suspense fallback={<Spinner size="tiny" label={t('app.loading')} />}>
          <EvaluationView
            // another sheet starts with its own filter
            key={state.current}
            evaluation={state.evaluation}
            guidance={state.guidance}
            deadlines={state.deadlines ?? []}
            onGoTo={(id) => void actions.goTo(id)}
            busy={busy}
          />
        </Suspense>
      ) : null}
      {state.updatedAt ? (
        <Text size={200} className={styles.muted}>
          {t('summary.updated', { time: formatDateTime(state.updatedAt) })}
        </Text>
      ) : null}
    </section>
  );
}
