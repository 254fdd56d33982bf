/** OpenAPI schema of a list's facet counts among all matches: `{ facet: { value: count } }`. */
export const FACETS_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } },
  example: { type: { geoportal: 16, openDataPortal: 9 }, status: { production: 23, pilot: 2 } },
} as const;
