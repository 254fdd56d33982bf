import { eventually, freePort, issueToken, migrateService, ServiceProcess } from '@dpi/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readEvents, SseEvent } from '../live/sse.test-helper';
import { ReportingUnderTest, startReporting } from '../reporting.test-helper';

/**
 * The AG's view of survey rounds (issue 22, part 5) through the real registry (its dist), Kafka
 * and reporting: the dashboard's round (current or chosen) with each Land's progress, a Land's
 * round history, the open items as PDF, the closed rounds' results in report.pdf, and the live
 * event the dashboard reloads on. Negative controls: a Land outside the round is not listed as
 * open; an open round is not in the report; another Land's rows are not in a Land's report.
 */
const ADMIN = 'rounds-report-admin-0123456789';

interface LandProgress {
  landCode: string;
  inScope: number;
  open: number;
  confirmed: number;
  complete: boolean;
}
interface Overview {
  rounds: { id: string; title: string; state: string }[];
  shown: { round: { id: string; state: string }; laender: LandProgress[] } | null;
}

const pdfText = async (dir: string, name: string, bytes: Buffer) => {
  // pdf-parse (pdf.js) in a plain Node process: its worker needs a dynamic import jest lacks.
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const { stdout } = await promisify(execFile)(process.execPath, [
    '-e',
    `const { PDFParse } = require('pdf-parse');
     const parser = new PDFParse({ data: require('node:fs').readFileSync(process.argv[1]) });
     parser.getText().then(({ text }) => console.log(JSON.stringify(text)));`,
    file,
  ]);
  return JSON.parse(stdout) as string;
};

/** Text outside any structure element of a PDF (0: tagged throughout; footers are artifacts). */
const untaggedText = async (dir: string, name: string) => {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '--input-type=module',
    '-e',
    `import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
     import { readFileSync } from 'node:fs';
     const pdf = await getDocument({ data: new Uint8Array(readFileSync(process.argv[1])) }).promise;
     let untagged = 0, tagged = 0;
     for (let n = 1; n <= pdf.numPages; n++) {
       const page = await pdf.getPage(n);
       const stack = [];
       for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
         if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') stack.push(item.tag);
         else if (item.type === 'endMarkedContent') stack.pop();
         else if (item.str && item.str.trim()) stack.length === 0 ? untagged++ : tagged++;
       }
     }
     console.log(JSON.stringify({ untagged, tagged }));`,
    join(dir, name),
  ]);
  return JSON.parse(stdout) as { untagged: number; tagged: number };
};

describe('reporting: survey rounds for the AG — dashboard progress, history, PDFs (issue 22)', () => {
  let registry: ServiceProcess;
  let r: ReportingUnderTest;
  let base: string;
  let work: string;
  const tokens = { hamburg: '', brandenburg: '' };
  const hh: string[] = [];
  let first = '';
  let second = '';
  const events: SseEvent[] = [];
  const stream = new AbortController();

  const call = async (method: string, path: string, token?: string, body?: unknown) => {
    const response = await fetch(`${registry.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const get = (path: string) => fetch(`${base}${path}`);
  const overview = async (query = ''): Promise<Overview> => {
    const response = await get(`/api/v1/rounds/progress${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as Overview;
  };
  const byLand = (o: Overview) =>
    Object.fromEntries((o.shown?.laender ?? []).map((l) => [l.landCode, l]));
  const platform = async (token: string, landCode: string, name: string) => {
    const created = await call('POST', '/api/v1/platforms', token, {
      name,
      landCode,
      type: 'geoportal',
      status: 'production',
    });
    expect(created.status).toBe(201);
    return created.json.id as string;
  };
  const openRound = async (title: string, landCodes: string[]) => {
    const round = await call('POST', '/api/v1/rounds', ADMIN, {
      title,
      referenceDate: '2026-12-01',
      deadline: '2099-12-31T23:00:00Z',
      kinds: ['platform'],
      landCodes,
    });
    expect(round.status).toBe(201);
    return round.json.id as string;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'rounds-report-'));
    const registryPort = await freePort();
    r = await startReporting('roundsrep', { REGISTRY_URL: `http://127.0.0.1:${registryPort}` });
    const env = r.ns.env('registry', { DPI_ADMIN_TOKEN: ADMIN, KAFKA_GROUP_ID: 'dpi-registry' });
    migrateService('registry', env);
    registry = new ServiceProcess('registry', env, registryPort);
    await registry.start({ timeoutMs: 120_000 });
    base = await r.serve();
    await readEvents(`${base}/api/v1/events`, stream.signal, events);
    tokens.hamburg = await issueToken(registry.url, ADMIN, {
      name: 'hh-editor',
      role: 'land-editor',
      landCode: 'DE-HH',
    });
    tokens.brandenburg = await issueToken(registry.url, ADMIN, {
      name: 'bb-editor',
      role: 'land-editor',
      landCode: 'DE-BB',
    });
    hh.push(await platform(tokens.hamburg, 'DE-HH', 'Geoportal Hamburg'));
    hh.push(await platform(tokens.hamburg, 'DE-HH', 'Transparenzportal Hamburg'));
    await platform(tokens.brandenburg, 'DE-BB', 'Geoportal Brandenburg');
    // Saxony registers too, but is in no round: never listed as open.
    await platform(ADMIN, 'DE-SN', 'Geoportal Sachsen');
    first = await openRound('Erhebungsrunde 2026/1', ['DE-HH', 'DE-BB']);
  }, 240_000);

  afterAll(async () => {
    stream.abort();
    await registry?.stop();
    await r?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('shows the open round with each Land of its scope, and no Land outside it', async () => {
    await eventually(async () => {
      const o = await overview();
      expect(o.shown?.round).toMatchObject({ id: first, state: 'open' });
      expect(byLand(o)['DE-HH']).toMatchObject({ inScope: 2, open: 2, complete: false });
      expect(byLand(o)['DE-BB']).toMatchObject({ inScope: 1, open: 1 });
    });
    expect(Object.keys(byLand(await overview())).sort()).toEqual(['DE-BB', 'DE-HH']);
  });

  it('tells the live stream when a Land’s progress changed (model round, the round’s id)', async () => {
    const before = events.length;
    expect(
      (
        await call('POST', `/api/v1/rounds/${first}/confirmations`, tokens.hamburg, {
          recordIds: hh,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('POST', `/api/v1/rounds/${first}/laender/DE-HH/complete`, tokens.hamburg)).status,
    ).toBe(200);
    await eventually(async () => {
      const seen = events
        .slice(before)
        .filter((e) => e.event === 'changed' && e.data['model'] === 'round');
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.flatMap((e) => e.data['ids'] as string[])).toContain(first);
      expect(byLand(await overview())['DE-HH']).toMatchObject({
        open: 0,
        confirmed: 2,
        complete: true,
      });
    });
  });

  it('lists a Land’s open items as a tagged PDF, and says so when none are left', async () => {
    const read = async (land: string) => {
      const response = await get(`/api/v1/rounds/${first}/open-items.pdf?land=${land}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(`offene-eintraege-${land}`);
      return Buffer.from(await response.arrayBuffer());
    };
    const bb = await pdfText(work, 'bb.pdf', await read('DE-BB'));
    for (const expected of [
      'Offene Einträge: Brandenburg',
      'Erhebungsrunde 2026/1',
      'Noch offen (1)',
      'Geoportal Brandenburg',
      'noch nie',
    ])
      expect(bb).toContain(expected);
    expect(bb).not.toContain('Geoportal Hamburg');
    expect(await untaggedText(work, 'bb.pdf')).toMatchObject({ untagged: 0 });
    const hamburg = await pdfText(work, 'hh.pdf', await read('DE-HH'));
    expect(hamburg).toContain('Keine offenen Einträge.');
    expect(hamburg).not.toContain('Geoportal Brandenburg');
    expect((await get(`/api/v1/rounds/${first}/open-items.pdf?land=XX`)).status).toBe(400);
  });

  it('puts each closed round’s frozen result in report.pdf; an open round is not in it', async () => {
    expect((await call('POST', `/api/v1/rounds/${first}/close`, ADMIN)).status).toBe(200);
    second = await openRound('Erhebungsrunde 2027/1', ['DE-HH']);
    await eventually(async () => {
      const o = await overview();
      expect(o.shown?.round).toMatchObject({ id: second, state: 'open' });
      expect(o.rounds.map((x) => x.id)).toEqual([second, first]);
    });
    const report = await get('/api/v1/exports/report.pdf');
    expect(report.status).toBe(200);
    const text = await pdfText(work, 'report.pdf', Buffer.from(await report.arrayBuffer()));
    const rounds = text.slice(text.indexOf('Erhebungsrunden')).replace(/\s+/g, ' ');
    expect(text).toContain('Erhebungsrunden');
    expect(rounds).toContain('Erhebungsrunde 2026/1');
    expect(rounds).toContain('1 von 2 Ländern haben die Runde abgeschlossen');
    expect(rounds).toMatch(/Hamburg\s+2\s+2\s+0\s+0\s+0\s+0\s+ja, \d{2}\.\d{2}\.\d{4}/);
    expect(rounds).toMatch(/Brandenburg\s+1\s+0\s+0\s+0\s+0\s+1\s+nein/);
    expect(rounds).not.toContain('2027/1');
    expect(rounds).not.toContain('Sachsen');
    expect(await untaggedText(work, 'report.pdf')).toMatchObject({ untagged: 0 });
    // A Land's report: its own row of each round only.
    const own = await get('/api/v1/exports/report.pdf?land=DE-HH');
    const ownText = await pdfText(work, 'hh-report.pdf', Buffer.from(await own.arrayBuffer()));
    const ownRounds = ownText.slice(ownText.indexOf('Erhebungsrunden')).replace(/\s+/g, ' ');
    expect(ownRounds).toContain('Erhebungsrunde 2026/1');
    expect(ownRounds).toMatch(/Hamburg\s+2\s+2\s+0/);
    expect(ownRounds).not.toContain('Brandenburg');
  }, 120_000);

  it('shows a chosen round, and refuses a malformed or unknown one', async () => {
    const chosen = await overview(`?round=${first}`);
    expect(chosen.shown?.round).toMatchObject({ id: first, state: 'closed' });
    expect(byLand(chosen)['DE-BB']).toMatchObject({ open: 1, complete: false });
    expect((await get('/api/v1/rounds/progress?round=nope')).status).toBe(400);
    expect(
      (await get('/api/v1/rounds/progress?round=00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
  });

  it('gives each Land its round history, newest first; a Land in no round has none', async () => {
    const history = async (land: string) => {
      const response = await get(`/api/v1/rounds/history?land=${land}`);
      expect(response.status).toBe(200);
      return (await response.json()) as {
        rounds: { round: { id: string }; progress: LandProgress }[];
      };
    };
    const hamburg = await history('DE-HH');
    expect(hamburg.rounds.map((x) => x.round.id)).toEqual([second, first]);
    expect(hamburg.rounds[1].progress).toMatchObject({ confirmed: 2, complete: true });
    expect((await history('DE-BB')).rounds.map((x) => x.round.id)).toEqual([first]);
    expect((await history('DE-SN')).rounds).toEqual([]);
    expect((await get('/api/v1/rounds/history')).status).toBe(400);
  });
});
