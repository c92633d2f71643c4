import { BadRequestException, NotFoundException, ParseUUIDPipe, PipeTransform } from '@nestjs/common';

/** The largest value an `integer` column holds on PostgreSQL (and so the bound of every whole-number input). */
export const MAX_INT32 = 2_147_483_647;

/** Route ids are UUIDs; anything else cannot name an existing row, so it is a 404, not a 400. */
export const idParam = (what: string): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} has that id.`) });

/** Version numbers in paths: a whole number (else 400); beyond 32 bits no such version exists (404). */
export const versionParam = (what: string): PipeTransform<string, number> => ({
  transform(value: string): number {
    if (!/^-?\d+$/.test(value)) throw new BadRequestException('version: must be a whole number');
    const version = Number(value);
    if (version < 1 || version > MAX_INT32) throw new NotFoundException(`No ${what} has that version.`);
    return version;
  },
});
