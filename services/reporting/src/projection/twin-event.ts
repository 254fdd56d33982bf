import { DigitalTwinChangedSchema } from '@dpi/contracts';
import {
  digizDeRelationCodec,
  threeDFormatCodec,
  twinCapabilityCodec,
  twinDataBasisCodec,
  twinKindCodec,
  twinScopeCodec,
  twinUseCaseCodec,
} from '@dpi/domain';
import { RawEvent } from '@dpi/kafka';
import { geometryText, landCodeOf, nullIfEmpty, recordIds } from './event-checks';
import { sourceOf } from './platform-event';
import { decodeRecordChange, RecordChange } from './record-change';

/** Fields of the twin read model. */
export interface TwinFields {
  /** null for federal twins. */
  landCode: string | null;
  name: string;
  description: string;
  twinKind: string;
  scope: string;
  maturityLevel: number;
  capabilities: string[];
  useCases: string[];
  dataBasis: string[];
  formats: string[];
  realTime: boolean;
  simulation: boolean;
  digizDe: string | null;
  homepage: string | null;
  source: 'manual' | 'harvested';
  geometry: string | null;
  platformIds: string[];
  datasetIds: string[];
}

/** A validated change from dpi.registry.digital-twin.v1. */
export type TwinChange = RecordChange<TwinFields>;

/** Decodes and checks a record; throws (→ DLQ) on anything the read model must not apply. */
export function toTwinChange(raw: RawEvent): TwinChange {
  return decodeRecordChange(
    raw,
    DigitalTwinChangedSchema,
    (m) => m.twin,
    (twin) => {
      const landCode = landCodeOf(twin.landCode, true);
      if (twin.maturityLevel < 1 || twin.maturityLevel > 4)
        throw new Error(`maturity level ${twin.maturityLevel} outside 1–4`);
      return {
        landCode,
        name: twin.name,
        description: twin.description,
        twinKind: twinKindCodec.fromPb(twin.kind),
        scope: twinScopeCodec.fromPb(twin.scope),
        maturityLevel: twin.maturityLevel,
        capabilities: twin.capabilities.map(twinCapabilityCodec.fromPb),
        useCases: twin.useCases.map(twinUseCaseCodec.fromPb),
        dataBasis: twin.dataBasis.map(twinDataBasisCodec.fromPb),
        formats: twin.formats.map(threeDFormatCodec.fromPb),
        realTime: twin.realTime,
        simulation: twin.simulation,
        digizDe: twin.digizDe === 0 ? null : digizDeRelationCodec.fromPb(twin.digizDe),
        homepage: nullIfEmpty(twin.homepage),
        source: sourceOf(twin.source),
        geometry: geometryText(twin.geometryGeojson),
        platformIds: recordIds(twin.platformIds, 'platformIds'),
        datasetIds: recordIds(twin.datasetIds, 'datasetIds'),
      };
    },
  );
}
