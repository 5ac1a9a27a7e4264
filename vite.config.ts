import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Vendor groups: big libraries that change rarely get their own long-cached chunks. */
const vendorGroups: Array<[name: string, test: RegExp]> = [
  ['vendor-antd-icons', /node_modules[\\/](@ant-design[\\/]icons|@ant-design[\\/]icons-svg)[\\/]/],
  // antd is big: its components, their rc-* building blocks and its CSS-in-JS engine split three ways.
  ['vendor-antd-style', /node_modules[\\/](@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)|@emotion|stylis)[\\/]/],
  ['vendor-antd-rc', /node_modules[\\/](@rc-component|rc-[a-z-]+|@babel[\\/]runtime|dayjs|classnames|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view)[\\/]/],
  ['vendor-antd', /node_modules[\\/](antd|@ant-design)[\\/]/],
  ['vendor-react', /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|tslib)[\\/]/],
  ['vendor-zod', /node_modules[\\/]zod[\\/]/],
  // The app's own shell (session, API client, i18n resources, shared components), one named chunk.
  ['app-shell', /src[\\/](web[\\/](app|i18n|shared)|server[\\/]organizations[\\/]data)[\\/]/],
  // Last (lowest priority), so that helpers it shares with the rest (tslib) do not drag the chart
  // library into the first page load: only the workbench chart imports it, lazily.
  ['vendor-echarts', /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/],
];

export default defineConfig({
  root: path.join(here, 'src/web'),
  // The server serves dist/web at '/', with client-side routes falling back to index.html.
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Rolldown's successor of Rollup's `manualChunks`: one named chunk per vendor group; routes
        // are split further by React.lazy in src/web/app/routes.tsx.
        codeSplitting: {
          groups: vendorGroups.map(([name, test], i) => ({ name, test, priority: vendorGroups.length - i })),
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: { port: 4173 },
});
