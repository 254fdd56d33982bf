import { NS } from '@dpi/csw';
import { document, el } from './xml';

/** OWS 1.0 exception codes CSW 2.0.2 uses (OGC 05-008, table 25; OGC 07-006, 10.3.7). */
export type OwsExceptionCode =
  | 'MissingParameterValue'
  | 'InvalidParameterValue'
  | 'OperationNotSupported'
  | 'VersionNegotiationFailed'
  | 'InvalidUpdateSequence'
  | 'NoApplicableCode';

/** A request a client can fix: answered with an OWS ExceptionReport (HTTP 400). */
export class CswException extends Error {
  constructor(
    readonly code: OwsExceptionCode,
    message: string,
    readonly locator?: string,
    /** 400 for what the client sent; 500 only for NoApplicableCode from the server's side. */
    readonly status = 400,
  ) {
    super(message);
  }
}

/** `<ows:ExceptionReport version="1.2.0">` with one exception (what OWSLib and pycsw read). */
export function exceptionReport(error: CswException): string {
  return document(
    el(
      'ows:ExceptionReport',
      {
        'xmlns:ows': NS.ows,
        'xmlns:xsi': NS.xsi,
        version: '1.2.0',
        language: 'en',
        'xsi:schemaLocation':
          'http://www.opengis.net/ows http://schemas.opengis.net/ows/1.0.0/owsExceptionReport.xsd',
      },
      el(
        'ows:Exception',
        { exceptionCode: error.code, locator: error.locator },
        el('ows:ExceptionText', null, error.message),
      ),
    ),
  );
}
