import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmailDecisionLinks1796664804014 implements MigrationInterface {
  name = 'EmailDecisionLinks1796664804014';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM's generated SQLite creates the table, then rebuilds it to add the foreign keys.
    await queryRunner.query(
      "CREATE TABLE \"email_decision_links\" (\"token_hash\" varchar(64) PRIMARY KEY NOT NULL, \"task_id\" varchar(36) NOT NULL, \"decision_key\" varchar(100) NOT NULL, \"user_id\" varchar(36) NOT NULL, \"email\" varchar(320) NOT NULL, \"expires_at\" bigint NOT NULL, \"used_at\" bigint, \"used_by\" varchar(36), \"created_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_c09e1a4b070f7467b96d0cae7f2\" FOREIGN KEY (\"task_id\") REFERENCES \"tasks\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, " +
        "CONSTRAINT \"FK_430d0f88b923b6d5121dad79878\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
    await queryRunner.query("CREATE INDEX \"ix_email_decision_links_task\" ON \"email_decision_links\" (\"task_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_email_decision_links_task\"");
    await queryRunner.query("DROP TABLE \"email_decision_links\"");
  }
}
