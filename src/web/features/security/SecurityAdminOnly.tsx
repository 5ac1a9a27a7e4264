import type { ReactNode } from 'react';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { isSecurityAdmin } from './model';

/**
 * The role check of the security administrator's pages (see `isSecurityAdmin` for why a role and
 * not a permission cell). The route also carries `needsRole`, so the menu hides these pages; this
 * guard covers a typed-in address.
 */
export function SecurityAdminOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!isSecurityAdmin(me)) {
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('security.common.onlySecurityAdmin')} data-testid={testIds.pageForbidden} />;
  }
  return <>{children}</>;
}
