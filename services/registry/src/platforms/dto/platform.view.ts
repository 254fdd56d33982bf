import {
  ACCESS_RIGHTS,
  ADMINISTRATIVE_LEVELS,
  EU_THEMES,
  FUNDING_SOURCES,
  PLATFORM_STATUSES,
  PLATFORM_TYPES,
  RECORD_SOURCES,
  REUSABILITY_LEVELS,
} from '@dpi/domain';
import { PageOf } from '../../records/page.view';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GeoJsonGeometry } from '../../records/geometry';
import { GEOMETRY_SCHEMA } from '../../records/geometry.schema';
import type { PlatformEntity } from '../entities/platform.entity';

export class PlatformView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DE-HH' }) landCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) homepage!: string | null;
  @ApiProperty({ enum: PLATFORM_TYPES }) type!: string;
  @ApiProperty({ enum: PLATFORM_STATUSES }) status!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  operatorOrganisationId!: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ADMINISTRATIVE_LEVELS })
  administrativeLevel!: string | null;
  @ApiProperty({ enum: EU_THEMES, isArray: true }) themes!: string[];
  @ApiProperty({ type: [String] }) standards!: string[];
  @ApiProperty() openSource!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) repositoryUrl!: string | null;
  @ApiProperty({ type: [String] }) components!: string[];
  @ApiProperty({ enum: REUSABILITY_LEVELS }) reusability!: string;
  @ApiProperty({ enum: FUNDING_SOURCES, isArray: true }) funding!: string[];
  @ApiProperty({ enum: ACCESS_RIGHTS }) accessRights!: string;
  @ApiPropertyOptional({ ...GEOMETRY_SCHEMA, nullable: true })
  geometry!: GeoJsonGeometry | null;
  @ApiProperty({ type: [String], format: 'uuid' }) endpointIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) datasetIds!: string[];
  @ApiProperty({ enum: RECORD_SOURCES }) source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ minimum: 1 }) version!: number;

  static of(p: PlatformEntity): PlatformView {
    return {
      id: p.id,
      landCode: p.landCode,
      name: p.name,
      description: p.description,
      homepage: p.homepage,
      type: p.type,
      status: p.status,
      operatorOrganisationId: p.operatorOrganisationId,
      administrativeLevel: p.administrativeLevel,
      themes: p.themes,
      standards: p.standards,
      openSource: p.openSource,
      repositoryUrl: p.repositoryUrl,
      components: p.components,
      reusability: p.reusability,
      funding: p.funding,
      accessRights: p.accessRights,
      geometry: p.geometry,
      endpointIds: p.endpointIds,
      datasetIds: p.datasetIds,
      source: p.source,
      createdBy: p.createdBy,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      version: p.version,
    };
  }
}

export class PlatformPage extends PageOf(PlatformView) {}
