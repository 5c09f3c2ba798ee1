import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// The web app lives in src/web so the repository root stays free of front-end entry files;
// the server serves dist/web, and in development Vite forwards /api to the server.
/**
 * Writes .br and .gz beside every script, style and page, once at build time, so the server sends
 * them compressed (@fastify/static's preCompressed) without compressing on every request.
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'lianzhu-precompress',
    apply: 'build',
    closeBundle() {
      for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const body = fs.readFileSync(file);
        if (body.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), precompress(`${repoRoot}dist/web`)],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    // antd alone is larger than Vite's default warning threshold; routes are already split.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
