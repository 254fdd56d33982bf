import { ENDPOINT_AUTHENTICATIONS, LAND_CODES, RECORD_SOURCES, SERVICE_TYPES } from '@dpi/domain';
import { PageOf } from '../../records/page.view';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EndpointEntity } from '../entities/endpoint.entity';

export class EndpointView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({
    enum: LAND_CODES,
    nullable: true,
    type: String,
    description: 'null for federal endpoints',
  })
  landCode!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SERVICE_TYPES }) serviceType!: string;
  @ApiProperty() serviceVersion!: string;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiPropertyOptional({ format: 'uri', nullable: true, type: String }) capabilitiesUrl!:
    string | null;
  @ApiProperty({ enum: ENDPOINT_AUTHENTICATIONS }) authentication!: string;
  @ApiProperty({ type: [String] }) crs!: string[];
  @ApiProperty({ enum: RECORD_SOURCES }) source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ minimum: 1 }) version!: number;

  static of(e: EndpointEntity): EndpointView {
    return {
      id: e.id,
      landCode: e.landCode,
      name: e.name,
      serviceType: e.serviceType,
      serviceVersion: e.serviceVersion,
      url: e.url,
      capabilitiesUrl: e.capabilitiesUrl,
      authentication: e.authentication,
      crs: e.crs,
      source: e.source,
      createdBy: e.createdBy,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
      version: e.version,
    };
  }
}

export class EndpointPage extends PageOf(EndpointView) {}
