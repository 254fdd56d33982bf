// Summarises a .cpuprofile (from cpu-profile.cjs): self time per package and per function.
// Usage: node profile-summary.mjs <file.cpuprofile> [top N]
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const packageOf = (url) => {
  if (!url) return '(native/idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node:internal';
  const m = /\/(services|libs)\/([^/]+)\//.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
};
const functions = new Map();
const packages = new Map();
for (const [id, time] of self) {
  const { callFrame: f } = byId.get(id);
  const fn = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  functions.set(fn, (functions.get(fn) ?? 0) + time);
  const pkg = ['(idle)', '(program)', '(garbage collector)'].includes(f.functionName)
    ? f.functionName
    : packageOf(f.url);
  packages.set(pkg, (packages.get(pkg) ?? 0) + time);
}
const show = (title, map) => {
  console.log(`${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  for (const [name, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
    console.log(`  ${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
};
show('self time by package', packages);
show('self time by function', functions);
