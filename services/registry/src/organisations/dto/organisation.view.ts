import {
  ADMINISTRATIVE_LEVELS,
  LAND_CODES,
  NETWORKS,
  ORGANISATION_TYPES,
  RECORD_SOURCES,
} from '@dpi/domain';
import { PageOf } from '../../records/page.view';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ContactDto } from './create-organisation.dto';
import type { OrganisationEntity } from '../entities/organisation.entity';

export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({
    enum: LAND_CODES,
    nullable: true,
    type: String,
    description: 'null for federal organisations',
  })
  landCode!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() shortName!: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level!: string;
  @ApiProperty({ enum: ORGANISATION_TYPES }) type!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) homepage!: string | null;
  @ApiPropertyOptional({ nullable: true, type: ContactDto }) contact!: ContactDto | null;
  @ApiProperty({ enum: NETWORKS, isArray: true }) networks!: string[];
  @ApiProperty({ enum: RECORD_SOURCES }) source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ minimum: 1 }) version!: number;

  static of(o: OrganisationEntity): OrganisationView {
    return {
      id: o.id,
      landCode: o.landCode,
      name: o.name,
      shortName: o.shortName,
      level: o.level,
      type: o.type,
      homepage: o.homepage,
      contact: o.contact,
      networks: o.networks,
      source: o.source,
      createdBy: o.createdBy,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
      version: o.version,
    };
  }
}

export class OrganisationPage extends PageOf(OrganisationView) {}
