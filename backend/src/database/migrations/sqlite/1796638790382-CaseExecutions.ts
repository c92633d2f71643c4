import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand from the generated one: SQLite adds columns in place (ALTER TABLE ADD COLUMN)
 * instead of copying every table, so upgrading a large embedded database is instant. The
 * resulting schema is the one the tables describe (the generator finds nothing left to do).
 */
export class CaseExecutions1796638790382 implements MigrationInterface {
  name = 'CaseExecutions1796638790382';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"case_executions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"instance_id\" varchar(36) NOT NULL, \"execution_id\" varchar(100) NOT NULL, \"workflow_id\" varchar(100), \"status\" varchar(20) NOT NULL, \"error\" text, \"first_seen_at\" bigint NOT NULL, \"last_seen_at\" bigint NOT NULL, \"checked_at\" bigint, CONSTRAINT \"FK_fdaae6ed80653fc141711176364\" FOREIGN KEY (\"instance_id\") REFERENCES \"instances\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
    await queryRunner.query("CREATE INDEX \"ix_case_executions_status_checked\" ON \"case_executions\" (\"status\", \"checked_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_case_executions_instance_execution\" ON \"case_executions\" (\"instance_id\", \"execution_id\") ");
    await queryRunner.query("ALTER TABLE \"processes\" ADD COLUMN \"intake\" text NOT NULL DEFAULT ('[]')");
    await queryRunner.query("ALTER TABLE \"instances\" ADD COLUMN \"failure\" text");
    await queryRunner.query("ALTER TABLE \"tasks\" ADD COLUMN \"resumed_at\" bigint");
    await queryRunner.query("ALTER TABLE \"timers\" ADD COLUMN \"moved_at\" bigint");
    await queryRunner.query("ALTER TABLE \"timers\" ADD COLUMN \"resumed_at\" bigint");
    await queryRunner.query("CREATE INDEX \"ix_tasks_resume_url_created\" ON \"tasks\" (\"resume_url\", \"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_tasks_resume_url_created\"");
    await queryRunner.query("ALTER TABLE \"timers\" DROP COLUMN \"resumed_at\"");
    await queryRunner.query("ALTER TABLE \"timers\" DROP COLUMN \"moved_at\"");
    await queryRunner.query("ALTER TABLE \"tasks\" DROP COLUMN \"resumed_at\"");
    await queryRunner.query("ALTER TABLE \"instances\" DROP COLUMN \"failure\"");
    await queryRunner.query("ALTER TABLE \"processes\" DROP COLUMN \"intake\"");
    await queryRunner.query("DROP INDEX \"uq_case_executions_instance_execution\"");
    await queryRunner.query("DROP INDEX \"ix_case_executions_status_checked\"");
    await queryRunner.query("DROP TABLE \"case_executions\"");
  }
}
