import {
  DIGIZ_DE_RELATIONS,
  LAND_CODES,
  RECORD_SOURCES,
  THREE_D_FORMATS,
  TWIN_CAPABILITIES,
  TWIN_DATA_BASES,
  TWIN_KINDS,
  TWIN_SCOPES,
  TWIN_USE_CASES,
} from '@dpi/domain';
import { PageOf } from '../../records/page.view';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GeoJsonGeometry } from '../../records/geometry';
import { GEOMETRY_SCHEMA } from '../../records/geometry.schema';
import type { DigitalTwinEntity } from '../entities/digital-twin.entity';

export class DigitalTwinView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({
    enum: LAND_CODES,
    nullable: true,
    type: String,
    description: 'null for federal twins',
  })
  landCode!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: TWIN_SCOPES }) scope!: string;
  @ApiProperty({ enum: TWIN_KINDS }) kind!: string;
  @ApiProperty({ minimum: 1, maximum: 4 }) maturityLevel!: number;
  @ApiProperty({ enum: TWIN_CAPABILITIES, isArray: true }) capabilities!: string[];
  @ApiProperty({ enum: TWIN_USE_CASES, isArray: true }) useCases!: string[];
  @ApiProperty({ enum: TWIN_DATA_BASES, isArray: true }) dataBasis!: string[];
  @ApiProperty({ enum: THREE_D_FORMATS, isArray: true }) formats!: string[];
  @ApiProperty() realTime!: boolean;
  @ApiProperty() simulation!: boolean;
  @ApiProperty({ enum: DIGIZ_DE_RELATIONS }) digizDe!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) homepage!: string | null;
  @ApiPropertyOptional({ ...GEOMETRY_SCHEMA, nullable: true }) geometry!: GeoJsonGeometry | null;
  @ApiProperty({ type: [String], format: 'uuid' }) platformIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) datasetIds!: string[];
  @ApiProperty({ enum: RECORD_SOURCES }) source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ minimum: 1 }) version!: number;

  static of(t: DigitalTwinEntity): DigitalTwinView {
    return {
      id: t.id,
      landCode: t.landCode,
      name: t.name,
      description: t.description,
      scope: t.scope,
      kind: t.kind,
      maturityLevel: t.maturityLevel,
      capabilities: t.capabilities,
      useCases: t.useCases,
      dataBasis: t.dataBasis,
      formats: t.formats,
      realTime: t.realTime,
      simulation: t.simulation,
      digizDe: t.digizDe,
      homepage: t.homepage,
      geometry: t.geometry,
      platformIds: t.platformIds,
      datasetIds: t.datasetIds,
      source: t.source,
      createdBy: t.createdBy,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      version: t.version,
    };
  }
}

export class DigitalTwinPage extends PageOf(DigitalTwinView) {}
