import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import './i18n';
import './app/styles.css';
import { ApiError } from './app/api';
import { SessionProvider } from './app/session';
import { router } from './app/router';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network and 5xx get one more try.
      retry: (count, e) => !(e instanceof ApiError && e.status < 500) && count < 1,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

const theme = {
  token: {
    colorPrimary: '#13488f',
    colorLink: '#13488f',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#13488f', siderBg: '#ffffff', bodyBg: '#f0f2f5', triggerBg: '#f5f7fa', triggerColor: '#13488f' },
    Menu: { itemSelectedBg: '#e6eef8', itemSelectedColor: '#13488f', itemHeight: 44 },
    Table: { headerBg: '#f5f7fa' },
  },
};

function Root() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
  }, [en]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Root />
    </QueryClientProvider>
  </StrictMode>,
);
