import { MigrationInterface, QueryRunner } from 'typeorm';

export class WaitRequestKeys1796695654145 implements MigrationInterface {
  name = 'WaitRequestKeys1796695654145';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"tasks\" ADD \"request_key\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"tasks\" ADD \"taken_by\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"timers\" ADD \"request_key\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"timers\" ADD \"taken_by\" character varying(200)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_tasks_request_key\" ON \"tasks\"  (\"request_key\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_timers_request_key\" ON \"timers\"  (\"request_key\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"uq_timers_request_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_tasks_request_key\"");
    await queryRunner.query("ALTER TABLE \"timers\" DROP COLUMN \"taken_by\"");
    await queryRunner.query("ALTER TABLE \"timers\" DROP COLUMN \"request_key\"");
    await queryRunner.query("ALTER TABLE \"tasks\" DROP COLUMN \"taken_by\"");
    await queryRunner.query("ALTER TABLE \"tasks\" DROP COLUMN \"request_key\"");
  }
}
