import { defineConfig } from 'vite';

/** antd and the packages only it uses (never React, the router or TanStack Query: the login page needs those). */
const antdModules =
  /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@babel[\\/]runtime|stylis|@emotion|classnames|clsx|is-mobile|react-is|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|string-convert|copy-to-clipboard|toggle-selection)[\\/]/;

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

export default defineConfig({
  root,
  // No React plugin: Vite 8's built-in Oxc transform compiles TSX with the automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
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
