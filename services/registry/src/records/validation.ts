import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsIn,
  IsOptional,
  IsUrl,
  IsUUID,
  MaxLength,
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { GeoJsonGeometry, geometryProblem, isWgs84Bbox } from './geometry';

// Building blocks of the record DTOs. class-validator runs a property's decorators bottom-up; with
// stopAtFirstError the lowest failing one is reported, so the most basic check stands last.

export const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value;

export const oneOf = (field: string, words: readonly (string | number)[]) => ({
  message: `${field} must be one of: ${words.join(', ')}`,
});

/**
 * Maps each word of an array onto its canonical code (issue 21: one code per concept) before the
 * checks below run, so an alias is stored as the code it stands for; words `canonical` does not
 * know stay as they are and fail the vocabulary's check.
 */
export function CanonicalWords(canonical: (word: string) => string | undefined) {
  return Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((w: unknown) => (typeof w === 'string' ? (canonical(w) ?? w) : w))
      : value,
  );
}

/** An optional set of words from a vocabulary: an array, no repeats, every entry known. */
export function WordSet(field: string, words: readonly string[]) {
  return applyDecorators(
    IsIn(words, { each: true, message: `${field} must contain only: ${words.join(', ')}` }),
    ArrayUnique({ message: `${field} must not repeat an entry` }),
    ArrayMaxSize(words.length),
    ApiProperty({ required: false, uniqueItems: true }),
    IsArray({ message: `${field} must be an array` }),
    IsOptional(),
  );
}

/** An absolute http(s) URL of at most 2048 characters; optional unless `required`. */
export function HttpUrl(field: string, options: { required?: boolean } = {}) {
  const url = [
    MaxLength(2048),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: `${field} must be an absolute http(s) URL` },
    ),
  ];
  return applyDecorators(
    ...url,
    options.required ? IsDefined({ message: `${field} is required` }) : IsOptional(),
  );
}

/** Optional links to other records: UUIDs, no repeats, at most `max`. */
export function RecordLinks(field: string, max = 200) {
  return applyDecorators(
    IsUUID('all', { each: true, message: `${field} must contain record ids (UUIDs)` }),
    ArrayUnique({ message: `${field} must not repeat an id` }),
    ApiProperty({ required: false, uniqueItems: true, maxItems: max }),
    ArrayMaxSize(max, { message: `${field} may hold at most ${max} ids` }),
    IsArray({ message: `${field} must be an array` }),
    IsOptional(),
  );
}

/** Optional GeoJSON geometry in WGS84 (Point … MultiPolygon); see geometry.ts. */
export function IsGeoJsonGeometry(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isGeoJsonGeometry',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          value === undefined || value === null || geometryProblem(value) === null,
        defaultMessage: (args: ValidationArguments) =>
          `${args.property}: ${geometryProblem(args.value) ?? 'invalid geometry'}`,
      },
    });
  };
}

export type { GeoJsonGeometry };

/** Free-text entries (keywords, components): trimmed, non-empty, unique, bounded. */
export const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export function TextSet(field: string, maxItems: number, maxLength: number) {
  return applyDecorators(
    Transform(trimEach),
    MaxLength(maxLength, {
      each: true,
      message: `${field} entries may have at most ${maxLength} characters`,
    }),
    IsNonEmptyStrings(field),
    ArrayUnique({ message: `${field} must not repeat an entry` }),
    ApiProperty({
      required: false,
      uniqueItems: true,
      maxItems,
      items: { type: 'string', minLength: 1, pattern: '\\S', maxLength },
    }),
    ArrayMaxSize(maxItems, { message: `${field} may hold at most ${maxItems} entries` }),
    IsArray({ message: `${field} must be an array` }),
    IsOptional(),
  );
}

function IsNonEmptyStrings(field: string): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isNonEmptyStrings',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) || value.every((v) => typeof v === 'string' && v.length > 0),
        defaultMessage: () => `${field} must contain non-empty strings`,
      },
    });
  };
}

/** [west, south, east, north] within WGS84, west ≤ east and south ≤ north. */
export function IsWgs84Bbox(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isWgs84Bbox',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => {
          if (!Array.isArray(value) || value.length !== 4) return true; // reported by the array checks
          const [west, south, east, north] = value as [number, number, number, number];
          return isWgs84Bbox(west, south, east, north);
        },
        defaultMessage: () =>
          'bbox must be [west, south, east, north] in WGS84 with west ≤ east and south ≤ north',
      },
    });
  };
}
