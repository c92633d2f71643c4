import { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginThrottle1796640997598 implements MigrationInterface {
  name = 'LoginThrottle1796640997598';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"login_throttles\" (\"key\" character varying(400) NOT NULL, \"failures\" integer NOT NULL, \"window_start\" bigint NOT NULL, \"blocked_until\" bigint NOT NULL, \"updated_at\" bigint NOT NULL, CONSTRAINT \"PK_366650e3560115bd25315ca53d0\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE INDEX \"IDX_login_throttles_updated_at\" ON \"login_throttles\"  (\"updated_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_login_throttles_updated_at\"");
    await queryRunner.query("DROP TABLE \"login_throttles\"");
  }
}
