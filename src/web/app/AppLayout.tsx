import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useMatches } from 'react-router';
import { App, Avatar, Breadcrumb, Dropdown, Flex, Layout, Menu, Tooltip, Typography } from 'antd';
import { BankOutlined, IdcardOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { appPages } from './routes';
import { can } from './permissions';
import { useMe, useSession } from './session';
import { testIds } from './testids';
import { LangSwitch } from '../shared/LangSwitch';
import { Emblem } from '../shared/Emblem';
import { PageSpinner } from '../shared/PageSpinner';

const { Header, Sider, Content, Footer } = Layout;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { signOut, signOutEverywhere } = useSession();
  const { modal, message } = App.useApp();
  const location = useLocation();
  const matches = useMatches();
  const [collapsed, setCollapsed] = useState(false);
  const en = i18n.language === 'en';

  // The menu: every page whose permission cell Me.permissions holds (never a role check).
  const menuItems = useMemo(
    () =>
      appPages
        .filter((p) => !p.hidden && can(me, p.needs) && (!p.needsRole || me.roles.includes(p.needsRole)))
        .map((p) => ({
          key: p.path,
          icon: p.icon,
          label: (
            <Link to={`/${p.path}`} data-testid={testIds.menuItem(p.path)}>
              {t(p.labelKey)}
            </Link>
          ),
        })),
    [me, t],
  );
  // The menu entry whose path is the longest prefix of the address (e.g. recognition/applications
  // for recognition/applications/<id>); static segments only, so ':id' entries never match.
  const selected =
    appPages
      .filter((p) => !p.hidden && !p.path.includes(':'))
      .map((p) => p.path)
      .filter((path) => location.pathname === `/${path}` || location.pathname.startsWith(`/${path}/`))
      .sort((a, b) => b.length - a.length)[0] ?? '';

  const crumbs = matches
    .map((m) => (m.handle as { labelKey?: string } | undefined)?.labelKey)
    .filter((k): k is string => !!k);
  const breadcrumbItems = [
    { title: <Link to="/workbench">{t('menu.home')}</Link> },
    ...crumbs.filter((k) => k !== 'menu.workbench' || crumbs.length > 1).map((k) => ({ title: t(k) })),
  ];
  if (crumbs.length === 1 && crumbs[0] === 'menu.workbench') breadcrumbItems.push({ title: t('menu.workbench') });

  const orgName = en ? me.org.nameEn || me.org.nameZh : me.org.nameZh;
  const roleNames = me.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(en ? ', ' : '、');

  const onSignOut = () => void signOut();
  const onSignOutEverywhere = () => {
    modal.confirm({
      title: t('auth.signOutEverywhere'),
      content: t('auth.signOutEverywhereConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const n = await signOutEverywhere();
        void message.success(t('auth.signedOutEverywhere', { count: n }));
      },
    });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="guohe-header">
        <Flex align="center" gap={12} style={{ minWidth: 0 }}>
          <Emblem size={34} />
          <Typography.Text className="guohe-header-title" ellipsis>
            {t('app.headerName')}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={20} style={{ flexShrink: 0 }}>
          <Tooltip title={`${t('header.org')}${t('common.colon')}${orgName}`}>
            <span className="guohe-header-org" data-testid={testIds.headerOrg}>
              <BankOutlined /> {orgName}
            </span>
          </Tooltip>
          <LangSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'who',
                  disabled: true,
                  label: (
                    <div style={{ maxWidth: 280, whiteSpace: 'normal' }}>
                      <div style={{ color: 'rgba(0,0,0,0.88)' }}>{me.displayName} ({me.username})</div>
                      <div style={{ fontSize: 12 }}>{t('header.roles')}{t('common.colon')}{roleNames}</div>
                    </div>
                  ),
                },
                { type: 'divider' },
                {
                  key: 'account',
                  icon: <IdcardOutlined />,
                  label: (
                    <Link to="/account" data-testid={testIds.headerAccount}>
                      {t('security.menu.account')}
                    </Link>
                  ),
                },
                { key: 'sign-out', icon: <LogoutOutlined />, label: <span data-testid={testIds.signOut}>{t('auth.signOut')}</span>, onClick: onSignOut },
                {
                  key: 'sign-out-everywhere',
                  icon: <SafetyOutlined />,
                  label: <span data-testid={testIds.signOutEverywhere}>{t('auth.signOutEverywhere')}</span>,
                  onClick: onSignOutEverywhere,
                },
              ],
            }}
          >
            <a className="guohe-header-user" data-testid={testIds.headerUser} onClick={(e) => e.preventDefault()} href="#user">
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#ffffff33' }} />
              <span>{me.displayName}</span>
            </a>
          </Dropdown>
        </Flex>
      </Header>
      <Layout>
        <Sider width={208} collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" className="guohe-sider">
          <Menu mode="inline" selectedKeys={[selected]} items={menuItems} data-testid={testIds.appMenu} style={{ borderInlineEnd: 0 }} />
        </Sider>
        <Layout style={{ padding: '0 20px' }}>
          <Breadcrumb items={breadcrumbItems} style={{ margin: '14px 0' }} data-testid={testIds.breadcrumbs} />
          <Content className="guohe-content">
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </Content>
          <Footer style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12, padding: '16px 0' }}>
            {t('app.footer')} · {t('app.basis')}
          </Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
