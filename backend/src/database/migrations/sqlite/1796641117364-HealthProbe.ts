import { MigrationInterface, QueryRunner } from 'typeorm';

export class HealthProbe1796641117364 implements MigrationInterface {
  name = 'HealthProbe1796641117364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"health_probe\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"checked_at\" bigint NOT NULL)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"health_probe\"");
  }
}
