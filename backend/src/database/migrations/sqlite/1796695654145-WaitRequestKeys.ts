import { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: TypeORM's generator rebuilds both tables to add a column, where SQLite can add it in place. */
export class WaitRequestKeys1796695654145 implements MigrationInterface {
  name = 'WaitRequestKeys1796695654145';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "tasks" ADD COLUMN "request_key" varchar(100)');
    await queryRunner.query('ALTER TABLE "tasks" ADD COLUMN "taken_by" varchar(200)');
    await queryRunner.query('ALTER TABLE "timers" ADD COLUMN "request_key" varchar(100)');
    await queryRunner.query('ALTER TABLE "timers" ADD COLUMN "taken_by" varchar(200)');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_tasks_request_key" ON "tasks" ("request_key") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_timers_request_key" ON "timers" ("request_key") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "uq_timers_request_key"');
    await queryRunner.query('DROP INDEX "uq_tasks_request_key"');
    await queryRunner.query('ALTER TABLE "timers" DROP COLUMN "taken_by"');
    await queryRunner.query('ALTER TABLE "timers" DROP COLUMN "request_key"');
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "taken_by"');
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "request_key"');
  }
}
