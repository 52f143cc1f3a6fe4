import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The provider dashboard: built into dist/dashboard, served by the Nest app at /dashboard.
export default defineConfig({
  root,
  base: '/dashboard/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the dashboard supports has modulepreload: no polyfill in the bundle.
    modulePreload: { polyfill: false },
  },
  // `npm run dev:web`: Vite on :5173 with the API of `npm run start:dev` on :3000.
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
