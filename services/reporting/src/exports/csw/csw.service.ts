import { Injectable } from '@nestjs/common';
import type { Viewer } from '../../auth/viewer';
import { capabilitiesXml, CSW_PATH, describeRecordXml, RESPONSE_NAMESPACES } from './capabilities';
import {
  CSW_OUTPUT_SCHEMA,
  ISO_OUTPUT_SCHEMA,
  MAX_RECORDS,
  type CswRequest,
  type ElementSet,
  type OutputSchema,
} from './csw-request';
import { CswRepository, type CswRecordRow } from './csw.repository';
import { dublinCoreRecord } from './dublin-core';
import { harvestedIsoRecord } from './harvested-iso';
import { isoRecord } from './iso19139';
import { recordFields } from './record-fields';
import { document, el, type XmlContent } from './xml';

/** Which records GetRecords returns of `matched`, and where the next page starts (0: none). */
export function pageOf(
  matched: number,
  startPosition: number,
  maxRecords: number,
): { offset: number; limit: number; returned: number; nextRecord: number } {
  const limit = Math.min(maxRecords, MAX_RECORDS);
  const offset = startPosition - 1;
  const returned = Math.max(0, Math.min(limit, matched - offset));
  const next = startPosition + returned;
  return { offset, limit, returned, nextRecord: next <= matched && returned > 0 ? next : 0 };
}

/** OGC CSW 2.0.2 over the inventory: one request in, one XML document out. */
@Injectable()
export class CswService {
  constructor(private readonly repository: CswRepository) {}

  async answer(request: CswRequest, base: string, viewer: Viewer): Promise<string> {
    switch (request.request) {
      case 'GetCapabilities':
        return capabilitiesXml(base);
      case 'DescribeRecord':
        return describeRecordXml(request.typeNames);
      case 'GetRecordById': {
        const rows = await this.repository.byIds(
          request.ids,
          viewer.scope,
          request.outputSchema === 'iso',
        );
        return document(
          el(
            'csw:GetRecordByIdResponse',
            RESPONSE_NAMESPACES,
            await this.records(rows, request.outputSchema, request.elementSet, base),
          ),
        );
      }
      case 'GetRecords': {
        const matched = await this.repository.count({
          filter: request.filter,
          scope: viewer.scope,
        });
        const page = pageOf(matched, request.startPosition, request.maxRecords);
        const rows =
          request.resultType === 'results' && page.returned > 0
            ? await this.repository.page(
                {
                  filter: request.filter,
                  sortBy: request.sortBy,
                  offset: page.offset,
                  limit: page.limit,
                  scope: viewer.scope,
                },
                request.outputSchema === 'iso',
              )
            : [];
        const records = await this.records(rows, request.outputSchema, request.elementSet, base);
        // Hits: no records, and the next record is the first one asked for.
        const nextRecord =
          request.resultType === 'hits'
            ? matched >= request.startPosition
              ? request.startPosition
              : 0
            : page.nextRecord;
        return document(
          el(
            'csw:GetRecordsResponse',
            {
              ...RESPONSE_NAMESPACES,
              version: '2.0.2',
              'xsi:schemaLocation':
                'http://www.opengis.net/cat/csw/2.0.2 http://schemas.opengis.net/csw/2.0.2/CSW-discovery.xsd',
            },
            el('csw:SearchStatus', { timestamp: new Date().toISOString() }),
            el(
              'csw:SearchResults',
              {
                numberOfRecordsMatched: matched,
                numberOfRecordsReturned: rows.length,
                nextRecord,
                recordSchema:
                  request.outputSchema === 'iso' ? ISO_OUTPUT_SCHEMA : CSW_OUTPUT_SCHEMA,
                elementSet: request.elementSet,
              },
              records,
            ),
          ),
        );
      }
    }
  }

  private records(
    rows: CswRecordRow[],
    schema: OutputSchema,
    set: ElementSet,
    base: string,
  ): Promise<XmlContent[]> {
    return Promise.all(rows.map((row) => this.record(row, schema, set, base)));
  }

  /**
   * One record: Dublin Core from our fields; ISO as the source catalogue wrote it for a harvested
   * dataset whose document we have (harvested-iso.ts), else ISO generated from our fields.
   */
  private async record(
    row: CswRecordRow,
    schema: OutputSchema,
    set: ElementSet,
    base: string,
  ): Promise<XmlContent> {
    const fields = recordFields(row);
    if (schema !== 'iso') return dublinCoreRecord(fields, set);
    if (row.iso_document) {
      const raw = await harvestedIsoRecord(row.iso_document, set, {
        sourceName: row.harvest_source_name ?? row.harvest_source_id ?? 'unbekannt',
        sourceFileIdentifier: row.file_identifier,
        harvestedAt: row.harvested_at ? new Date(row.harvested_at) : null,
        recordId: row.id,
        recordUrl:
          `${base}${CSW_PATH}?service=CSW&version=2.0.2&request=GetRecordById` +
          `&outputSchema=${encodeURIComponent(ISO_OUTPUT_SCHEMA)}&ElementSetName=full&Id=${row.id}`,
      });
      if (raw !== null) return { raw };
    }
    return isoRecord(fields, set);
  }
}
