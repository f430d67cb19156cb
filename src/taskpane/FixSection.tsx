/**
 * After Đánh giá: what to fix, first on screen (like Excel's Accessibility Checker) — grouped by
 * status, most severe first, a count per group, each criterion with its reason and the pack's
 * guidance. Focus moves to the heading so a screen reader and the eye both land on it.
 */
import { useEffect, useId, useRef } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Evaluation } from '../engine/evaluate';
import type { Guidance } from '../pack/schema';
import { statusLabel } from '../i18n';
import { usePane } from './context';
import { CriterionItem } from './CriterionItem';
import { fixCount, fixGroups } from './model';
import { useSectionStyles } from './styles';

const useStyles = makeStyles({
  box: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `2px solid ${tokens.colorPaletteRedBorder2}`,
  },
  head: { justifyContent: 'space-between' },
  done: { margin: 0 },
});

export default function FixSection({
  evaluation,
  guidance,
  busy,
  onGoTo,
  onClose,
}: {
  evaluation: Evaluation;
  guidance: Record<string, Guidance> | undefined;
  busy: boolean;
  onGoTo: (id: string) => void;
  onClose: () => void;
}): React.JSX.Element {
  const { t, lang } = usePane();
  const styles = useSectionStyles();
  const own = useStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLElement>(null);
  const groups = fixGroups(evaluation);
  const total = fixCount(evaluation);

  useEffect(() => {
    box.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);

  return (
    <section
      ref={box}
      aria-labelledby={headingId}
      className={mergeClasses(styles.section, own.box)}
      data-testid="fix-list"
    >
      <div className={mergeClasses(styles.row, own.head)}>
        <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
          {t('fix.heading', { count: total })}
        </h2>
        <Button size="small" appearance="subtle" onClick={onClose}>
          {t('fix.close')}
        </Button>
      </div>
      {total === 0 ? <p className={own.done}>{t('fix.none')}</p> : null}
      {groups.map((g) => (
        <section key={g.status} aria-label={`${statusLabel(lang, g.status)} (${g.criteria.length})`}>
          <h3 className={styles.subheading} data-fix-group={g.status}>
            {`${statusLabel(lang, g.status)} (${g.criteria.length})`}
          </h3>
          <ul className={styles.stack}>
            {g.criteria.map((c) => (
              <CriterionItem key={c.id} c={c} guidance={guidance?.[c.id]} busy={busy} onGoTo={onGoTo} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
