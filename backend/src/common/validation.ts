import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, IS_OPTIONAL, ValidationTypes } from 'class-validator';

export interface FieldError {
  field: string;
  messages: string[];
}

/** One entry per offending field, nested fields spelled like `stages[1].ownerQueue`. */
export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const index = /^\d+$/.test(error.property);
    const field = index ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Where @nestjs/swagger keeps an @ApiProperty's options (its DECORATORS.API_MODEL_PROPERTIES). */
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/**
 * `@IsOptional()` lets an explicit `null` past every rule of the property, on to the service and
 * from there into NOT NULL columns or the password hash. So for such a property `null` means "not
 * given", unless the DTO documents it as nullable (there `null` clears a link). Properties that
 * validate `null` themselves (required ones, and `ValidateIf(value !== undefined)`) keep it, and are
 * refused with a field error.
 */
export function dropUnexpectedNulls(value: unknown, dto: ArgumentMetadata['metatype']): void {
  if (!dto || value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const body = value as Record<string, unknown>;
  const optional = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(dto, '', false, false)
      .filter((rule) => rule.type === ValidationTypes.CONDITIONAL_VALIDATION && rule.name === IS_OPTIONAL)
      .map((rule) => rule.propertyName),
  );
  for (const key of Object.keys(body)) {
    if (body[key] !== null || !optional.has(key)) continue;
    const property = Reflect.getMetadata(SWAGGER_PROPERTY, dto.prototype as object, key) as { nullable?: boolean } | undefined;
    if (!property?.nullable) delete body[key];
  }
}

class CaseflowValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body') dropUnexpectedNulls(value, metadata.metatype);
    return super.transform(value, metadata);
  }
}

/** 400 with one entry per offending field; unknown fields are refused rather than silently dropped. */
export function createValidationPipe(): ValidationPipe {
  return new CaseflowValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new BadRequestException({
        error: 'Bad Request',
        message: details.map((d) => `${d.field}: ${d.messages.join(', ')}`).join('; '),
        details,
      });
    },
  });
}
