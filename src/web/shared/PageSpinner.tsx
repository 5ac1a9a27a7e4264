import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" description={t('common.loading')} />
    </div>
  );
}
