import { currentTestLog, eventually, freePort, SHARED_DIR, WORKSPACE_ROOT } from '@dpi/testing';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standaloneRecords } from '../demo/fixture-catalogue';

const FIXTURES = join(SHARED_DIR, 'fixtures/csw');

/** The venv of deploy/local/python.mjs (pycsw 2.6.2, gunicorn), built on first use. */
export function pythonEnv(): { python: string; bin: string } {
  const out = execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'deploy/local/python.mjs')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 900_000,
  });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

/** The records of a fixture file as standalone documents (for pycsw's loader). */
function standaloneFixtureRecords(file: string): string[] {
  return standaloneRecords(readFileSync(join(FIXTURES, file), 'utf8')).map(
    (xml) => `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`,
  );
}

const config = (home: string, port: number) => `[server]
home=${home}
url=http://127.0.0.1:${port}/csw
mimetype=application/xml; charset=UTF-8
encoding=UTF-8
language=en-US
maxrecords=100
loglevel=WARNING
logfile=
pretty_print=false
domainquerytype=list
domaincounts=false
profiles=apiso

[manager]
transactions=false
allowed_ips=127.0.0.1

[metadata:main]
identification_title=Fixture catalogue
identification_abstract=Real ISO 19139 records of the shared fixtures
identification_keywords=catalogue
identification_keywords_type=theme
identification_fees=None
identification_accessconstraints=None
provider_name=Datenplattform-Inventar tests
provider_url=https://example.org/
contact_name=Tests
contact_position=Tests
contact_address=-
contact_city=-
contact_stateorprovince=-
contact_postalcode=-
contact_country=Germany
contact_phone=-
contact_fax=-
contact_email=tests@example.org
contact_url=https://example.org/
contact_hours=-
contact_instructions=-
contact_role=pointOfContact

[metadata:inspire]
enabled=false

[repository]
database=sqlite:///${home}/records.db
table=records
`;

/**
 * A real pycsw 2.6.2 (OGC CSW 2.0.2, ISO Application Profile) on loopback, served by gunicorn,
 * its SQLite repository loaded with the fixture records by pycsw's own admin tool.
 */
export class PycswServer {
  private child: ChildProcess | null = null;
  private home = '';
  private port = 0;
  private env: { python: string; bin: string } | null = null;

  get url(): string {
    return `http://127.0.0.1:${this.port}/csw`;
  }

  async start(): Promise<this> {
    this.env = pythonEnv();
    this.home = mkdtempSync(join(tmpdir(), 'dpi-pycsw-'));
    this.port = await freePort();
    const records = join(this.home, 'records');
    mkdirSync(records);
    const files = [
      ...standaloneFixtureRecords('ingrid-harvester-gdk/GetRecordsResults.xml'),
      ...standaloneFixtureRecords('owslib/inspire-getrecords-response.xml'),
      ...standaloneFixtureRecords('owslib/csw_dov_getrecordbyid.xml'),
    ];
    files.forEach((xml, i) => writeFileSync(join(records, `record-${i}.xml`), xml));
    copyFileSync(join(FIXTURES, 'owslib/iso19139_srv.xml'), join(records, 'srv.xml'));
    copyFileSync(join(FIXTURES, 'ckanext-spatial/iso19139_dataset.xml'), join(records, 'ckan.xml'));
    writeFileSync(join(this.home, 'pycsw.cfg'), config(this.home, this.port));
    this.admin('setup_db');
    this.admin('load_records', '-p', records);

    // Into the test file's log, which outlives this server's home directory.
    const log = createWriteStream(currentTestLog() ?? join(this.home, 'gunicorn.log'), {
      flags: 'a',
    });
    this.child = spawn(
      join(this.env.bin, 'gunicorn'),
      ['pycsw.wsgi:application', '-b', `127.0.0.1:${this.port}`, '-w', '1'],
      {
        env: { ...process.env, PYCSW_CONFIG: join(this.home, 'pycsw.cfg') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    await eventually(
      async () => {
        const response = await fetch(`${this.url}?service=CSW&request=GetCapabilities`);
        if (response.status !== 200) throw new Error(`pycsw answered ${response.status}`);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    return this;
  }

  /** Identifiers in pycsw's repository. */
  identifiers(): string[] {
    return JSON.parse(
      this.sqlite(
        'import json; print(json.dumps([r[0] for r in c.execute("SELECT identifier FROM records ORDER BY identifier")]))',
      ),
    );
  }

  /** Removes records from the repository and waits until pycsw answers without them. */
  async remove(identifiers: string[]): Promise<void> {
    const expected = this.identifiers().length - identifiers.length;
    this.sqlite(
      `c.executemany("DELETE FROM records WHERE identifier = ?", [(i,) for i in ${JSON.stringify(identifiers)}]); c.commit(); print("ok")`,
    );
    await eventually(async () => {
      if ((await this.hits()) !== expected)
        throw new Error('pycsw still serves the removed records');
    });
  }

  /** numberOfRecordsMatched of an unconstrained ISO query. */
  async hits(): Promise<number> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/xml' },
      body:
        '<csw:GetRecords xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" service="CSW" version="2.0.2" ' +
        'resultType="hits" outputSchema="http://www.isotc211.org/2005/gmd"><csw:Query typeNames="gmd:MD_Metadata" ' +
        'xmlns:gmd="http://www.isotc211.org/2005/gmd"><csw:ElementSetName>brief</csw:ElementSetName></csw:Query></csw:GetRecords>',
    });
    const text = await response.text();
    const matched = /numberOfRecordsMatched="(\d+)"/.exec(text)?.[1];
    if (!matched) throw new Error(`pycsw answered without a count: ${text.slice(0, 300)}`);
    return Number(matched);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (this.home) rmSync(this.home, { recursive: true, force: true });
  }

  private admin(command: string, ...args: string[]): void {
    if (!this.env) throw new Error('not started');
    execFileSync(
      this.env.python,
      [
        join(this.env.bin, 'pycsw-admin.py'),
        '-c',
        command,
        '-f',
        join(this.home, 'pycsw.cfg'),
        ...args,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
  }

  private sqlite(statement: string): string {
    if (!this.env) throw new Error('not started');
    return execFileSync(
      this.env.python,
      [
        '-c',
        `import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=30); ${statement}`,
        join(this.home, 'records.db'),
      ],
      { encoding: 'utf8' },
    ).trim();
  }
}
