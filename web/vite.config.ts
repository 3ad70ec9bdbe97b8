// Vite for the web app: root web/, built to web/dist (the server serves it), and in dev
// (`npm run dev`) /api proxied to the API on API_PORT so the app and the API share an origin.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 3000);

export default defineConfig({
  root,
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Cytoscape and its layouts make one large bundle; it is cached between visits.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
  preview: { proxy: { '/api': { target: `http://127.0.0.1:${apiPort}` } } },
});
