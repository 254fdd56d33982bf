import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsDefined,
  IsNotEmpty,
  IsString,
  MaxLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';

/**
 * Characters that show nothing on their own: whitespace, format characters (zero-width space and
 * joiners, soft hyphen, BOM …), combining marks, the Hangul fillers and the Braille blank.
 */
const INVISIBLE = /[\s\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** Bidirectional embeddings, overrides and isolates: they can make a name read as another. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** A name as it is stored: NFC-normalised (one spelling per name), trimmed. */
export function normaliseName(value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC').trim() : value;
}

/** Why a (normalised) name cannot be shown as it is, or null when it can. */
export function displayNameProblem(value: string): string | null {
  if (BIDI_CONTROL.test(value)) {
    return 'must not contain bidirectional control characters (U+202A–U+202E, U+2066–U+2069)';
  }
  if (value.replace(INVISIBLE, '') === '') return 'must contain a visible character';
  return null;
}

function IsDisplayable(field: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isDisplayable',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || displayNameProblem(value) === null,
        defaultMessage: (args: ValidationArguments) =>
          `${field} ${displayNameProblem(String(args.value)) ?? 'is not displayable'}`,
      },
    });
}

/**
 * The name or title of a record, as people read it in lists and reports: required, a string,
 * NFC-normalised and trimmed, at most `maxLength` characters, with at least one visible character
 * and no bidirectional control characters.
 */
export function DisplayName(field: string, maxLength: number): PropertyDecorator {
  // In the order of the decorators written out top to bottom (class-validator runs them
  // bottom-up; with stopAtFirstError the most basic failing check is reported).
  return applyDecorators(
    IsDefined({ message: `${field} is required` }),
    IsString(),
    IsNotEmpty(),
    IsDisplayable(field),
    MaxLength(maxLength),
    Transform(({ value }) => normaliseName(value)),
  );
}
