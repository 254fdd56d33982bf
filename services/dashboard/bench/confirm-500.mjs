// `node services/dashboard/bench/confirm-500.mjs [--entries 500] [--rounds 2]`: how long a Land
// editor takes to confirm a Land's open entries in the entry UI (/erfassung: "Alle offenen
// auswählen", "Ausgewählte bestätigen" — the registry's bulk route), against the same through the
// API (GET the round's open records, POST /rounds/{id}/confirmations in batches of 1,000), in the
// same run and stack (issue 22: "time to confirm 500 entries of one Land in the UI and through the
// API"). Two Länder get `--entries` platforms each; every round the UI confirms one Land and the
// API the other, and the next round swaps them (A/B, B/A). A script, not a test: it prints
// figures and asserts nothing. Needs PostgreSQL, Kafka and the builds (see stack.mjs).
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { ADMIN_TOKEN, startStack } from './stack.mjs';

const require = createRequire(import.meta.url);
const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '2' },
  },
});
const ENTRIES = Number(values.entries);
const ROUNDS = Number(values.rounds);
const LAENDER = ['DE-SH', 'DE-NI'];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const stack = await startStack();
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const api = async (method, path, body, token = ADMIN_TOKEN) => {
  const response = await fetch(`${stack.registry.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json().catch(() => null);
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
};

try {
  const items = LAENDER.flatMap((landCode) =>
    Array.from({ length: ENTRIES }, (_, i) => ({
      kind: 'platform',
      id: randomUUID(),
      data: {
        landCode,
        name: `Bench-Plattform ${landCode} ${i}`,
        type: 'geoportal',
        status: 'production',
      },
    })),
  );
  await api('POST', '/imports', items);
  const { issueToken } = require('@dpi/testing');
  const tokens = {};
  for (const landCode of LAENDER)
    tokens[landCode] = await issueToken(stack.registry.url, ADMIN_TOKEN, {
      name: `bench-redaktion-${landCode.toLowerCase()}-${Date.now()}`,
      role: 'land-editor',
      landCode,
    });

  const results = [];
  for (let round = 0; round < ROUNDS; round++) {
    const opened = await api('POST', '/rounds', {
      title: `Bench-Runde ${round + 1}`,
      referenceDate: new Date().toISOString().slice(0, 10),
      deadline: new Date(Date.now() + 86_400_000).toISOString(),
      kinds: ['platform'],
      landCodes: LAENDER,
    });
    const [uiLand, apiLand] = round % 2 === 0 ? LAENDER : [...LAENDER].reverse();
    const ui = await confirmInUi(opened.id, uiLand, tokens[uiLand]);
    const viaApi = await confirmViaApi(opened.id, apiLand, tokens[apiLand]);
    results.push({ round: round + 1, uiLand, apiLand, ...ui, ...viaApi });
    await api('POST', `/rounds/${opened.id}/close`);
  }

  console.log(
    `\nconfirm ${ENTRIES}+ entries of one Land (issue 22), ${ROUNDS} rounds, Länder swapped:`,
  );
  for (const r of results)
    console.log(
      `  round ${r.round}: UI ${r.uiLand} ${r.uiConfirmed} entries in ${r.uiMs.toFixed(0)} ms ` +
        `(with page load ${r.uiWithLoadMs.toFixed(0)} ms) | API ${r.apiLand} ${r.apiConfirmed} in ` +
        `${r.apiMs.toFixed(0)} ms | UI/API ${(r.uiMs / r.apiMs).toFixed(2)} ` +
        `(with load ${(r.uiWithLoadMs / r.apiMs).toFixed(2)})\n` +
        `    UI parts: select all ${r.uiSelectMs.toFixed(0)} ms, click → answer ` +
        `${r.uiClickToAnswerMs.toFixed(0)} ms (of it the request ${r.uiPostMs.toFixed(0)} ms), ` +
        `answer → list shown ${r.uiAfterAnswerMs.toFixed(0)} ms`,
    );
  const sum = (key) => results.reduce((s, r) => s + r[key], 0);
  console.log(
    `  total: UI ${sum('uiMs').toFixed(0)} ms, API ${sum('apiMs').toFixed(0)} ms, ` +
      `ratio UI/API ${(sum('uiMs') / sum('apiMs')).toFixed(2)} ` +
      `(with page load ${(sum('uiWithLoadMs') / sum('apiMs')).toFixed(2)})`,
  );
} finally {
  await browser.close();
  await stack.stop();
}

/** Signed in (the session as the entry UI keeps it), open the page, select all open, confirm. */
async function confirmInUi(roundId, landCode, token) {
  const principal = await api('GET', '/auth/principal', undefined, token);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(
    ([value]) => sessionStorage.setItem('dpi.erfassung', value),
    [JSON.stringify({ token, principal })],
  );
  const page = await context.newPage();
  const loadStart = performance.now();
  await page.goto(`${stack.dashboard.url}/erfassung`);
  await page.locator('#erfassung-tabelle').waitFor({ timeout: 120_000 });
  const start = performance.now();
  await page.click('#erfassung-alle');
  await page.waitForFunction(() => !document.querySelector('#erfassung-bestaetigen')?.disabled);
  const selectedAt = performance.now();
  const label = await page.locator('#erfassung-bestaetigen').textContent();
  const posted = page.waitForResponse((r) => r.url().endsWith('/confirmations'));
  await page.click('#erfassung-bestaetigen');
  const response = await posted;
  const answeredAt = performance.now();
  // Done when the page says so and no row is open any more.
  await page.locator('.erfassung-status', { hasText: 'bestätigt' }).waitFor({ timeout: 300_000 });
  await page.waitForFunction(
    () => !document.querySelector('#erfassung-tabelle tr[data-state="open"]'),
    null,
    { timeout: 300_000 },
  );
  const end = performance.now();
  await context.close();
  const left = await openCount(roundId, landCode);
  if (left !== 0) throw new Error(`UI: ${left} records of ${landCode} still open`);
  const timing = response.request().timing();
  return {
    uiConfirmed: Number(/\((\d+)\)/.exec(label ?? '')?.[1] ?? NaN),
    uiSelectMs: selectedAt - start,
    uiPostMs: timing.responseEnd > 0 ? timing.responseEnd - timing.requestStart : NaN,
    uiClickToAnswerMs: answeredAt - selectedAt,
    uiAfterAnswerMs: end - answeredAt,
    uiMs: end - start,
    uiWithLoadMs: end - loadStart,
  };
}

/** What a script would do: the Land's open records of the round, confirmed in batches of 1,000. */
async function confirmViaApi(roundId, landCode, token) {
  const start = performance.now();
  const ids = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ land: landCode, status: 'open', limit: '500' });
    if (cursor) query.set('cursor', cursor);
    const page = await api('GET', `/rounds/${roundId}/records?${query}`, undefined, token);
    ids.push(...page.items.map((r) => r.id));
    cursor = page.nextCursor;
  } while (cursor);
  let confirmed = 0;
  for (let i = 0; i < ids.length; i += 1000)
    confirmed += (
      await api(
        'POST',
        `/rounds/${roundId}/confirmations`,
        { recordIds: ids.slice(i, i + 1000) },
        token,
      )
    ).confirmed;
  const end = performance.now();
  const left = await openCount(roundId, landCode);
  if (left !== 0) throw new Error(`API: ${left} records of ${landCode} still open`);
  return { apiConfirmed: confirmed, apiMs: end - start };
}

async function openCount(roundId, landCode) {
  const query = new URLSearchParams({ land: landCode, status: 'open', limit: '1' });
  return (await api('GET', `/rounds/${roundId}/records?${query}`)).total;
}
