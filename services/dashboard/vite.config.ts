import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The dev server proxies the API like the production server (server/app.ts) does, so the app only
// ever talks to its own origin.
const reportingUrl = process.env['REPORTING_URL'] ?? 'http://127.0.0.1:3003';
const registryUrl = process.env['REGISTRY_URL'] ?? 'http://127.0.0.1:3001';

export default defineConfig({
  root: __dirname,
  publicDir: false,
  resolve: {
    // Build-time outputs the app imports, e.g. `@generated/laender.geojson?url`.
    alias: { '@generated': resolve(__dirname, 'dist/generated') },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: reportingUrl, changeOrigin: true },
      // The entry UI (/erfassung) talks to the registry under a prefix of its own.
      '/registry-api': {
        target: registryUrl,
        changeOrigin: true,
        rewrite: (path) => path.replace(/^\/registry-api/, '/api'),
      },
    },
  },
});
