import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProcessFlowAndArchives1796649345583 implements MigrationInterface {
  name = 'ProcessFlowAndArchives1796649345583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"process_archives\" (\"key\" character varying(100) NOT NULL, \"archived_at\" bigint NOT NULL, CONSTRAINT \"PK_7afda65f878f975653293970500\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("ALTER TABLE \"processes\" ADD \"flow\" text");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"processes\" DROP COLUMN \"flow\"");
    await queryRunner.query("DROP TABLE \"process_archives\"");
  }
}
