import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailDecisionLinks1796664804014 implements MigrationInterface {
  name = 'EmailDecisionLinks1796664804014';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"email_decision_links\" (\"token_hash\" character varying(64) NOT NULL, \"task_id\" character varying(36) NOT NULL, \"decision_key\" character varying(100) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"email\" character varying(320) NOT NULL, \"expires_at\" bigint NOT NULL, \"used_at\" bigint, \"used_by\" character varying(36), \"created_at\" bigint NOT NULL, CONSTRAINT \"PK_d1e4c28d1e0ab72f31d529fcb5f\" PRIMARY KEY (\"token_hash\"))");
    await queryRunner.query("CREATE INDEX \"ix_email_decision_links_task\" ON \"email_decision_links\" (\"task_id\") ");
    await queryRunner.query("ALTER TABLE \"email_decision_links\" ADD CONSTRAINT \"FK_c09e1a4b070f7467b96d0cae7f2\" FOREIGN KEY (\"task_id\") REFERENCES \"tasks\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"email_decision_links\" ADD CONSTRAINT \"FK_430d0f88b923b6d5121dad79878\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"email_decision_links\" DROP CONSTRAINT \"FK_430d0f88b923b6d5121dad79878\"");
    await queryRunner.query("ALTER TABLE \"email_decision_links\" DROP CONSTRAINT \"FK_c09e1a4b070f7467b96d0cae7f2\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_email_decision_links_task\"");
    await queryRunner.query("DROP TABLE \"email_decision_links\"");
  }
}
