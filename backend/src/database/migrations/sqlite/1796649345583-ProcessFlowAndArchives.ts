import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand from the generated one: SQLite adds the column in place (ALTER TABLE ADD COLUMN)
 * instead of copying the processes table, which instances reference. The resulting schema is the
 * one the tables describe (the generator finds nothing left to do).
 */
export class ProcessFlowAndArchives1796649345583 implements MigrationInterface {
  name = 'ProcessFlowAndArchives1796649345583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"process_archives\" (\"key\" varchar(100) PRIMARY KEY NOT NULL, \"archived_at\" bigint NOT NULL)");
    await queryRunner.query("ALTER TABLE \"processes\" ADD COLUMN \"flow\" text");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"processes\" DROP COLUMN \"flow\"");
    await queryRunner.query("DROP TABLE \"process_archives\"");
  }
}
