/** The next deadlines of the sheet under its plan (computed in ./deadlines.ts), with the days left. */
import { useId } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, type StringKey } from '../i18n';
import { usePane } from './context';
import type { Deadline, PlanDateKind } from './deadlines';

const useStyles = makeStyles({
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  soon: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorPaletteRedForeground1 },
});

const PLAN_DATE_KEY: Record<PlanDateKind, StringKey> = {
  midYear: 'deadline.midYear',
  selection: 'deadline.selection',
  review: 'deadline.review',
  dossier: 'deadline.dossier',
};

export function DeadlineList({ deadlines }: { deadlines: Deadline[] }): React.JSX.Element | null {
  const { t } = usePane();
  const styles = useStyles();
  const headingId = useId();
  if (deadlines.length === 0) return null;
  return (
    <>
      <h3 id={headingId} className={styles.heading}>
        {t('deadline.heading')}
      </h3>
      <ul className={styles.list} aria-labelledby={headingId} data-testid="deadlines">
        {deadlines.map((d) => {
          const what = d.criterion
            ? `${d.criterion.id}. ${d.criterion.title}`
            : t(PLAN_DATE_KEY[d.plan ?? 'review']);
          const left = d.daysLeft === 0 ? t('deadline.today') : t('deadline.daysLeft', { days: d.daysLeft });
          return (
            <li key={`${d.date}-${d.criterion?.id ?? d.plan ?? ''}`}>
              <Text>
                {formatDate(d.date)} · {what} ·{' '}
                <span className={d.daysLeft <= 7 ? styles.soon : undefined}>{left}</span>
              </Text>
            </li>
          );
        })}
      </ul>
    </>
  );
}
