import * as errors from '../errors';
import type { IsoParseLimits } from './parser';
import type { ForeignRecord, IsoParseResult, IsoRecord } from './types';

/** Messages from the main thread to the parse worker, per document `id`. */
export type ToWorker =
  | { type: 'start'; id: number; options: IsoParseLimits }
  | { type: 'chunk'; id: number; chunk: Uint8Array | string }
  | { type: 'end'; id: number }
  /** The input broke off (network, size limit, timeout): read what was sent, then fail. */
  | { type: 'broken'; id: number }
  | { type: 'abort'; id: number };

/**
 * The name of the error a document fails with when its input broke off and what was sent before
 * parsed without error: the main thread then reports the input's own error.
 */
export const INPUT_BROKEN = 'InputBroken';

/**
 * Messages from the parse worker: after each chunk, how many bytes (or characters) it has read and
 * the records it completed; then the outcome.
 */
export type FromWorker =
  | {
      type: 'progress';
      id: number;
      consumed: number;
      records: IsoRecord[];
      foreign: ForeignRecord[];
    }
  | { type: 'done'; id: number; result: IsoParseResult }
  | { type: 'failed'; id: number; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** The error's own properties (code, line, exceptions …), structured-cloneable. */
  props: Record<string, unknown>;
}

/** The error classes a parse can throw, by name, so that a worker's error is rebuilt as one. */
const ERROR_CLASSES: Record<string, { prototype: Error }> = Object.fromEntries(
  Object.values(errors)
    .filter(
      (value): value is typeof errors.CswError =>
        typeof value === 'function' && value.prototype instanceof Error,
    )
    .map((cls) => [cls.name, cls]),
);

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), props: {} };
  const props: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (key !== 'cause' && typeof value !== 'function') props[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, props };
}

/** The error again, of its class where it is one of ours (`instanceof` works), else an Error. */
export function reviveError(serialized: SerializedError): Error {
  const cls = ERROR_CLASSES[serialized.name] ?? Error;
  const error = Object.create(cls.prototype) as Error;
  Object.assign(error, serialized.props);
  Object.defineProperty(error, 'message', {
    value: serialized.message,
    writable: true,
    configurable: true,
  });
  if (serialized.stack !== undefined) {
    Object.defineProperty(error, 'stack', {
      value: serialized.stack,
      writable: true,
      configurable: true,
    });
  }
  if (cls === Error && serialized.name !== 'Error') error.name = serialized.name;
  return error;
}
