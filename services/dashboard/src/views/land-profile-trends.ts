import type { Language } from '../url-state';
import { h } from '../view';
import { localDay, num, say, total, type Trends } from './land-profile-parts';

/** How the inventory developed; says so when the history is short (pure). */
export function trendElements(trends: Trends, lang: Language): HTMLElement[] {
  const buckets = trends.series[0]?.buckets ?? [];
  if (!trends.recordedSince || buckets.length === 0) return [h('p', {}, say(lang, 'none'))];
  const notes = [h('p', {}, say(lang, 'since', { d: localDay(trends.recordedSince, lang) }))];
  // One period draws a flat line that tells nothing: then the note and the table only.
  const drawChart = buckets.length > 1;
  if (buckets.length < 3)
    notes.push(
      h(
        'p',
        { class: 'muted', 'data-short': 'true' },
        say(lang, 'short', { n: String(buckets.length) }),
      ),
    );
  const totals = buckets.map((b) => total(b.inventory));
  const max = Math.max(1, ...totals);
  const width = 400;
  const step = buckets.length > 1 ? width / (buckets.length - 1) : 0;
  const points = totals
    .map((t, i) => `${Math.round(i * step)},${Math.round(100 - (90 * t) / max)}`)
    .join(' ');
  const chart = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  chart.setAttribute('viewBox', `-5 0 ${width + 10} 105`);
  chart.setAttribute('role', 'img');
  chart.setAttribute(
    'aria-label',
    `${say(lang, 'inventory')}: ${totals.map((t) => num(t, lang)).join(', ')}`,
  );
  const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
  line.setAttribute(
    'points',
    buckets.length > 1 ? points : `0,${points.split(',')[1]} ${width},${points.split(',')[1]}`,
  );
  chart.append(line);
  const table = h(
    'table',
    { class: 'kern-table profile-table' },
    h('caption', {}, say(lang, 'trends')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...(['period', 'registered', 'withdrawn', 'harvestedAdded', 'inventory'] as const).map(
          (k) => h('th', { scope: 'col', class: k === 'period' ? undefined : 'num' }, say(lang, k)),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...buckets.map((b) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, b.partial ? `${b.label} ${say(lang, 'partial')}` : b.label),
          h('td', { class: 'num' }, num(total(b.registered), lang)),
          h('td', { class: 'num' }, num(total(b.withdrawn) + b.harvested.withdrawn, lang)),
          h('td', { class: 'num' }, num(b.harvested.added, lang)),
          h('td', { class: 'num' }, num(total(b.inventory), lang)),
        ),
      ),
    ),
  );
  const figure = h('figure', { class: 'profile-trend' });
  figure.append(chart);
  return drawChart ? [...notes, figure, table] : [...notes, table];
}
