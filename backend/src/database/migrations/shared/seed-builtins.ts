import { MigrationInterface, QueryRunner } from 'typeorm';

const ENTITY_TYPES: Array<[string, string]> = [
  ['prospect', 'Prospects'],
  ['client', 'Clients'],
  ['employee', 'Employees'],
  ['student', 'Students'],
  ['booking', 'Bookings'],
  ['invoice', 'Invoices'],
];
const ALL_DAY = JSON.stringify(
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
);

/** The built-in entity types and the default 24/7 UTC calendar. Plain SQL valid on both databases. */
export class SeedBuiltins1795362765901 implements MigrationInterface {
  name = 'SeedBuiltins1795362765901';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [key, name] of ENTITY_TYPES) {
      await queryRunner.query(
        `INSERT INTO entity_types (key, name, builtin, created_at) VALUES ('${key}', '${name}', true, 0)`,
      );
    }
    await queryRunner.query(
      `INSERT INTO calendars (id, key, name, time_zone, working_hours, holidays, created_at, updated_at)
       VALUES ('00000000-0000-4000-8000-000000000001', 'default', 'Around the clock (UTC)', 'UTC', '${ALL_DAY}', '[]', 0, 0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM calendars WHERE key = 'default'`);
    await queryRunner.query(`DELETE FROM entity_types WHERE builtin = true`);
  }
}
