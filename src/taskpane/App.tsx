import { Suspense, lazy, useMemo, useState } from 'react';
import {
  Button,
  FluentProvider,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import type { ExcelHost } from '../excel/host';
import { loadLanguage, type Lang } from '../i18n';
import { makePaneContext, PaneProvider, usePane } from './context';
import { InsertSection } from './InsertSection';
import { NoticeBar } from './NoticeBar';
import { SummarySection } from './SummarySection';
import { Unsupported } from './Unsupported';
import { useCriteria } from './useCriteria';

// not needed for the first paint: the help texts (when asked for), the list of what to fix (after
// Đánh giá) and the upward flow below the summary (fetched while the browser is idle)
const HelpView = lazy(() => import(/* webpackChunkName: "help" */ './HelpView'));
const FixSection = lazy(() => import(/* webpackChunkName: "evaluation" */ './FixSection'));
const UpwardSection = lazy(() => import(/* webpackChunkName: "upward-section" */ './UpwardSection'));

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
  },
  titles: { display: 'flex', flexDirection: 'column' },
  headerActions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexShrink: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  hidden: { display: 'none' },
  notices: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface AppProps {
  host: ExcelHost;
  initialLang: Lang;
  /** ExcelApi 1.7 available (checked at run time by the caller) */
  supported: boolean;
}

export function App({ host, initialLang, supported }: AppProps): React.JSX.Element {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [help, setHelp] = useState(false);
  const pane = useMemo(() => makePaneContext(host, lang), [host, lang]);
  const styles = useStyles();
  const t = pane.t;
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const switchLanguage = (): void => {
    loadLanguage(other).then(
      () => setLang(other),
      (err: unknown) => console.error('Tiêu chí: language', err),
    );
  };
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'vi' ? 'vi-VN' : 'en-US'}>
      <PaneProvider value={pane}>
        <div className={styles.root}>
          <header className={styles.header}>
            <div className={styles.titles}>
              <h1 className={styles.title}>{t('app.title')}</h1>
              <Text size={200}>{t('app.subtitle')}</Text>
            </div>
            <div className={styles.headerActions}>
              <Button size="small" appearance="subtle" aria-pressed={help} onClick={() => setHelp(!help)}>
                {help ? t('app.helpClose') : t('app.help')}
              </Button>
              <Button
                size="small"
                appearance="subtle"
                lang={other}
                aria-label={t('app.switchLanguageLabel')}
                onClick={switchLanguage}
              >
                {t('app.switchLanguage')}
              </Button>
            </div>
          </header>
          {help ? (
            <Suspense fallback={<Spinner label={t('app.loading')} />}>
              <HelpView onClose={() => setHelp(false)} />
            </Suspense>
          ) : null}
          {/* kept mounted under the help page: the pane's state survives reading the help */}
          <div className={help ? styles.hidden : styles.body}>{supported ? <Pane /> : <Unsupported />}</div>
        </div>
      </PaneProvider>
    </FluentProvider>
  );
}

function Pane(): React.JSX.Element {
  const pane = usePane();
  const [state, actions] = useCriteria(pane.host, pane.lang);
  const styles = useStyles();
  if (!state.loaded && !state.notice) {
    return <Spinner label={pane.t('app.loading')} />;
  }
  const loading = <Spinner size="tiny" label={pane.t('app.loading')} />;
  return (
    <>
      <div className={styles.notices} aria-live="polite">
        {state.notice ? <NoticeBar notice={state.notice} onDismiss={actions.dismissNotice} /> : null}
      </div>
      {state.review && state.evaluation ? (
        <Suspense fallback={loading}>
          <FixSection
            // a new Đánh giá brings the list to the eye again; live updates only refresh it
            key={state.review}
            evaluation={state.evaluation}
            guidance={state.guidance}
            busy={state.busy !== undefined}
            onGoTo={(id) => void actions.goTo(id)}
            onClose={actions.endReview}
          />
        </Suspense>
      ) : null}
      <InsertSection state={state} actions={actions} />
      <SummarySection state={state} actions={actions} />
      <Suspense fallback={loading}>
        <UpwardSection state={state} actions={actions} />
      </Suspense>
    </>
  );
}
