import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { AlertOutlined, AuditOutlined, BankOutlined, BarChartOutlined, ClusterOutlined, DashboardOutlined, FileDoneOutlined, SolutionOutlined, TrophyOutlined } from '@ant-design/icons';
import { FileSearchOutlined, FileTextOutlined, FundProjectionScreenOutlined, NotificationOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { ApartmentOutlined, FormOutlined, TeamOutlined } from '@ant-design/icons';
import { ReadOutlined } from '@ant-design/icons';
import { SafetyOutlined, UnlockOutlined, UserOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { BellOutlined, GlobalOutlined } from '@ant-design/icons';
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
  /**
   * A role the user must also hold, for the few pages whose server check is a role and not a cell
   * of the policy table (security administration, 三员分立: the server's requireSecurityAdmin).
   * The menu reads it; the page itself checks it again (features/security/SecurityAdminOnly).
   */
  needsRole?: string;
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
  // Bases after recognition (issue 5): list, base page, reports (a14.s1), assessment (a10.i4), notices (a13.s3), board.
  {
    path: 'bases',
    labelKey: 'bases.menu.list',
    icon: <ClusterOutlined />,
    needs: { resource: 'base', action: 'read' },
    Page: lazy(() => import('../features/bases/BasesListPage')),
  },
  {
    path: 'bases/:id',
    labelKey: 'bases.menu.base',
    icon: <ClusterOutlined />,
    needs: { resource: 'base', action: 'read' },
    Page: lazy(() => import('../features/bases/BasePage')),
    hidden: true,
  },
  {
    path: 'bases/:id/reports/:reportId',
    labelKey: 'bases.menu.report',
    icon: <FileDoneOutlined />,
    needs: { resource: 'annual_report', action: 'read' },
    Page: lazy(() => import('../features/bases/ReportPage')),
    hidden: true,
  },
  {
    path: 'reports',
    labelKey: 'bases.menu.reports',
    icon: <FileDoneOutlined />,
    needs: { resource: 'annual_report', action: 'read' },
    Page: lazy(() => import('../features/bases/ReportsPage')),
  },
  {
    path: 'assessment',
    labelKey: 'bases.menu.assessment',
    icon: <TrophyOutlined />,
    needs: { resource: 'base', action: 'read' },
    Page: lazy(() => import('../features/bases/AssessmentPage')),
  },
  {
    path: 'notice-proposals',
    labelKey: 'bases.menu.notices',
    icon: <AlertOutlined />,
    needs: { resource: 'base', action: 'read' },
    Page: lazy(() => import('../features/bases/NoticesPage')),
  },
  {
    path: 'bases-board',
    labelKey: 'bases.menu.board',
    icon: <BarChartOutlined />,
    needs: { resource: 'base', action: 'read' },
    Page: lazy(() => import('../features/bases/BoardPage')),
  },
  // Local programmes (a21.s1): an issuing body's measures as data. The server allows officers of a
  // provincial S&T department or a State Council department (recommender_officer of an issuing
  // body); the policy table has no programme cell, so the menu also asks for that role.
  {
    path: 'programmes',
    labelKey: 'programmes.menu.list',
    icon: <ReadOutlined />,
    needs: { resource: 'application', action: 'decide' },
    needsRole: 'recommender_officer',
    Page: lazy(() => import('../features/programmes/ProgrammesPage')),
  },
  {
    path: 'programmes/:id',
    labelKey: 'programmes.menu.editor',
    icon: <ReadOutlined />,
    needs: { resource: 'application', action: 'decide' },
    Page: lazy(() => import('../features/programmes/ProgrammeEditorPage')),
    hidden: true,
  },
  // Recognition (a4–a8): calls, applications and their procedure, evaluation, decisions.
  {
    path: 'recognition/calls',
    labelKey: 'recognition.menu.calls',
    icon: <NotificationOutlined />,
    needs: { resource: 'application', action: 'read' },
    Page: lazy(() => import('../features/recognition/CallsPage')),
  },
  {
    path: 'recognition/applications',
    labelKey: 'recognition.menu.applications',
    icon: <FileTextOutlined />,
    needs: { resource: 'application', action: 'read' },
    Page: lazy(() => import('../features/recognition/ApplicationsPage')),
  },
  {
    path: 'recognition/applications/:id',
    labelKey: 'recognition.menu.detail',
    icon: <FileSearchOutlined />,
    needs: { resource: 'application', action: 'read' },
    Page: lazy(() => import('../features/recognition/ApplicationDetailPage')),
    hidden: true,
  },
  {
    path: 'recognition/applications/:id/edit',
    labelKey: 'recognition.menu.form',
    icon: <FileTextOutlined />,
    needs: { resource: 'application', action: 'update' },
    Page: lazy(() => import('../features/recognition/ApplicationFormPage')),
    hidden: true,
  },
  {
    // The national bodies that organize review and decide (ministry, 国际合作司, 火炬中心).
    path: 'recognition/evaluation',
    labelKey: 'recognition.menu.evaluation',
    icon: <FundProjectionScreenOutlined />,
    needs: { resource: 'review', action: 'decide' },
    Page: lazy(() => import('../features/recognition/EvaluationPage')),
  },
  {
    path: 'recognition/decisions',
    labelKey: 'recognition.menu.decisions',
    icon: <SafetyCertificateOutlined />,
    needs: { resource: 'review', action: 'decide' },
    Page: lazy(() => import('../features/recognition/DecisionsPage')),
  },
  // Expert review (a5.p2–a8.p2): rounds and assignment, the panel (会评), the expert's own reviews.
  {
    path: 'review/rounds',
    labelKey: 'review.menu.rounds',
    icon: <ApartmentOutlined />,
    needs: { resource: 'review', action: 'create' },
    Page: lazy(() => import('../features/review/RoundsPage')),
  },
  {
    path: 'review/rounds/:id',
    labelKey: 'review.menu.round',
    icon: <ApartmentOutlined />,
    needs: { resource: 'review', action: 'decide' },
    Page: lazy(() => import('../features/review/RoundPage')),
    hidden: true,
  },
  {
    path: 'review/rounds/:id/panel',
    labelKey: 'review.menu.panel',
    icon: <TeamOutlined />,
    needs: { resource: 'review', action: 'decide' },
    Page: lazy(() => import('../features/review/PanelPage')),
    hidden: true,
  },
  {
    // The workbench to-dos review_declaration and review_score link here (/reviews).
    path: 'reviews',
    labelKey: 'review.menu.mine',
    icon: <FormOutlined />,
    needs: { resource: 'review', action: 'update' },
    Page: lazy(() => import('../features/review/MyReviewsPage')),
  },
  {
    path: 'reviews/:id',
    labelKey: 'review.menu.scoring',
    icon: <FormOutlined />,
    needs: { resource: 'review', action: 'update' },
    Page: lazy(() => import('../features/review/ScoringPage')),
    hidden: true,
  },
  // The in-app message center (issue 3): everyone's own notifications.
  {
    path: 'messages',
    labelKey: 'messages.menu',
    icon: <BellOutlined />,
    needs: null,
    Page: lazy(() => import('../features/notifications/MessagesPage')),
  },
  // The bases' alliance (a18, a17.s1, a20.s1): membership, groups, resources, events, work report.
  {
    path: 'alliance',
    labelKey: 'alliance.menu',
    icon: <GlobalOutlined />,
    needs: { resource: 'alliance', action: 'read' },
    Page: lazy(() => import('../features/alliance/AlliancePage')),
  },
  {
    path: 'audit',
    labelKey: 'menu.audit',
    icon: <AuditOutlined />,
    needs: { resource: 'audit_log', action: 'read' },
    Page: lazy(() => import('../features/audit/AuditPage')),
  },
  // Security (issue 8): my account for everyone (header user menu); the security administrator's pages.
  {
    path: 'account',
    labelKey: 'security.menu.account',
    icon: <UserOutlined />,
    needs: null,
    Page: lazy(() => import('../features/security/AccountPage')),
    hidden: true,
  },
  {
    path: 'security-settings',
    labelKey: 'security.menu.settings',
    icon: <SafetyOutlined />,
    needs: { resource: 'user', action: 'update' },
    needsRole: 'security_admin',
    Page: lazy(() => import('../features/security/SettingsPage')),
  },
  {
    path: 'security-users',
    labelKey: 'security.menu.users',
    icon: <UnlockOutlined />,
    needs: { resource: 'user', action: 'update' },
    needsRole: 'security_admin',
    Page: lazy(() => import('../features/security/UsersPage')),
  },
  {
    path: 'security-role-requests',
    labelKey: 'security.menu.roleRequests',
    icon: <UserSwitchOutlined />,
    needs: { resource: 'user', action: 'update' },
    needsRole: 'security_admin',
    Page: lazy(() => import('../features/security/RoleRequestsPage')),
  },
];
