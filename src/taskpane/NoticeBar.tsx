/** The pane's notice: the outcome of the last action on the criteria sheets, dismissable. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { usePane } from './context';
import type { Notice } from './criteriaState';
import { useSectionStyles } from './styles';

export function NoticeBar({
  notice,
  onDismiss,
}: {
  notice: Notice;
  onDismiss: () => void;
}): React.JSX.Element {
  const { t } = usePane();
  const styles = useSectionStyles();
  const text = notice.key ? t(notice.key, notice.params) : (notice.text ?? '');
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        {notice.intent === 'error' ? <MessageBarTitle>{t('error.title')}</MessageBarTitle> : null}
        {text}
        {notice.items && notice.items.length > 0 ? (
          <ul className={styles.bullets}>
            {notice.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label={t('error.dismiss')} onClick={onDismiss}>
            ×
          </Button>
        }
      />
    </MessageBar>
  );
}
