import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** antd and the packages only it uses (never React, the router or TanStack Query: the login page needs those). */
const antdModules =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|stylis|@emotion|classnames|clsx|is-mobile|react-is|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|string-convert|copy-to-clipboard|toggle-selection)[\\/]/;

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  // No React plugin: Vite 8's built-in Oxc transform compiles TSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  // The phone's offline check pages (ADR 0025): an installable app whose service worker precaches the built shell and
  // its chunks and answers navigations with index.html. /api is never answered from a cache. Registered by main.tsx
  // in production builds only.
  plugins: [
    VitePWA({
      injectRegister: null,
      registerType: 'autoUpdate',
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['favicon.svg', 'icons/*.png'],
      manifest: {
        id: '/',
        name: '安治 排查',
        short_name: '安治排查',
        description: '安治 安全生产治理平台：日周月排查、小场所巡查，无网络时也可记录',
        lang: 'zh-CN',
        start_url: '/dual/m',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#1f4e9c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['index.html', 'assets/*.{js,css}', 'favicon.svg', 'icons/*.png'],
        // The dashboard's charts (echarts) are large and never used offline; everything else is the app shell.
        globIgnores: ['assets/echarts*', 'assets/*echarts*'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/index.html',
        // Downloads (/api/v1/…/export) and the API docs are navigations too: never answered with the app shell.
        navigateFallbackDenylist: [/^\/api(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        // No runtimeCaching: API answers are never cached by the service worker (the check pages keep their own
        // copies in IndexedDB, where they know what is stale).
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // antd split per component and icon made ~80 files for the first screen after sign-in; a phone on slow
              // 4G (six connections) pays a round trip per six. Grouped by the routes that use them, with groups
              // under ~30 KB merged into a neighbour: 56 files instead of 88 for the first dashboard, ~70 KB more,
              // 0.4 s (150 ms RTT) to 2.7 s (562 ms RTT) sooner in `npm run bench`. Its own dependencies (React) are
              // left where they are, so the entry chunk does not import antd.
              name: 'antd',
              test: antdModules,
              includeDependenciesRecursively: false,
              entriesAware: true,
              entriesAwareMergeThreshold: 30_000,
            },
          ],
        },
      },
      // antd, React Router and TanStack Query mark modules "use client"; meaningless in a SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
