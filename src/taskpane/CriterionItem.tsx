/** One criterion in the pane's lists: title, status, the reasons and the pack's guidance beside them. */
import { Badge, Button, Text, makeStyles, tokens, type BadgeProps } from '@fluentui/react-components';
import type { CriterionResult } from '../engine/evaluate';
import type { StatusCode } from '../engine/status';
import type { Guidance } from '../pack/schema';
import { statusLabel } from '../i18n';
import { usePane } from './context';
import { firstInputId } from './model';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  itemHead: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'baseline',
    justifyContent: 'space-between',
  },
  itemTitle: { fontWeight: tokens.fontWeightSemibold },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  guide: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  detail: { margin: 0, fontSize: tokens.fontSizeBase200 },
});

export const STATUS_COLOR: Record<StatusCode, NonNullable<BadgeProps['color']>> = {
  pass: 'success',
  fail: 'danger',
  invalid: 'severe',
  missing: 'warning',
  not_due: 'informative',
  na: 'subtle',
};

/** The fix text for a status, when the pack has one (pass and n/a need none). */
export function fixText(g: Guidance | undefined, status: StatusCode): string | undefined {
  if (!g || status === 'pass' || status === 'na') return undefined;
  return g.fix[status];
}

export function CriterionItem({
  c,
  guidance,
  busy,
  onGoTo,
}: {
  c: CriterionResult;
  guidance?: Guidance;
  busy: boolean;
  onGoTo: (id: string) => void;
}): React.JSX.Element {
  const { t, lang } = usePane();
  const styles = useStyles();
  const target = firstInputId(c);
  const fix = fixText(guidance, c.status);
  const showGuide = c.status !== 'pass' && c.status !== 'na' && guidance !== undefined;
  return (
    <li className={styles.item} data-criterion={c.id} data-status={c.status}>
      <div className={styles.itemHead}>
        <Text className={styles.itemTitle}>
          {c.id}. {c.title}
        </Text>
        <Badge appearance="tint" color={STATUS_COLOR[c.status]} shape="rounded" className={styles.badge}>
          {statusLabel(lang, c.status)}
        </Badge>
      </div>
      {c.reasons.length > 0 ? (
        <ul className={styles.reasons}>
          {c.reasons.map((r, i) => (
            <li key={`${i}-${r}`}>{r}</li>
          ))}
        </ul>
      ) : null}
      {showGuide ? (
        // the guidance texts are pack data, in Vietnamese in both pane languages
        <dl className={styles.guide} lang="vi">
          {fix ? (
            <>
              <dt className={styles.term} lang={lang}>
                {t('guide.fix')}
              </dt>
              <dd className={styles.detail} data-guide="fix">
                {fix}
              </dd>
            </>
          ) : null}
          <dt className={styles.term} lang={lang}>
            {t('guide.evidence')}
          </dt>
          <dd className={styles.detail} data-guide="evidence">
            {guidance.evidence}
          </dd>
        </dl>
      ) : null}
      <div>
        <Button
          size="small"
          disabled={busy}
          aria-label={t('summary.goToLabel', { id: c.id })}
          data-goto={target}
          onClick={() => onGoTo(target)}
        >
          {t('summary.goTo')}
        </Button>
      </div>
    </li>
  );
}
