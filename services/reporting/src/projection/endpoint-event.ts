import { EndpointChangedSchema } from '@dpi/contracts';
import { endpointAuthenticationCodec, serviceTypeCodec } from '@dpi/domain';
import { RawEvent } from '@dpi/kafka';
import { landCodeOf, nullIfEmpty } from './event-checks';
import { sourceOf } from './platform-event';
import { decodeRecordChange, RecordChange } from './record-change';

/** Fields of the endpoint read model. */
export interface EndpointFields {
  landCode: string | null;
  name: string;
  serviceType: string;
  serviceVersion: string | null;
  url: string;
  /** The URL as compared across Länder (the gap rule "registered twice"). */
  urlKey: string;
  capabilitiesUrl: string | null;
  authentication: string | null;
  crs: string[];
  source: 'manual' | 'harvested';
}

export type EndpointChange = RecordChange<EndpointFields>;

/**
 * The same service registered by two Länder rarely has byte-identical URLs: scheme, host case,
 * trailing slashes, default ports and OGC request parameters (`service=WMS&request=GetCapabilities`)
 * differ. Compares host (lower case, no `www.`), port and path without trailing slash.
 */
export function endpointUrlKey(url: string): string {
  try {
    const u = new URL(url);
    const host = u.hostname.toLowerCase().replace(/^www\./, '');
    const port = u.port ? `:${u.port}` : '';
    const path = u.pathname.replace(/\/+$/, '');
    return `${host}${port}${path}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

/** Decodes and checks a record of dpi.registry.endpoint.v1; throws (→ DLQ) when unusable. */
export function toEndpointChange(raw: RawEvent): EndpointChange {
  return decodeRecordChange(
    raw,
    EndpointChangedSchema,
    (m) => m.endpoint,
    (e) => ({
      landCode: landCodeOf(e.landCode, true),
      name: e.name,
      serviceType: serviceTypeCodec.fromPb(e.serviceType),
      serviceVersion: nullIfEmpty(e.serviceVersion),
      url: e.url,
      urlKey: endpointUrlKey(e.url),
      capabilitiesUrl: nullIfEmpty(e.capabilitiesUrl),
      authentication:
        e.authentication === 0 ? null : endpointAuthenticationCodec.fromPb(e.authentication),
      crs: e.crs,
      source: sourceOf(e.source),
    }),
  );
}
