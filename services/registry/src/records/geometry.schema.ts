import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GEOMETRY_TYPES } from './geometry';

/**
 * OpenAPI schema of the GeoJSON geometries the API accepts. Documentation only: geometry.ts checks
 * positions, rings and WGS84 ranges, which JSON Schema of OpenAPI 3.0 cannot express.
 */
export class GeoJsonGeometryDto {
  @ApiProperty({ enum: GEOMETRY_TYPES, example: 'Point' })
  type!: string;

  @ApiProperty({
    type: 'array',
    items: {},
    example: [9.99, 53.55],
    description:
      'Positions [longitude, latitude] in WGS84 (two values: heights are refused), nested as RFC 7946 defines for the type',
  })
  coordinates!: unknown[];

  @ApiPropertyOptional({
    type: [Number],
    minItems: 4,
    maxItems: 6,
    description: 'Ignored (RFC 7946 bbox member)',
  })
  bbox?: number[];
}

/** Property options of an optional geometry field. */
export const GEOMETRY_SCHEMA = { type: GeoJsonGeometryDto } as const;
