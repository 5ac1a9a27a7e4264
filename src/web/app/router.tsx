import { Suspense, lazy } from 'react';
import { createBrowserRouter, Navigate, useLocation, useRouteError } from 'react-router';
import { Button, Result } from 'antd';
import { PageSpinner } from '../shared/PageSpinner';
import { useTranslation } from 'react-i18next';
import { appPages, type AppPage } from './routes';
import { can } from './permissions';
import { useSession } from './session';
import { AppLayout } from './AppLayout';
import { ForbiddenPage, NotFoundPage } from '../features/errors/ErrorPages';
import SignInPage from '../features/auth/SignInPage';

const RegisterPage = lazy(() => import('../features/register/RegisterPage'));


/** Signed-in area: unknown session → spinner; no session → sign-in page, then back here. */
function RequireSession() {
  const { me, loading, exit } = useSession();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (!me) {
    // After signing out, the next user starts at their own workbench, not at this page.
    if (exit === 'signed_out') return <Navigate to="/sign-in" replace />;
    const from = location.pathname + location.search;
    return <Navigate to={from && from !== '/' ? `/sign-in?from=${encodeURIComponent(from)}` : '/sign-in'} replace />;
  }
  return <AppLayout />;
}

/** A page the user's permissions must grant (the same check the menu makes). */
function Guarded({ page }: { page: AppPage }) {
  const { me } = useSession();
  if (!can(me, page.needs)) return <ForbiddenPage />;
  return (
    <Suspense fallback={<PageSpinner />}>
      <page.Page />
    </Suspense>
  );
}

function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  console.error(error);
  return (
    <Result
      status="error"
      title={t('error.pageCrashed')}
      subTitle={String((error as Error)?.message ?? '')}
      extra={<Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>}
    />
  );
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteError /> },
  {
    path: '/register',
    element: (
      <Suspense fallback={<PageSpinner />}>
        <RegisterPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/workbench" replace /> },
      ...appPages.map((page) => ({ path: page.path, element: <Guarded page={page} />, handle: { labelKey: page.labelKey } })),
      { path: 'forbidden', element: <ForbiddenPage />, handle: { labelKey: 'error.forbiddenTitle' } },
      { path: '*', element: <NotFoundPage />, handle: { labelKey: 'error.notFoundTitle' } },
    ],
  },
]);
