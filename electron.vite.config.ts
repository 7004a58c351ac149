import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { META_CONTENT_SECURITY_POLICY } from './main/shell/config';
import packageJson from './package.json';

/** The built renderer carries the strict CSP itself too, so it holds wherever the files are served from. */
const cspMeta = {
  name: 'luukku-csp-meta',
  apply: 'build' as const,
  transformIndexHtml: (html: string) =>
    html.replace(
      '<head>',
      `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`,
    ),
};

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'main/index.ts'),
          // The roster solver's worker thread (main/scheduler/runner.ts starts it by this name).
          solveWorker: resolve(__dirname, 'main/scheduler/worker.ts'),
          // The start-up quick check of the store (main/store/quickCheck.ts).
          quickCheckWorker: resolve(__dirname, 'main/store/quickCheckWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: bundle the contract and zod into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'preload/index.ts') },
        // A sandboxed preload cannot be an ES module (architecture.md).
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react(), cspMeta],
    // The release the page was built as: sent with each call, so a server upgraded since says "reload".
    define: { __LUUKKU_VERSION__: JSON.stringify(packageJson.version) },
    build: { rollupOptions: { input: resolve(__dirname, 'renderer/index.html') } },
  },
});
