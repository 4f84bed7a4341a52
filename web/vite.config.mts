import { defineConfig } from 'vite';

// The app is built into dist/web, which src/web/ serves beside the API (no dev server needed).
// JSX is compiled by Vite's own transformer (React's automatic runtime); no fast-refresh plugin.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsDir: 'assets', // = ASSETS_DIR of src/web/app-paths.ts, where the service serves them
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // React Query's "use client" directives mean nothing in a plain SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npx vite web` for hot reloading, with the API on :3000.
    proxy: Object.fromEntries(
      [
        '/auth',
        '/me',
        '/regulations',
        '/consultations',
        '/feedback',
        '/decisions',
        '/reports',
        '/agencies',
        '/users',
        '/sectors',
        '/legal-documents',
        '/programmes',
        '/cost-parameter-sets',
        '/imports',
        '/jobs',
        '/api-keys',
        '/admin',
        '/health',
      ].map((p) => [p, 'http://localhost:3000']),
    ),
  },
});
