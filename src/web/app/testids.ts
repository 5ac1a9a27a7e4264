/**
 * Stable test hooks (data-testid) for the end-to-end suite (Chromium). Change a value here only
 * together with the tests that use it; the rendered text may change freely (two languages).
 *
 * Sign-in page         signin-username, signin-password, signin-submit, signin-error,
 *                      signin-register-link
 * Language switch      lang-switch (the control), lang-switch-zh, lang-switch-en (each option);
 *                      present on the sign-in page, the registration page and in the header
 * Layout               app-menu (side menu), menu-<route> for each entry, e.g. menu-workbench,
 *                      menu-organizations, menu-registrations, menu-audit (only the entries the
 *                      user's permissions grant are rendered); header-org, header-user (opens the
 *                      user menu), sign-out, sign-out-everywhere, breadcrumbs
 * Session expiry       reauth-modal (modal content), reauth-password, reauth-submit
 * Workbench            workbench-greeting, workbench-scope, workbench-todos (list),
 *                      workbench-todo-<kind> (one item, e.g. workbench-todo-registration_review),
 *                      workbench-recent, workbench-org-counts, workbench-org-chart
 * Organizations        org-filter-kind, org-filter-province, org-filter-keyword, org-search,
 *                      org-reset, org-export, org-table, org-row-<id> (each row; also carries
 *                      data-org-id), org-view-<id>, org-edit-<id> (row buttons), org-drawer
 *                      (drawer content), org-drawer-edit (edit button in the drawer), org-edit-form,
 *                      org-edit-nameZh, org-edit-nameEn, org-edit-registeredOn, org-edit-save,
 *                      org-conflict (conflict modal content), org-conflict-keep-mine,
 *                      org-conflict-take-latest
 * Registrations        reg-status-tabs, reg-table, reg-row-<id>, reg-approve-<id>,
 *                      reg-reject-<id>, reg-reject-reason, reg-reject-submit
 * Audit log            audit-filter-action, audit-filter-entity-type, audit-filter-entity-id,
 *                      audit-search, audit-table, audit-verify, audit-verify-result
 * Registration (public) register-form, register-<field> (nameZh, nameEn, kind, uscc,
 *                      regionCode, registeredOn, username, displayName, password,
 *                      confirmPassword, email, phone), register-submit, register-success
 * Error pages          page-not-found, page-forbidden
 * Any page             page-header (title block), error-alert (server error shown inline)
 */
export const testIds = {
  signInUsername: 'signin-username',
  signInPassword: 'signin-password',
  signInSubmit: 'signin-submit',
  signInError: 'signin-error',
  signInRegisterLink: 'signin-register-link',
  langSwitch: 'lang-switch',
  langOption: (lang: 'zh' | 'en') => `lang-switch-${lang}`,
  appMenu: 'app-menu',
  menuItem: (route: string) => `menu-${route}`,
  headerOrg: 'header-org',
  headerUser: 'header-user',
  signOut: 'sign-out',
  signOutEverywhere: 'sign-out-everywhere',
  breadcrumbs: 'breadcrumbs',
  reauthModal: 'reauth-modal',
  reauthPassword: 'reauth-password',
  reauthSubmit: 'reauth-submit',
  workbenchGreeting: 'workbench-greeting',
  workbenchScope: 'workbench-scope',
  workbenchTodos: 'workbench-todos',
  workbenchTodo: (kind: string) => `workbench-todo-${kind}`,
  workbenchRecent: 'workbench-recent',
  workbenchOrgCounts: 'workbench-org-counts',
  workbenchOrgChart: 'workbench-org-chart',
  orgFilterKind: 'org-filter-kind',
  orgFilterProvince: 'org-filter-province',
  orgFilterKeyword: 'org-filter-keyword',
  orgSearch: 'org-search',
  orgReset: 'org-reset',
  orgExport: 'org-export',
  orgTable: 'org-table',
  orgRow: (id: string) => `org-row-${id}`,
  orgView: (id: string) => `org-view-${id}`,
  orgEdit: (id: string) => `org-edit-${id}`,
  orgDrawer: 'org-drawer',
  orgDrawerEdit: 'org-drawer-edit',
  orgEditForm: 'org-edit-form',
  orgEditField: (field: 'nameZh' | 'nameEn' | 'registeredOn') => `org-edit-${field}`,
  orgEditSave: 'org-edit-save',
  orgConflict: 'org-conflict',
  orgConflictKeepMine: 'org-conflict-keep-mine',
  orgConflictTakeLatest: 'org-conflict-take-latest',
  regStatusTabs: 'reg-status-tabs',
  regTable: 'reg-table',
  regRow: (id: string) => `reg-row-${id}`,
  regApprove: (id: string) => `reg-approve-${id}`,
  regReject: (id: string) => `reg-reject-${id}`,
  regRejectReason: 'reg-reject-reason',
  regRejectSubmit: 'reg-reject-submit',
  auditFilterAction: 'audit-filter-action',
  auditFilterEntityType: 'audit-filter-entity-type',
  auditFilterEntityId: 'audit-filter-entity-id',
  auditSearch: 'audit-search',
  auditTable: 'audit-table',
  auditVerify: 'audit-verify',
  auditVerifyResult: 'audit-verify-result',
  registerForm: 'register-form',
  registerField: (field: string) => `register-${field}`,
  registerSubmit: 'register-submit',
  registerSuccess: 'register-success',
  pageNotFound: 'page-not-found',
  pageForbidden: 'page-forbidden',
  pageHeader: 'page-header',
  errorAlert: 'error-alert',
} as const;
