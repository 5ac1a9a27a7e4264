import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { AuditOutlined, BankOutlined, DashboardOutlined, SolutionOutlined } from '@ant-design/icons';
import type { Cell } from './permissions';

/**
 * The pages of the signed-in app. Each names the permission cell (resource × action) it needs;
 * the side menu and the route guard both read this table against `Me.permissions`, which the
 * server derives from its policy table — so no role is named anywhere in the web app.
 */
export interface AppPage {
  /** Route path under '/', also the menu key and the test id suffix (menu-<path>). */
  path: string;
  /** i18n key of the menu label, the breadcrumb and the page title. */
  labelKey: string;
  icon: ReactNode;
  /** The cell that must be present in Me.permissions; null: every signed-in user. */
  needs: Cell | null;
  Page: LazyExoticComponent<ComponentType>;
  /** A page reached from another (e.g. `applications/:id`): routed and guarded, not in the menu. */
  hidden?: boolean;
}

export const appPages: AppPage[] = [
  {
    path: 'workbench',
    labelKey: 'menu.workbench',
    icon: <DashboardOutlined />,
    needs: null,
    Page: lazy(() => import('../features/workbench/WorkbenchPage')),
  },
  {
    path: 'organizations',
    labelKey: 'menu.organizations',
    icon: <BankOutlined />,
    needs: { resource: 'organization', action: 'read' },
    Page: lazy(() => import('../features/organizations/OrganizationsPage')),
  },
  {
    path: 'registrations',
    labelKey: 'menu.registrations',
    icon: <SolutionOutlined />,
    needs: { resource: 'registration', action: 'read' },
    Page: lazy(() => import('../features/registrations/RegistrationsPage')),
  },
  {
    path: 'audit',
    labelKey: 'menu.audit',
    icon: <AuditOutlined />,
    needs: { resource: 'audit_log', action: 'read' },
    Page: lazy(() => import('../features/audit/AuditPage')),
  },
];
