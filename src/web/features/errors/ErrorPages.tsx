import { Link } from 'react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { testIds } from '../../app/testids';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid={testIds.pageNotFound}
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundBody')}
      extra={
        <Link to="/workbench">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid={testIds.pageForbidden}
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbiddenBody')}
      extra={
        <Link to="/workbench">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}
