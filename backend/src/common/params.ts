import { NotFoundException, ParseUUIDPipe } from '@nestjs/common';

/** Route ids are UUIDs; anything else cannot name an existing row, so it is a 404, not a 400. */
export const idParam = (what: string): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} has that id.`) });
