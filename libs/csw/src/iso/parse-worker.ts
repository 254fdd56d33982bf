/**
 * The worker thread of {@link IsoParseWorker}: runs {@link parseIsoRecords} on the documents the
 * main thread streams to it and sends their records back. Loaded only as a worker (from the built
 * library, `dist/iso/parse-worker.js`).
 */
import { parentPort } from 'node:worker_threads';
import { parseIsoRecords } from './parser';
import type { ForeignRecord, IsoRecord } from './types';
import { INPUT_BROKEN, serializeError, type FromWorker, type ToWorker } from './worker-protocol';

if (!parentPort) throw new Error('parse-worker.js runs only as a worker thread');
const port = parentPort;

function send(message: FromWorker): void {
  port.postMessage(message);
}

/** One document being parsed: the chunks received and not read yet, and the parser waiting. */
class Document {
  private readonly chunks: (Uint8Array | string)[] = [];
  private ended = false;
  private broken = false;
  private wake: (() => void) | null = null;
  readonly abort = new AbortController();
  private records: IsoRecord[] = [];
  private foreign: ForeignRecord[] = [];

  constructor(private readonly id: number) {}

  push(chunk: Uint8Array | string): void {
    this.chunks.push(chunk);
    this.wakeUp();
  }

  end(): void {
    this.ended = true;
    this.wakeUp();
  }

  /** Reads what was sent, then fails: an error in it comes first, as it would from the stream. */
  break(): void {
    this.broken = true;
    this.end();
  }

  stop(): void {
    this.abort.abort();
    this.end();
  }

  readonly onRecord = (record: IsoRecord): void => void this.records.push(record);
  readonly onForeignRecord = (record: ForeignRecord): void => void this.foreign.push(record);

  /**
   * The chunks as they arrive. The parser asks for the next one only when it has read the last
   * one: that is when the records it completed, and the credit for its size, go back.
   */
  async *source(): AsyncGenerator<Uint8Array | string> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk !== undefined) {
        yield chunk;
        this.report(chunk.length);
        continue;
      }
      if (this.broken)
        throw Object.assign(new Error('the input broke off'), { name: INPUT_BROKEN });
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Sends the records completed so far (with `consumed` bytes or characters read). */
  report(consumed = 0): void {
    if (consumed === 0 && this.records.length === 0 && this.foreign.length === 0) return;
    send({ type: 'progress', id: this.id, consumed, records: this.records, foreign: this.foreign });
    this.records = [];
    this.foreign = [];
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

const documents = new Map<number, Document>();

async function run(id: number, options: Extract<ToWorker, { type: 'start' }>['options']) {
  const doc = new Document(id);
  documents.set(id, doc);
  try {
    const result = await parseIsoRecords(doc.source(), doc.onRecord, {
      ...options,
      onForeignRecord: doc.onForeignRecord,
      signal: doc.abort.signal,
    });
    doc.report();
    send({ type: 'done', id, result });
  } catch (error) {
    doc.report();
    send({ type: 'failed', id, error: serializeError(error) });
  } finally {
    documents.delete(id);
  }
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start':
      void run(message.id, message.options);
      break;
    case 'chunk':
      documents.get(message.id)?.push(message.chunk);
      break;
    case 'end':
      documents.get(message.id)?.end();
      break;
    case 'broken':
      documents.get(message.id)?.break();
      break;
    case 'abort':
      documents.get(message.id)?.stop();
      break;
  }
});
