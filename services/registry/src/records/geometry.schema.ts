import { GEOMETRY_TYPES } from './geometry';

/** OpenAPI schema of the GeoJSON geometries the API accepts (checked in full by geometry.ts). */
export const GEOMETRY_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: [...GEOMETRY_TYPES] },
    coordinates: { type: 'array', items: {} },
    bbox: { type: 'array', items: { type: 'number' } },
  },
  additionalProperties: false,
  example: { type: 'Point', coordinates: [9.99, 53.55] },
} as const;
