import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type FieldError } from '../app/api';
import { testIds } from '../app/testids';
import { ClauseTag } from './ClauseTag';
import { errorText } from './errors';

/** A server or network error in the user's language, with the clause it cites and stray fields. */
export function ErrorAlert({ error, fields, onClose, onRetry }: { error: unknown; fields?: FieldError[]; onClose?: () => void; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const clause = error instanceof ApiError ? error.body.clause : undefined;
  const stray = fields ?? [];
  return (
    <Alert
      data-testid={testIds.errorAlert}
      type="error"
      showIcon
      closable={!!onClose}
      onClose={onClose}
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      style={{ marginBottom: 16 }}
      title={
        <span>
          {errorText(error, t)} {clause && <ClauseTag clause={clause} />}
        </span>
      }
      description={
        stray.length > 0 ? (
          <>
            {t('error.otherFields')}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {stray.map((f) => (
                <li key={`${f.field}:${f.rule}`}>{f.message}</li>
              ))}
            </ul>
          </>
        ) : undefined
      }
    />
  );
}
