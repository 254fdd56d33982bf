import { hash } from 'node:crypto';
import type { SaxesTagNS } from 'saxes';
import { UnexpectedDocumentError } from '../errors';
import type { XmlSource } from '../xml/decode';
import { NS, clark } from '../xml/namespaces';
import { CanonicalWriter } from '../xml/canonical';
import { readXml, type ReadXmlOptions, type XmlSink } from '../xml/secure-reader';
import { TreeBuilder } from '../xml/tree';
import {
  extractForeignRecord,
  extractIsoRecord,
  fileIdentifierOf,
  oversizeRecord,
} from './extract';
import { keepIsoContent } from './structure';
import type {
  ForeignRecord,
  IsoIssue,
  IsoParseResult,
  IsoRecord,
  SearchResultsInfo,
} from './types';

export interface IsoParseOptions extends ReadXmlOptions {
  /** Largest record kept, in characters of XML; a larger one is reported with an error. Default 5 MB. */
  maxRecordChars?: number;
  /**
   * Keep each record's canonical XML (Canonical XML 1.0, standalone) in `IsoRecord.document`: what
   * a harvester needs to serve the record as it harvested it. Off by default (it costs memory).
   */
  keepDocument?: boolean;
  /** Receives records of other schemas (csw:Record …) found in a GetRecords response. */
  onForeignRecord?: (record: ForeignRecord) => void | Promise<void>;
}

/** The parser's bounds (depth, text node, record size): what a caller configures once. */
export type IsoParseLimits = Pick<
  IsoParseOptions,
  'maxDepth' | 'maxTextNodeChars' | 'maxRecordChars' | 'keepDocument'
>;

export const DEFAULT_MAX_RECORD_CHARS = 5_000_000;

type RecordCallback = (record: IsoRecord) => void | Promise<void>;

/**
 * Streams ISO 19139 records out of a CSW `GetRecordsResponse`, a `GetRecordByIdResponse` or a bare
 * `gmd:MD_Metadata` document. Each record is handed to `onRecord` as soon as its end tag has been
 * read (awaited before more input is read); only the record being read is held in memory.
 *
 * Throws a {@link CswError} for what makes the whole document unusable (malformed XML, a DOCTYPE,
 * HTML, an ExceptionReport, a document of another kind). Problems of a single record are reported
 * in its `issues` instead.
 */
export async function parseIsoRecords(
  source: XmlSource,
  onRecord: RecordCallback,
  options: IsoParseOptions = {},
): Promise<IsoParseResult> {
  const sink = new IsoPageSink(onRecord, options);
  const stats = await readXml(source, sink, options);
  return sink.result(stats.rootElement, stats.chars);
}

const RECORD_CONTAINERS = new Set(['GetRecordsResponse', 'GetRecordByIdResponse']);

function isIsoRecordRoot(tag: SaxesTagNS): boolean {
  return (
    (tag.local === 'MD_Metadata' && tag.uri === NS.gmd) ||
    (tag.local === 'MI_Metadata' && tag.uri === NS.gmi)
  );
}

class IsoPageSink implements XmlSink {
  private readonly maxRecordChars: number;
  private kind: IsoParseResult['documentKind'] | null = null;
  private searchResults: SearchResultsInfo | null = null;
  private searchResultsDepth = 0;
  /** Depth of the elements that are records (0 until known). */
  private recordLevel = 0;
  private timestamp: string | null = null;
  private readonly warnings: string[] = [];
  private isoRecords = 0;
  private foreignRecords = 0;
  private commentsInResults = 0;

  // The record being read.
  private builder: TreeBuilder | null = null;
  private recordIsIso = false;
  private recordStart = 0;
  private oversize = false;
  private oversizeId: string | null = null;
  private recordIssues: IsoIssue[] = [];
  /** The record's canonical XML being written (keepDocument), and the declarations around it. */
  private canonical: CanonicalWriter | null = null;
  private readonly outerNs: Record<string, string>[] = [];

  private readonly queue: (() => void | Promise<void>)[] = [];

  constructor(
    private readonly onRecord: RecordCallback,
    private readonly options: IsoParseOptions,
  ) {
    this.maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  open(tag: SaxesTagNS, depth: number, position: number): void {
    if (this.builder !== null) {
      if (this.oversize) return;
      if (position - this.recordStart > this.maxRecordChars) {
        this.markOversize();
        return;
      }
      this.builder.open(tag);
      this.canonical?.open(tag);
      return;
    }
    if (this.options.keepDocument) {
      this.outerNs.length = depth - 1;
      this.outerNs.push(tag.ns);
    }
    if (depth === 1) {
      this.openRoot(tag, position);
      return;
    }
    if (depth === this.recordLevel) {
      this.startRecord(tag, position, isIsoRecordRoot(tag));
      return;
    }
    if (this.kind === 'GetRecordsResponse' && depth === 2 && tag.uri === NS.csw) {
      if (tag.local === 'SearchStatus') {
        this.timestamp = tag.attributes['timestamp']?.value ?? null;
      } else if (tag.local === 'SearchResults') {
        this.searchResults = this.readSearchResults(tag);
        this.searchResultsDepth = depth;
        this.recordLevel = depth + 1;
      }
    }
  }

  close(tag: SaxesTagNS, depth: number, position: number): void {
    if (this.builder === null) return;
    if (depth === this.recordLevel) {
      if (!this.oversize) this.canonical?.close(tag);
      this.finishRecord();
      return;
    }
    if (this.oversize) return;
    if (position - this.recordStart > this.maxRecordChars) {
      this.markOversize();
      return;
    }
    this.builder.close();
    this.canonical?.close(tag);
  }

  text(text: string): void {
    if (this.builder !== null && !this.oversize) {
      this.builder.text(text);
      this.canonical?.text(text);
    }
  }

  comment(_text: string, depth: number): void {
    if (this.searchResultsDepth > 0 && depth === this.searchResultsDepth && this.builder === null) {
      this.commentsInResults++;
    }
  }

  warning(message: string): void {
    if (this.builder !== null)
      this.recordIssues.push({ severity: 'warning', code: 'NAMESPACE', message });
    else if (this.warnings.length < 50) this.warnings.push(message);
  }

  /**
   * Hands the records read from the last chunk to their callbacks, in order, awaiting only what
   * returns a promise: synchronous callbacks (the usual case) cost no microtask per record.
   */
  drain(): Promise<void> | void {
    while (this.queue.length > 0) {
      const task = this.queue.shift() as () => void | Promise<void>;
      const pending = task();
      if (pending !== undefined && typeof pending.then === 'function') {
        return pending.then(() => this.drain());
      }
    }
  }

  result(rootElement: string, chars: number): IsoParseResult {
    if (this.kind === 'GetRecordsResponse' && this.searchResults === null) {
      this.warnings.push('GetRecordsResponse without csw:SearchResults');
    }
    if (this.commentsInResults > 0) {
      this.warnings.push(`${this.commentsInResults} XML comment(s) inside csw:SearchResults`);
    }
    return {
      rootElement,
      documentKind: this.kind ?? 'MD_Metadata',
      searchResults: this.searchResults,
      timestamp: this.timestamp,
      isoRecords: this.isoRecords,
      foreignRecords: this.foreignRecords,
      commentsInResults: this.commentsInResults,
      warnings: this.warnings,
      chars,
    };
  }

  private openRoot(tag: SaxesTagNS, position: number): void {
    if (tag.uri === NS.csw && RECORD_CONTAINERS.has(tag.local)) {
      this.kind = tag.local as 'GetRecordsResponse' | 'GetRecordByIdResponse';
      // GetRecordByIdResponse holds the records directly.
      if (this.kind === 'GetRecordByIdResponse') this.recordLevel = 2;
      return;
    }
    if (isIsoRecordRoot(tag)) {
      this.kind = 'MD_Metadata';
      this.recordLevel = 1;
      this.startRecord(tag, position, true);
      return;
    }
    const name = clark(tag.uri, tag.local);
    throw new UnexpectedDocumentError(
      `expected a CSW GetRecordsResponse or an ISO 19139 gmd:MD_Metadata, got ${name}`,
      name,
    );
  }

  private startRecord(tag: SaxesTagNS, position: number, iso: boolean): void {
    this.builder = new TreeBuilder(tag, iso ? keepIsoContent : undefined);
    this.recordIsIso = iso;
    this.recordStart = position;
    this.oversize = false;
    this.oversizeId = null;
    this.recordIssues = [];
    if (this.options.keepDocument && iso) {
      // The apex declares what is in scope: the declarations of the elements around the record.
      this.canonical = new CanonicalWriter(this.outerNs.slice(0, this.recordLevel - 1));
      this.canonical.open(tag);
    } else this.canonical = null;
  }

  /** Keeps what identifies the record and lets the rest of it go. */
  private markOversize(): void {
    const builder = this.builder as TreeBuilder;
    this.oversize = true;
    this.oversizeId = fileIdentifierOf(builder.root);
    builder.root.children = [];
    this.canonical = null;
  }

  private finishRecord(): void {
    const builder = this.builder as TreeBuilder;
    this.builder = null;
    if (this.recordIsIso) {
      this.isoRecords++;
      const record = this.oversize
        ? oversizeRecord(this.oversizeId, this.maxRecordChars)
        : extractIsoRecord(builder.root, this.recordIssues);
      if (this.canonical !== null) {
        record.document = this.canonical.result();
        // Hashed here, in the parse worker, not on the harvester's main thread.
        record.documentChecksum = hash('sha256', this.canonical.neutral(), 'hex');
      }
      this.canonical = null;
      this.queue.push(() => this.onRecord(record));
    } else {
      this.foreignRecords++;
      const record = extractForeignRecord(builder.root);
      const handler = this.options.onForeignRecord;
      if (handler) this.queue.push(() => handler(record));
    }
  }

  private readSearchResults(tag: SaxesTagNS): SearchResultsInfo {
    const int = (name: string): number | null => {
      const raw = tag.attributes[name]?.value;
      if (raw === undefined) {
        this.warnings.push(`csw:SearchResults has no ${name}`);
        return null;
      }
      if (!/^\s*\d+\s*$/.test(raw)) {
        this.warnings.push(`csw:SearchResults ${name}="${raw.slice(0, 40)}" is not a number`);
        return null;
      }
      return Number(raw);
    };
    return {
      numberOfRecordsMatched: int('numberOfRecordsMatched'),
      numberOfRecordsReturned: int('numberOfRecordsReturned'),
      nextRecord: int('nextRecord'),
      elementSet: tag.attributes['elementSet']?.value ?? null,
      recordSchema: tag.attributes['recordSchema']?.value ?? null,
    };
  }
}
