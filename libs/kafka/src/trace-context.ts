import {
  context,
  Context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';

/**
 * W3C trace context (`traceparent`, `tracestate`) in Kafka headers. Uses the OpenTelemetry API
 * only: while no tracer provider is registered (tracing off, the default) every call here is a
 * no-op and no header is written. service-kit's `startTracing` registers one when configured.
 */
const tracer = () => trace.getTracer('@dpi/kafka');

const getter = {
  keys: (carrier: Record<string, string>) => Object.keys(carrier),
  get: (carrier: Record<string, string>, key: string) => carrier[key],
};
const setter = {
  set: (carrier: Record<string, string>, key: string, value: string) => {
    carrier[key] = value;
  },
};

/** Writes the active trace context (the HTTP request being served, say) into `headers`. */
export function injectTraceContext(
  headers: Record<string, string>,
  from: Context = context.active(),
): void {
  propagation.inject(from, headers, setter);
}

/** The trace context an event's headers carry (the root context when none). */
export function extractTraceContext(headers: Record<string, string>): Context {
  return propagation.extract(ROOT_CONTEXT, headers, getter);
}

/**
 * A span per event, child of the context its headers carry: `publish <topic>` (producer, its
 * context then replaces the event's) or `process <topic>` (consumer). End them with
 * {@link endSpans} once the batch is acknowledged or applied.
 */
export function startEventSpans(
  kind: 'publish' | 'process',
  events: readonly { topic: string; headers: Record<string, string> }[],
): Span[] {
  if (events.length === 0) return [];
  const spans: Span[] = [];
  for (const event of events) {
    const parent = extractTraceContext(event.headers);
    if (!trace.getSpanContext(parent)) continue;
    const span = tracer().startSpan(
      `${kind} ${event.topic}`,
      {
        kind: kind === 'publish' ? SpanKind.PRODUCER : SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': kind,
          'messaging.destination.name': event.topic,
        },
      },
      parent,
    );
    if (kind === 'publish') injectTraceContext(event.headers, trace.setSpan(parent, span));
    spans.push(span);
  }
  return spans;
}

export function endSpans(spans: readonly Span[], error?: unknown): void {
  for (const span of spans) {
    if (error !== undefined) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.message : String(error),
      });
    }
    span.end();
  }
}
