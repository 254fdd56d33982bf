import type { OpenAPIObject } from '@nestjs/swagger';
import { documentInputErrors } from './openapi';

describe('documentInputErrors', () => {
  it('adds a 400 to every operation that lacks one and keeps the ones documented', () => {
    const document = {
      openapi: '3.0.0',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: { responses: { '200': { description: 'ok' } } },
          post: { responses: { '400': { description: 'the controller says why' } } },
        },
      },
    } as unknown as OpenAPIObject;
    documentInputErrors(document);
    expect(Object.keys(document.paths['/a'].get?.responses ?? {}).sort()).toEqual(['200', '400']);
    expect(document.paths['/a'].post?.responses['400']).toEqual({
      description: 'the controller says why',
    });
  });
});
