import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { usePane } from './context';

/** Shown when the Excel running the pane lacks ExcelApi 1.7 (events, the APIs the pane relies on). */
export function Unsupported(): React.JSX.Element {
  const { t } = usePane();
  return (
    <section aria-labelledby="tc-unsupported">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="tc-unsupported">{t('unsupported.title')}</MessageBarTitle>
          <Text block>{t('unsupported.body')}</Text>
        </MessageBarBody>
      </MessageBar>
      <p>{t('unsupported.workbook')}</p>
    </section>
  );
}
