import { MigrationInterface, QueryRunner } from 'typeorm';

export class HealthProbe1796641117364 implements MigrationInterface {
  name = 'HealthProbe1796641117364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"health_probe\" (\"id\" character varying(36) NOT NULL, \"checked_at\" bigint NOT NULL, CONSTRAINT \"PK_57d2c27db96037ecad73198654f\" PRIMARY KEY (\"id\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"health_probe\"");
  }
}
