import type { OpenAPIObject } from '@nestjs/swagger';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * Every route screens its input before any handler (createServiceApp's preValidation hook: U+0000, a lone
 * surrogate, nesting too deep) and refuses unknown query parameters (strictValidationPipe), so
 * every operation may answer 400: the document says so where a controller did not.
 */
export function documentInputErrors(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation || operation.responses['400']) continue;
      operation.responses['400'] = {
        description:
          'Invalid input (application/problem+json naming the field): an unknown or malformed ' +
          'query parameter, U+0000 or a lone surrogate in any value, JSON nested too deep',
      };
    }
  }
}
