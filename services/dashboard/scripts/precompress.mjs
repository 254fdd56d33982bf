// Build step after `vite build`: writes a brotli (.br, quality 11) and a gzip (.gz, level 9) copy
// next to every text file of dist/web, which the server sends to browsers that accept them
// (@fastify/static `preCompressed`), so no request pays for compression. Files where compression
// saves less than 10 % (or under 1 KiB) stay uncompressed only.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, brotliCompressSync, gzipSync } from 'node:zlib';

const TEXT = new Set(['.js', '.css', '.html', '.geojson', '.json', '.svg', '.txt']);

export function precompress(dir) {
  const sizes = [];
  for (const name of readdirSync(dir, { recursive: true })) {
    const path = join(dir, name);
    if (!TEXT.has(extname(path)) || !statSync(path).isFile()) continue;
    const raw = readFileSync(path);
    if (raw.length < 1024) continue;
    const br = brotliCompressSync(raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (gz.length > raw.length * 0.9) continue;
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    sizes.push({ name, raw: raw.length, gzip: gz.length, brotli: br.length });
  }
  return sizes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.argv[2] ?? 'dist/web';
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  for (const { name, raw, gzip, brotli } of precompress(dir))
    console.log(`${name}: ${kib(raw)} → gzip ${kib(gzip)}, brotli ${kib(brotli)}`);
}
