import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CswError,
  CswTimeoutError,
  HttpStatusError,
  NotXmlError,
  OwsExceptionError,
  ResponseTooLargeError,
} from '../errors';
import type { IsoRecord } from '../iso/types';
import { CswClient } from './client';
import { fixture, useTestServer, xml } from './client.test-helper';

// Single requests and their failures; paging through a whole catalogue (harvestAll) is in
// harvest.spec.ts.
const server = useTestServer();

describe('CswClient against a local HTTP server serving the fixtures', () => {
  it('getCapabilities: GET with service=CSW&request=GetCapabilities', async () => {
    server.handler = (_req, _body, res) =>
      xml(res, fixture('ingrid-harvester-gdk/GetCapabilities.xml'));
    const caps = await server.client().getCapabilities();
    expect(caps.title).toBe('Geodatenkatalog');
    expect(caps.getRecords.constraintLanguages).toEqual(['FILTER', 'CQL_TEXT']);
    expect(server.seen).toHaveLength(1);
    expect(server.seen[0].method).toBe('GET');
    expect(server.seen[0].url).toBe(
      '/csw?service=CSW&request=GetCapabilities&acceptVersions=2.0.2',
    );
  });

  it('getRecordsHits: POST resultType=hits → numberOfRecordsMatched', async () => {
    server.handler = (_req, _body, res) =>
      xml(res, fixture('ingrid-harvester-gdk/GetRecordsHits.xml'));
    const hits = await server
      .client()
      .getRecordsHits({ constraint: { cql: "Modified >= '2026-01-01'" } });
    expect(hits).toEqual({
      numberOfRecordsMatched: 5,
      nextRecord: 0,
      timestamp: '2026-08-17T12:10:27',
      method: 'POST',
    });
    expect(server.seen[0].method).toBe('POST');
    expect(server.seen[0].body).toContain('resultType="hits"');
    expect(server.seen[0].body).toContain(
      '<csw:CqlText>Modified &gt;= &apos;2026-01-01&apos;</csw:CqlText>',
    );
  });

  it('getRecordsPage: streams the GDK page through the ISO parser', async () => {
    server.handler = (_req, _body, res) => {
      // Dribble the body out in small pieces, as a slow catalogue would.
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      const body = Buffer.from(fixture('ingrid-harvester-gdk/GetRecordsResults.xml'));
      let i = 0;
      const next = (): void => {
        if (i >= body.length) return void res.end();
        res.write(body.subarray(i, i + 16 * 1024));
        i += 16 * 1024;
        setImmediate(next);
      };
      next();
    };
    const records: IsoRecord[] = [];
    const page = await server
      .client()
      .getRecordsPage({ start: 1, maxRecords: 5 }, { onRecord: (r) => void records.push(r) });
    expect(records.map((r) => r.title)).toEqual([
      'INSPIRE-WFS Geographical Names GN250',
      'INSPIRE Geographical Names GN250',
      'INSPIRE-WMS Geographical Names GN250',
      'INSPIRE-WMS HE Hydro - Netzwerk ATKIS Basis-DLM - Hydrografisches Netzwerk',
      'INSPIRE HE Hydro - Netzwerk ATKIS Basis-DLM',
    ]);
    expect(page).toMatchObject({
      start: 1,
      method: 'POST',
      numberOfRecordsMatched: 5,
      numberOfRecordsReturned: 5,
      nextRecord: 0,
      isoRecords: 5,
      received: 5,
      warnings: [],
      bytes: 236363,
    });
  });

  describe('failures become typed errors', () => {
    it('HTTP 500 with a text body', async () => {
      server.handler = (_req, _body, res) => {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end('java.lang.NullPointerException\n\tat org.fao.geonet.Foo');
      };
      const err = await server
        .client()
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(HttpStatusError);
      expect(err).toMatchObject({
        code: 'HTTP_STATUS',
        status: 500,
        snippet: 'java.lang.NullPointerException at org.fao.geonet.Foo',
      });
      expect(err.message).toBe(
        `HTTP 500 Internal Server Error from ${server.base}: java.lang.NullPointerException at org.fao.geonet.Foo`,
      );
      expect(server.seen).toHaveLength(1); // 500 is not "POST unsupported": no GET retry
    });

    it('HTTP 500 with an ExceptionReport body', async () => {
      server.handler = (_req, _body, res) =>
        xml(
          res,
          '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Lucene index locked</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
          500,
        );
      const err = await server
        .client()
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(OwsExceptionError);
      expect(err).toMatchObject({
        httpStatus: 500,
        exceptionCode: 'NoApplicableCode',
        text: 'Lucene index locked',
      });
    });

    it('an ExceptionReport with status 200', async () => {
      server.handler = (_req, _body, res) =>
        xml(
          res,
          '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows"><ows:Exception exceptionCode="InvalidParameterValue" locator="outputSchema"/></ows:ExceptionReport>',
        );
      const err = await server
        .client()
        .getRecordsPage({ start: 1, maxRecords: 10 }, { onRecord: () => undefined })
        .catch((e) => e);
      expect(err).toBeInstanceOf(OwsExceptionError);
      expect(err).toMatchObject({ httpStatus: 200, locator: 'outputSchema' });
    });

    it('an HTML page with status 200', async () => {
      server.handler = (_req, _body, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<!DOCTYPE html><html><body>Wartungsarbeiten</body></html>');
      };
      await expect(server.client().getRecordsHits()).rejects.toBeInstanceOf(NotXmlError);
    });

    it('a timeout before the response headers', async () => {
      server.handler = () => new Promise(() => undefined); // never answers
      const err = await server
        .client({ timeoutMs: 300 })
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(CswTimeoutError);
      expect(err).toMatchObject({ code: 'TIMEOUT', timeoutMs: 300 });
    });

    it('a timeout while the body is streaming, after some records', async () => {
      const page = fixture('ingrid-harvester-gdk/GetRecordsResults.xml');
      server.handler = (_req, _body, res) => {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.write(page.slice(0, page.indexOf('</gmd:MD_Metadata>') + 200)); // one record, then silence
      };
      const records: IsoRecord[] = [];
      const err = await server
        .client({ timeoutMs: 500 })
        .getRecordsPage({ start: 1, maxRecords: 5 }, { onRecord: (r) => void records.push(r) })
        .catch((e) => e);
      expect(err).toBeInstanceOf(CswTimeoutError);
      expect(records.map((r) => r.fileIdentifier)).toEqual([
        '256a7a13-2bc7-462c-8353-4d09f6c3f8a8',
      ]);
    });

    it('a body larger than maxResponseBytes is aborted while streaming', async () => {
      const record = fixture('owslib/iso19139_srv.xml').replace(/^<\?xml[^>]*>/, '');
      let written = 0;
      server.handler = (_req, _body, res) => {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.write(
          '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><csw:SearchResults numberOfRecordsMatched="1000" numberOfRecordsReturned="1000" nextRecord="0">',
        );
        const more = (): void => {
          // 50 MB if nobody stopped reading; the client must stop at 1 MB.
          if (written > 50 * 1024 * 1024 || res.destroyed) return void res.end();
          written += record.length;
          if (res.write(record)) setImmediate(more);
          else res.once('drain', more);
        };
        more();
      };
      let delivered = 0;
      const err = await server
        .client({ maxResponseBytes: 1024 * 1024 })
        .getRecordsPage({ start: 1, maxRecords: 1000 }, { onRecord: () => void delivered++ })
        .catch((e) => e);
      expect(err).toBeInstanceOf(ResponseTooLargeError);
      expect(err).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limitBytes: 1024 * 1024 });
      expect(delivered).toBeGreaterThan(0);
      expect(delivered).toBeLessThan(40);
      expect(written).toBeLessThan(20 * 1024 * 1024);
    });

    it('a refused connection', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const err = await new CswClient({ url: `http://127.0.0.1:${port}/csw` })
        .getRecordsHits()
        .catch((e) => e);
      expect(err).toBeInstanceOf(CswError);
      expect(err.code).toBe('NETWORK');
      expect(err.message).toMatch(/ECONNREFUSED/);
    });

    it('cancellation by the caller', async () => {
      server.handler = () => new Promise(() => undefined);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const err = await server
        .client()
        .getRecordsHits({}, controller.signal)
        .catch((e) => e);
      expect(err).toMatchObject({ code: 'ABORTED' });
    });
  });
});
