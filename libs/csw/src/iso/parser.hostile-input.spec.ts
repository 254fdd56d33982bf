import {
  NotXmlError,
  OwsExceptionError,
  UnexpectedDocumentError,
  XmlSecurityError,
  XmlSyntaxError,
} from '../errors';
import { parseIsoRecords } from './parser';
import { collect, GMD, page, record } from './parser.test-helper';
import type { IsoRecord } from './types';

// What a hostile or broken catalogue may send; how well-formed records are read is in parser.spec.ts.
describe('hostile input', () => {
  it('refuses a DOCTYPE with an external file entity (XXE)', async () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
      `<gmd:MD_Metadata xmlns:gmd="${GMD}">&xxe;</gmd:MD_Metadata>`;
    const err = await collect(xxe).catch((e) => e);
    expect(err).toBeInstanceOf(XmlSecurityError);
    expect(err.code).toBe('XML_DOCTYPE_REFUSED');
  });

  it('refuses a DOCTYPE with an external URL entity and a parameter entity', async () => {
    const xxe =
      '<!DOCTYPE r [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; <!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>' +
      '<r>&x;</r>';
    await expect(collect(xxe)).rejects.toMatchObject({ code: 'XML_DOCTYPE_REFUSED' });
  });

  it('refuses billion laughs before expanding anything', async () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
      ),
      ']>',
      '<lolz>&lol9;</lolz>',
    ].join('\n');
    const before = process.memoryUsage().heapUsed;
    await expect(collect(lol)).rejects.toMatchObject({ code: 'XML_DOCTYPE_REFUSED' });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('refuses a DOCTYPE split across chunks', async () => {
    async function* chunks() {
      yield '<?xml version="1.0"?><!DOC';
      yield 'TYPE x SYSTEM "http://example.invalid/x.dtd"><x/>';
    }
    await expect(collect(chunks())).rejects.toMatchObject({ code: 'XML_DOCTYPE_REFUSED' });
  });

  it('does not expand undeclared entities (only the XML built-ins and character references)', async () => {
    const err = await collect(
      `<gmd:MD_Metadata xmlns:gmd="${GMD}">&secret;</gmd:MD_Metadata>`,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(XmlSyntaxError);
    expect(err.message).toMatch(/undefined entity/);
    const [r] = await collect(record('a&amp;b&#x2013;&#169;'));
    expect(r.fileIdentifier).toBe('a&b–©');
  });

  it.each([
    [
      'with doctype',
      '<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>',
    ],
    [
      'lower-case doctype, not well-formed',
      '<!doctype html><html><body><br><p>Service Unavailable</body></html>',
    ],
    ['without doctype', '<html><head><title>Error</title></head><body>Tomcat error</body></html>'],
    ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>'],
  ])('recognises an HTML error page (%s)', async (_name, html) => {
    const err = await collect(html).catch((e) => e);
    expect(err).toBeInstanceOf(NotXmlError);
    expect(err.message).toBe('received an HTML page instead of XML');
  });

  it.each([
    ['plain text', 'Internal Server Error'],
    ['JSON', '{"error":"not found"}'],
  ])('recognises non-XML (%s) with a snippet', async (_name, body) => {
    const err = await collect(body).catch((e) => e);
    expect(err).toBeInstanceOf(NotXmlError);
    expect(err.code).toBe('NOT_XML');
    expect(err.snippet).toBe(body);
  });

  it('reports an empty response', async () => {
    await expect(collect('  \n ')).rejects.toMatchObject({ code: 'EMPTY_RESPONSE' });
    await expect(collect(Buffer.alloc(0))).rejects.toMatchObject({ code: 'EMPTY_RESPONSE' });
  });

  it('parses an OWS 1.0 ExceptionReport into a typed error', async () => {
    const report =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">' +
      '<ows:Exception exceptionCode="InvalidParameterValue" locator="outputSchema">' +
      '<ows:ExceptionText>Invalid outputSchema http://example.org/x</ows:ExceptionText>' +
      '</ows:Exception></ows:ExceptionReport>';
    const err = await collect(report).catch((e) => e);
    expect(err).toBeInstanceOf(OwsExceptionError);
    expect(err.code).toBe('OWS_EXCEPTION');
    expect(err.exceptionCode).toBe('InvalidParameterValue');
    expect(err.locator).toBe('outputSchema');
    expect(err.text).toBe('Invalid outputSchema http://example.org/x');
    expect(err.version).toBe('1.2.0');
    expect(err.message).toBe(
      'catalogue answered with an ExceptionReport: InvalidParameterValue locator=outputSchema: Invalid outputSchema http://example.org/x',
    );
  });

  it('parses an OWS 1.1 report with a default namespace and an OGC ServiceExceptionReport', async () => {
    const ows11 =
      '<ExceptionReport xmlns="http://www.opengis.net/ows/1.1" version="1.1.0">' +
      '<Exception exceptionCode="NoApplicableCode"><ExceptionText>a</ExceptionText><ExceptionText>b</ExceptionText></Exception>' +
      '<Exception exceptionCode="OperationNotSupported" locator="request"/></ExceptionReport>';
    const err = await collect(ows11).catch((e) => e);
    expect(err.exceptions).toEqual([
      { exceptionCode: 'NoApplicableCode', locator: null, texts: ['a', 'b'] },
      { exceptionCode: 'OperationNotSupported', locator: 'request', texts: [] },
    ]);
    const ogc =
      '<ServiceExceptionReport xmlns="http://www.opengis.net/ogc" version="1.2.0">' +
      '<ServiceException code="InvalidFormat">bad   request</ServiceException></ServiceExceptionReport>';
    await expect(collect(ogc)).rejects.toMatchObject({
      exceptions: [{ exceptionCode: 'InvalidFormat', locator: null, texts: ['bad request'] }],
    });
  });

  it('bounds element depth', async () => {
    const deep = page([record('deep', '<gmd:a>'.repeat(300) + '</gmd:a>'.repeat(300))]);
    const err = await collect(deep).catch((e) => e);
    expect(err).toBeInstanceOf(XmlSecurityError);
    expect(err.code).toBe('XML_TOO_DEEP');
    // Depth inside a record counts too, and the limit is configurable.
    const nested = record('x', '<gmd:x>'.repeat(20) + '</gmd:x>'.repeat(20));
    await expect(collect(nested, { maxDepth: 16 })).rejects.toMatchObject({ code: 'XML_TOO_DEEP' });
    await expect(collect(nested, { maxDepth: 64 })).resolves.toHaveLength(1);
  });

  it('bounds a huge text node, whether it arrives in one piece or in many chunks', async () => {
    const huge = record('x', '', 'A'.repeat(3_000_000));
    await expect(collect(huge)).rejects.toMatchObject({ code: 'XML_TEXT_TOO_LARGE' });
    async function* trickle() {
      yield `<gmd:MD_Metadata xmlns:gmd="${GMD}"><gmd:x>`;
      for (let i = 0; i < 100; i++) yield 'B'.repeat(64 * 1024);
      yield '</gmd:x></gmd:MD_Metadata>';
    }
    await expect(collect(trickle())).rejects.toMatchObject({ code: 'XML_TEXT_TOO_LARGE' });
    await expect(
      collect(record('x', '', 'A'.repeat(1000)), { maxTextNodeChars: 500 }),
    ).rejects.toMatchObject({
      code: 'XML_TEXT_TOO_LARGE',
    });
  });

  it('bounds a huge attribute value the same way', async () => {
    const attr = `<gmd:MD_Metadata xmlns:gmd="${GMD}" x="${'y'.repeat(3_000_000)}"/>`;
    await expect(collect(attr)).rejects.toMatchObject({ code: 'XML_TEXT_TOO_LARGE' });
  });

  it('an oversized record becomes an error record; the rest of the page is still read', async () => {
    const big = record(
      'big-one',
      `<gmd:abstract><gco:CharacterString>${'z'.repeat(20_000)}</gco:CharacterString></gmd:abstract>`,
    );
    const records = await collect(page([big, record('small-one')]), { maxRecordChars: 10_000 });
    expect(records.map((r) => r.fileIdentifier)).toEqual(['big-one', 'small-one']);
    expect(records[0].issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'RECORD_TOO_LARGE' }),
    ]);
    expect(records[0].title).toBeNull();
    expect(records[1].issues).toEqual([]);
    expect(records[1].title).toBe('Titel');
  });

  it('reports malformed XML mid-page with its position, after the records before it were delivered', async () => {
    const records: IsoRecord[] = [];
    const broken = page([
      record('one'),
      `<gmd:MD_Metadata xmlns:gmd="${GMD}"><gmd:fileIdentifier></gmd:MD_Metadata>`,
    ]);
    const err = await parseIsoRecords(broken, (r) => void records.push(r)).catch((e) => e);
    expect(err).toBeInstanceOf(XmlSyntaxError);
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^malformed XML at line 2, column \d+: unexpected close tag/);
    expect(records.map((r) => r.fileIdentifier)).toEqual(['one']);
  });

  it('refuses a document of another kind', async () => {
    const err = await collect(
      '<WMS_Capabilities xmlns="http://www.opengis.net/wms" version="1.3.0"/>',
    ).catch((e) => e);
    expect(err).toBeInstanceOf(UnexpectedDocumentError);
    expect(err.rootElement).toBe('{http://www.opengis.net/wms}WMS_Capabilities');
  });
});
