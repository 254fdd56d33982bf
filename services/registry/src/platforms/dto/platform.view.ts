import { PLATFORM_STATUSES, PLATFORM_TYPES, RECORD_SOURCES } from '@dpi/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PlatformEntity } from '../entities/platform.entity';

export class PlatformView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'DE-HH' }) landCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) homepage!: string | null;
  @ApiProperty({ enum: PLATFORM_TYPES }) type!: string;
  @ApiProperty({ enum: PLATFORM_STATUSES }) status!: string;
  @ApiProperty({ enum: RECORD_SOURCES }) source!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ minimum: 1 }) version!: number;

  static of(entity: PlatformEntity): PlatformView {
    return {
      id: entity.id,
      landCode: entity.landCode,
      name: entity.name,
      description: entity.description,
      homepage: entity.homepage,
      type: entity.type,
      status: entity.status,
      source: entity.source,
      createdBy: entity.createdBy,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
      version: entity.version,
    };
  }
}

export class PlatformPage {
  @ApiProperty({ type: [PlatformView] }) items!: PlatformView[];
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page',
  })
  nextCursor!: string | null;
}
