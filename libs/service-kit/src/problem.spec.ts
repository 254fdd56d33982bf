import { ValidationError } from 'class-validator';
import { flattenValidationErrors, validationProblem } from './problem';

function error(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('validation problems', () => {
  it('flattens nested and array fields into JSON paths', () => {
    const errors = [
      error('landCode', { isIn: 'landCode must be one of the 16 Länder codes' }),
      error('endpoints', undefined, [
        error('0', undefined, [error('url', { isUrl: 'url must be a URL' })]),
      ]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'landCode', message: 'landCode must be one of the 16 Länder codes' },
      { field: 'endpoints[0].url', message: 'url must be a URL' },
    ]);
  });

  it('builds an RFC 9457 document with status 400', () => {
    const problem = validationProblem([{ field: 'name', message: 'name must not be empty' }]);
    expect(problem.getStatus()).toBe(400);
    expect(problem.getResponse()).toMatchObject({
      type: 'urn:dpi:problem:validation-error',
      title: 'Invalid request',
      status: 400,
      errors: [{ field: 'name', message: 'name must not be empty' }],
    });
  });
});
