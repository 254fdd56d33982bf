import { SHARED_DIR } from '@dpi/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Behaviour, CswRequest, TestCatalogue } from '../testing/test-catalogue.test-helper';

/**
 * The hostile corpus hostile-corpus.int-spec.ts harvests: each case a catalogue misbehaving in
 * one way, and how the job must end.
 */
export const MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

const csw = (body: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  body.replace(
    '<csw:GetRecordsResponse>',
    '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" version="2.0.2">',
  );

/** Every request answered the same way. */
const always =
  (answer: ReturnType<Behaviour>): Behaviour =>
  () =>
    answer;

/** Normal hits; the result pages rewritten. */
export const pages =
  (rewrite: (request: CswRequest, catalogue: TestCatalogue) => string): Behaviour =>
  (request, catalogue) =>
    request.resultType === 'results' ? { body: rewrite(request, catalogue) } : null;

/** The records of a page as the catalogue would serve them. */
export const recordsOf = (request: CswRequest, catalogue: TestCatalogue) =>
  [...catalogue.records.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .slice(request.start - 1, request.start - 1 + request.max)
    .map(([, r]) => r.xml);

const badXmlRecord = readFileSync(
  join(SHARED_DIR, 'fixtures/csw/ckanext-spatial/gemini2.1_error_bad_xml.xml'),
  'utf8',
).replace(/^<\?xml[^>]*\?>\s*/, '');

const DOCTYPE_RESPONSE = (doctype: string, entity: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n` +
  '<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">' +
  `<csw:SearchResults numberOfRecordsMatched="1" numberOfRecordsReturned="0" nextRecord="0">${entity}</csw:SearchResults>` +
  '</csw:GetRecordsResponse>';

const BILLION_LAUGHS = [
  '<!DOCTYPE lolz [',
  '<!ENTITY lol "lol">',
  ...Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ),
  ']>',
].join('\n');

export interface HostileCase {
  name: string;
  behaviour: (catalogue: TestCatalogue) => Behaviour;
  state: 'failed' | 'partiallySucceeded' | 'succeeded';
  /** Code of the job's error issue (failed jobs) … */
  errorCode?: string;
  /** … or warning codes that must be among its issues. */
  warningCodes?: string[];
  message: RegExp;
}

export const CASES: HostileCase[] = [
  {
    name: 'malformed XML in the middle of a page (real broken record)',
    behaviour: () =>
      pages((request, catalogue) => {
        const records = recordsOf(request, catalogue);
        return catalogue.response(6, 3, 4, [records[0], badXmlRecord, records[1]].join('\n'));
      }),
    state: 'failed',
    errorCode: 'XML_SYNTAX',
    message: /./,
  },
  {
    name: 'XXE with a file entity',
    behaviour: () =>
      always({
        body: DOCTYPE_RESPONSE(
          '<!DOCTYPE csw:GetRecordsResponse [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
          '&xxe;',
        ),
      }),
    state: 'failed',
    errorCode: 'XML_DOCTYPE_REFUSED',
    message: /DOCTYPE/i,
  },
  {
    name: 'XXE with a URL entity',
    behaviour: (catalogue) =>
      always({
        body: DOCTYPE_RESPONSE(
          `<!DOCTYPE csw:GetRecordsResponse [<!ENTITY xxe SYSTEM "${catalogue.origin}/evil">]>`,
          '&xxe;',
        ),
      }),
    state: 'failed',
    errorCode: 'XML_DOCTYPE_REFUSED',
    message: /DOCTYPE/i,
  },
  {
    name: 'billion laughs',
    behaviour: () => always({ body: DOCTYPE_RESPONSE(BILLION_LAUGHS, '&lol9;') }),
    state: 'failed',
    errorCode: 'XML_DOCTYPE_REFUSED',
    message: /DOCTYPE/i,
  },
  {
    name: 'a harmless-looking DOCTYPE with an external DTD',
    behaviour: () =>
      always({
        body: DOCTYPE_RESPONSE(
          '<!DOCTYPE csw:GetRecordsResponse PUBLIC "-//OGC//DTD CSW//EN" "http://schemas.opengis.net/csw.dtd">',
          '',
        ),
      }),
    state: 'failed',
    errorCode: 'XML_DOCTYPE_REFUSED',
    message: /DOCTYPE/i,
  },
  {
    name: 'an HTML error page with status 200',
    behaviour: () =>
      always({
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><title>502 Proxy Error</title></head><body><h1>Proxy Error</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>',
      }),
    state: 'failed',
    errorCode: 'NOT_XML',
    message: /./,
  },
  {
    name: 'an OWS ExceptionReport',
    behaviour: () =>
      always({
        status: 200,
        body: csw(
          '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0"><ows:Exception exceptionCode="NoApplicableCode"><ows:ExceptionText>Lucene index is being rebuilt, try again later</ows:ExceptionText></ows:Exception></ows:ExceptionReport>',
        ),
      }),
    state: 'failed',
    errorCode: 'OWS_EXCEPTION',
    message: /NoApplicableCode: Lucene index is being rebuilt/,
  },
  {
    name: 'HTTP 500 (retried, then failed)',
    behaviour: () =>
      always({ status: 500, contentType: 'text/plain', body: 'java.lang.NullPointerException' }),
    state: 'failed',
    errorCode: 'HTTP_STATUS',
    warningCodes: ['RETRY'],
    message: /HTTP 500 .*java\.lang\.NullPointerException/,
  },
  {
    name: 'an empty 200 response',
    behaviour: () => always({ body: '' }),
    state: 'failed',
    errorCode: 'EMPTY_RESPONSE',
    message: /./,
  },
  {
    name: 'a catalogue that never answers (timeout)',
    behaviour: () => always({ body: 'hang' }),
    state: 'failed',
    errorCode: 'TIMEOUT',
    warningCodes: ['RETRY'],
    message: /did not complete within 1500 ms/,
  },
  {
    name: 'a 50 MB response',
    behaviour: () =>
      always({
        body: async function* () {
          yield '<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">';
          // Small, well-formed pieces: only the total size is hostile.
          const megabyte = '<!-- padding -->'.repeat(65536);
          for (let i = 0; i < 50; i++) yield megabyte;
          yield '</csw:GetRecordsResponse>';
        },
      }),
    state: 'failed',
    errorCode: 'RESPONSE_TOO_LARGE',
    message: new RegExp(`exceeds the limit of ${MAX_RESPONSE_BYTES} bytes`),
  },
  {
    // Crosses both the text-node limit (2,000,000 characters, at byte ~2,000,150) and the byte
    // limit (2 MiB): the one crossed first in the input's byte order is the job's error, however
    // the response is chunked (libs/csw limit-precedence.spec.ts pins the rule).
    name: 'a 50 MB text node',
    behaviour: () =>
      always({
        body: async function* () {
          yield '<?xml version="1.0" encoding="UTF-8"?>\n<csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2"><!--';
          const megabyte = 'x'.repeat(1024 * 1024);
          for (let i = 0; i < 50; i++) yield megabyte;
          yield '--></csw:GetRecordsResponse>';
        },
      }),
    state: 'failed',
    errorCode: 'XML_TEXT_TOO_LARGE',
    message: /longer than \d+ characters/,
  },
  {
    name: 'Dublin Core records instead of ISO 19139 (outputSchema ignored)',
    behaviour: () =>
      pages((request, catalogue) => {
        const records = recordsOf(request, catalogue).map(
          (_, i) =>
            `<csw:Record xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier>dc-${request.start + i}</dc:identifier><dc:title>Only Dublin Core</dc:title></csw:Record>`,
        );
        return catalogue.response(
          6,
          records.length,
          request.start + records.length,
          records.join('\n'),
        );
      }),
    state: 'partiallySucceeded',
    warningCodes: ['PAGE_WARNING'],
    message: /6 record\(s\) could not be harvested/,
  },
  {
    name: 'nextRecord going backwards',
    behaviour: () =>
      pages((request, catalogue) => {
        const records = recordsOf(request, catalogue);
        return catalogue.response(6, records.length, 1, records.join('\n'));
      }),
    state: 'partiallySucceeded',
    warningCodes: ['NEXT_RECORD_BACKWARDS', 'INCOMPLETE'],
    message: /received 3 of 6 matched records \(paging stopped: nextRecordBackwards\)/,
  },
  {
    name: 'a wrong (inconsistent) nextRecord',
    behaviour: () =>
      pages((request, catalogue) => {
        const records = recordsOf(request, catalogue);
        return catalogue.response(
          6,
          records.length,
          request.start + records.length + 1,
          records.join('\n'),
        );
      }),
    state: 'succeeded',
    warningCodes: ['NEXT_RECORD_INCONSISTENT'],
    message: /^$/,
  },
  {
    name: 'a missing nextRecord',
    behaviour: () =>
      pages((request, catalogue) => {
        const records = recordsOf(request, catalogue);
        return catalogue.response(6, records.length, null, records.join('\n'));
      }),
    state: 'succeeded',
    warningCodes: ['NEXT_RECORD_MISSING'],
    message: /^$/,
  },
  {
    name: 'a page with fewer records than announced',
    behaviour: () =>
      pages((request, catalogue) => {
        const records = recordsOf(request, catalogue);
        const kept = request.start === 1 ? records.slice(0, 2) : records;
        return catalogue.response(
          6,
          records.length,
          request.start + records.length,
          kept.join('\n'),
        );
      }),
    state: 'partiallySucceeded',
    warningCodes: ['FEWER_RECORDS_THAN_ANNOUNCED', 'INCOMPLETE'],
    message: /received 5 of 6 matched records/,
  },
  {
    name: 'XML comments in place of records',
    behaviour: () =>
      pages((request, catalogue) => {
        const records = recordsOf(request, catalogue);
        const body =
          request.start === 1
            ? [
                records[0],
                '<!-- Record could not be loaded: metadata 4711 is broken -->',
                records[2],
              ]
            : records;
        return catalogue.response(
          6,
          records.length,
          request.start + records.length,
          body.join('\n'),
        );
      }),
    state: 'partiallySucceeded',
    warningCodes: ['FEWER_RECORDS_THAN_ANNOUNCED'],
    message: /received 5 of 6 matched records/,
  },
];
