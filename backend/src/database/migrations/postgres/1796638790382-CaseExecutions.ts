import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseExecutions1796638790382 implements MigrationInterface {
  name = 'CaseExecutions1796638790382';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"case_executions\" (\"id\" character varying(36) NOT NULL, \"instance_id\" character varying(36) NOT NULL, \"execution_id\" character varying(100) NOT NULL, \"workflow_id\" character varying(100), \"status\" character varying(20) NOT NULL, \"error\" text, \"first_seen_at\" bigint NOT NULL, \"last_seen_at\" bigint NOT NULL, \"checked_at\" bigint, CONSTRAINT \"PK_9b062e8925b031857ef7049af8e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_case_executions_status_checked\" ON \"case_executions\"  (\"status\", \"checked_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_case_executions_instance_execution\" ON \"case_executions\"  (\"instance_id\", \"execution_id\") ");
    await queryRunner.query("ALTER TABLE \"processes\" ADD \"intake\" text NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"instances\" ADD \"failure\" text");
    await queryRunner.query("ALTER TABLE \"tasks\" ADD \"resumed_at\" bigint");
    await queryRunner.query("ALTER TABLE \"timers\" ADD \"moved_at\" bigint");
    await queryRunner.query("ALTER TABLE \"timers\" ADD \"resumed_at\" bigint");
    await queryRunner.query("CREATE INDEX \"ix_tasks_resume_url_created\" ON \"tasks\"  (\"resume_url\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"case_executions\" ADD CONSTRAINT \"FK_fdaae6ed80653fc141711176364\" FOREIGN KEY (\"instance_id\") REFERENCES \"instances\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"case_executions\" DROP CONSTRAINT \"FK_fdaae6ed80653fc141711176364\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_tasks_resume_url_created\"");
    await queryRunner.query("ALTER TABLE \"timers\" DROP COLUMN \"resumed_at\"");
    await queryRunner.query("ALTER TABLE \"timers\" DROP COLUMN \"moved_at\"");
    await queryRunner.query("ALTER TABLE \"tasks\" DROP COLUMN \"resumed_at\"");
    await queryRunner.query("ALTER TABLE \"instances\" DROP COLUMN \"failure\"");
    await queryRunner.query("ALTER TABLE \"processes\" DROP COLUMN \"intake\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_case_executions_instance_execution\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_case_executions_status_checked\"");
    await queryRunner.query("DROP TABLE \"case_executions\"");
  }
}
