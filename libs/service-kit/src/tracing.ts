import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { createRequire } from 'node:module';

/** Requests not worth a trace: probes and scrapes arrive every few seconds. */
const UNTRACED = /^\/(health\/|metrics\b)/;

/**
 * OpenTelemetry tracing, off unless an OTLP endpoint is configured with the standard variables
 * (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces; OTLP over
 * HTTP with JSON; OTEL_TRACES_EXPORTER=none turns it off again). When on: a server span per HTTP
 * request (W3C `traceparent` honoured), and the trace context travels in the Kafka headers of the
 * events the request causes (libs/kafka trace-context): outbox `publish` and consumer `process`
 * spans join the same trace. Must run before the HTTP server is created (bootstrapService does).
 * Returns a flush for shutdown, or null when off.
 */
export function startTracing(service: string): (() => Promise<void>) | null {
  const endpoint =
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint || process.env.OTEL_TRACES_EXPORTER === 'none') return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  // Global tracer, AsyncLocalStorage context (the request's span follows its awaits), W3C
  // trace-context propagation.
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED.test(request.url ?? ''),
        // Outgoing calls (reporting asking the registry who a token is) join the trace; the
        // OTLP exporter's own requests do not.
        ignoreOutgoingRequestHook: (request) => String(request.path ?? '').startsWith('/v1/traces'),
      }),
    ],
  });
  // Fastify has loaded `http` already: the instrumentation patches it on its next require
  // (http.Server.prototype.emit, shared by every server created from now on).
  createRequire(__filename)('node:http');
  createRequire(__filename)('http');
  return () => provider.forceFlush();
}
