import {
  ACCESS_RIGHTS,
  EU_THEMES,
  FREQUENCIES,
  GEOCODING_LEVELS,
  HIERARCHY_LEVELS,
  LAND_CODES,
  RECORD_SOURCES,
} from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../records/page.view';
import type { DatasetEntity } from '../entities/dataset.entity';

export class DistributionView {
  @ApiProperty() format!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) mediaType!: string | null;
  @ApiProperty() accessUrl!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) downloadUrl!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) title!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  accessServiceId!: string | null;
}

export class ProvenanceView {
  @ApiProperty({ format: 'uuid' }) harvestSourceId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) harvestSourceName!: string | null;
  @ApiProperty({ description: 'gmd:fileIdentifier of the ISO record' }) fileIdentifier!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' }) jobId!: string | null;
  @ApiProperty() checksum!: string;
  @ApiProperty({ format: 'date-time' }) harvestedAt!: string;
}

export class DatasetView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({ enum: LAND_CODES, nullable: true, type: String }) landCode!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) publisher!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactName!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactUrl!: string | null;
  @ApiProperty({ enum: EU_THEMES, isArray: true }) themes!: string[];
  @ApiProperty({ type: [String] }) keywords!: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) licence!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) licenceText!: string | null;
  @ApiProperty({ enum: ACCESS_RIGHTS }) accessRights!: string;
  @ApiPropertyOptional({ enum: FREQUENCIES, nullable: true, type: String })
  accrualPeriodicity!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) issued!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) modified!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) temporalStart!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) temporalEnd!: string | null;
  @ApiPropertyOptional({ nullable: true, type: [Number], minItems: 4, maxItems: 4 })
  bbox!: number[] | null;
  @ApiPropertyOptional({ nullable: true, type: String }) politicalGeocodingUri!: string | null;
  @ApiPropertyOptional({ enum: GEOCODING_LEVELS, nullable: true, type: String })
  politicalGeocodingLevel!: string | null;
  @ApiProperty({ type: [String] }) conformsTo!: string[];
  @ApiProperty({ type: [DistributionView] }) distributions!: DistributionView[];
  @ApiProperty() openData!: boolean;
  @ApiProperty() inspire!: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) resourceIdentifier!: string | null;
  @ApiProperty({ enum: HIERARCHY_LEVELS }) hierarchyLevel!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) endpointIds!: string[];
  @ApiPropertyOptional({
    type: ProvenanceView,
    nullable: true,
    description: 'Where a harvested dataset came from; null for manual ones',
  })
  provenance!: ProvenanceView | null;
  @ApiProperty({ enum: RECORD_SOURCES }) source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ minimum: 1 }) version!: number;

  static of(d: DatasetEntity): DatasetView {
    return {
      id: d.id,
      landCode: d.landCode,
      title: d.title,
      description: d.description,
      publisher: d.publisher,
      contactName: d.contactName,
      contactEmail: d.contactEmail,
      contactUrl: d.contactUrl,
      themes: d.themes,
      keywords: d.keywords,
      licence: d.licence,
      licenceText: d.licenceText,
      accessRights: d.accessRights,
      accrualPeriodicity: d.accrualPeriodicity,
      issued: d.issued,
      modified: d.modified,
      temporalStart: d.temporalStart,
      temporalEnd: d.temporalEnd,
      bbox: d.bbox,
      politicalGeocodingUri: d.politicalGeocodingUri,
      politicalGeocodingLevel: d.politicalGeocodingLevel,
      conformsTo: d.conformsTo,
      distributions: d.distributions,
      openData: d.openData,
      inspire: d.inspire,
      resourceIdentifier: d.resourceIdentifier,
      hierarchyLevel: d.hierarchyLevel,
      endpointIds: d.endpointIds,
      provenance:
        d.harvestSourceId && d.harvestFileIdentifier
          ? {
              harvestSourceId: d.harvestSourceId,
              harvestSourceName: d.harvestSourceName,
              fileIdentifier: d.harvestFileIdentifier,
              jobId: d.harvestJobId,
              checksum: d.harvestChecksum ?? '',
              harvestedAt: (d.harvestedAt ?? d.updatedAt).toISOString(),
            }
          : null,
      source: d.source,
      createdBy: d.createdBy,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
      version: d.version,
    };
  }
}

export class DatasetPage extends PageOf(DatasetView) {}
