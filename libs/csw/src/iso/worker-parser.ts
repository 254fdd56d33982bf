import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CswError } from '../errors';
import type { XmlSource } from '../xml/decode';
import type { IsoParseOptions } from './parser';
import type { ForeignRecord, IsoParseResult, IsoRecord } from './types';
import { INPUT_BROKEN, reviveError, type FromWorker, type ToWorker } from './worker-protocol';

/** {@link parseIsoRecords}' signature: what a {@link CswClient} parses responses with. */
export type IsoRecordsParser = ((
  source: XmlSource,
  onRecord: (record: IsoRecord) => void | Promise<void>,
  options?: IsoParseOptions,
) => Promise<IsoParseResult>) & {
  /**
   * The records share no storage with the input text (a worker's are structured clones), so a
   * caller that keeps them need not copy their strings (`detachStrings`).
   */
  readonly detachedRecords?: boolean;
};

/**
 * The worker script: next to this file in the built library. Tests run this file from its
 * TypeScript source and use the built script (`npm test` builds first).
 */
const WORKER_SCRIPT = __filename.endsWith('.ts')
  ? join(__dirname, '../../dist/iso/parse-worker.js')
  : join(__dirname, 'parse-worker.js');

/** Bytes sent to the worker and not read by it yet, per document, before reading waits. */
const MAX_IN_FLIGHT = 1024 * 1024;

interface Pending {
  /** Sent to the worker and not yet read there; {@link MAX_IN_FLIGHT} bounds it. */
  inFlight: number;
  /** Resolved when the worker reports progress (reading waits on it when too much is in flight). */
  progressed: (() => void) | null;
  onRecord: (record: IsoRecord) => void | Promise<void>;
  onForeignRecord?: (record: ForeignRecord) => void | Promise<void>;
  /** Records handed over in order: each batch after the one before it. */
  delivered: Promise<void>;
  resolve: (result: IsoParseResult) => void;
  reject: (error: unknown) => void;
  failed: boolean;
  /** The error reading the input failed with, reported unless the worker finds one before it. */
  inputError?: unknown;
}

/**
 * Parses ISO 19139 responses on a worker thread, so that the thread that reads the responses and
 * stores the records is not also the one that parses them: the parse is most of a harvest's CPU.
 * `parse` behaves as {@link parseIsoRecords} does (same records, same typed errors, records handed
 * to `onRecord` while the document is still arriving); the bytes go to the worker as they are read.
 * One worker serves any number of documents at once; it is started on first use and started again
 * if it ever dies (the documents it was parsing fail).
 */
export class IsoParseWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  static available(): boolean {
    return existsSync(WORKER_SCRIPT);
  }

  readonly parse: IsoRecordsParser = Object.assign(this.parseOnWorker.bind(this), {
    detachedRecords: true,
  });

  private async parseOnWorker(
    source: XmlSource,
    onRecord: (record: IsoRecord) => void | Promise<void>,
    options: IsoParseOptions = {},
  ): Promise<IsoParseResult> {
    if (this.closed) throw new Error('IsoParseWorker is closed');
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const { signal, onForeignRecord, maxDepth, maxTextNodeChars, maxRecordChars, keepDocument } =
      options;
    const outcome = new Promise<IsoParseResult>((resolve, reject) => {
      this.pending.set(id, {
        inFlight: 0,
        progressed: null,
        onRecord,
        onForeignRecord,
        delivered: Promise.resolve(),
        resolve,
        reject,
        failed: false,
      });
    });
    // Settled here too, so that a failure while the bytes are still being sent is never unhandled.
    outcome.catch(() => undefined);
    const post = (message: ToWorker, transfer?: ArrayBuffer[]) =>
      worker.postMessage(message, transfer);
    post({
      type: 'start',
      id,
      options: { maxDepth, maxTextNodeChars, maxRecordChars, keepDocument },
    });
    try {
      for await (const chunk of chunksOf(source)) {
        if (signal?.aborted) throw signal.reason ?? new CswError('ABORTED', 'aborted');
        const p = this.pending.get(id);
        // Settled already (the parse failed): stop reading; `outcome` has the error.
        if (!p) break;
        p.inFlight += chunk.length;
        // Bytes are transferred (chunksOf gave each chunk a buffer of its own), text is copied.
        post(
          { type: 'chunk', id, chunk },
          typeof chunk === 'string' ? [] : [chunk.buffer as ArrayBuffer],
        );
        // Backpressure: the response is read no faster than the worker parses it.
        while (p.inFlight > MAX_IN_FLIGHT && !p.failed) {
          await new Promise<void>((resolve) => (p.progressed = resolve));
        }
      }
      post({ type: 'end', id });
    } catch (error) {
      const p = this.pending.get(id);
      if (signal?.aborted || !p) {
        post({ type: 'abort', id });
        this.settle(id, (q) => q.reject(error));
      } else {
        // As on one thread: an error in what arrived before the break is reported, not the break.
        p.inputError = error;
        post({ type: 'broken', id });
      }
    }
    return outcome;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SCRIPT);
    worker.unref();
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const id of [...this.pending.keys()]) this.settle(id, (p) => p.reject(error));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`the ISO parse worker exited (code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private onMessage(message: FromWorker): void {
    const p = this.pending.get(message.id);
    if (!p) return; // settled already (failed, aborted)
    switch (message.type) {
      case 'progress': {
        const { records, foreign } = message;
        p.inFlight -= message.consumed;
        const progressed = p.progressed;
        p.progressed = null;
        progressed?.();
        p.delivered = p.delivered.then(async () => {
          for (const record of records) await p.onRecord(record);
          if (p.onForeignRecord) for (const record of foreign) await p.onForeignRecord(record);
        });
        p.delivered.catch((error: unknown) => this.settle(message.id, (q) => q.reject(error)));
        break;
      }
      case 'done':
        p.delivered.then(
          () => this.settle(message.id, (q) => q.resolve(message.result)),
          () => undefined,
        );
        break;
      case 'failed': {
        const error =
          message.error.name === INPUT_BROKEN && 'inputError' in p
            ? p.inputError
            : reviveError(message.error);
        p.delivered.then(
          () => this.settle(message.id, (q) => q.reject(error)),
          () => undefined,
        );
        break;
      }
    }
  }

  /** Settles a document once; a failed one stops the reading of its bytes. */
  private settle(id: number, how: (p: Pending) => void): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.failed = true;
    p.progressed?.();
    how(p);
  }
}

/**
 * The source as chunks to send: text as it is, bytes copied into a buffer of their own (a chunk may
 * be a view of a larger pooled buffer, which must not be transferred), which is then transferred.
 */
async function* chunksOf(source: XmlSource): AsyncGenerator<Uint8Array | string> {
  if (typeof source === 'string' || source instanceof Uint8Array) source = [source];
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? chunk : new Uint8Array(chunk);
  }
}
