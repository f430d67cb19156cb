/** The help page of the pane (a lazily loaded chunk): every action, in the pane's language. */
import { useEffect, useId, useRef } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { usePane } from './context';
import { HELP } from './help';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  topic: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  p: { margin: `0 0 ${tokens.spacingVerticalXS}` },
});

export default function HelpView({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t, lang } = usePane();
  const styles = useStyles();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section id="tc-help" aria-labelledby={headingId} className={styles.section}>
      <h2 id={headingId} ref={heading} tabIndex={-1} className={styles.heading}>
        {t('app.help')}
      </h2>
      {HELP[lang].map((topic) => (
        <section key={topic.id} aria-label={topic.title} data-help={topic.id}>
          <h3 className={styles.topic}>{topic.title}</h3>
          {topic.paragraphs.map((p) => (
            <p key={p} className={styles.p}>
              {p}
            </p>
          ))}
        </section>
      ))}
      <div>
        <Button onClick={onClose}>{t('app.helpClose')}</Button>
      </div>
    </section>
  );
}
