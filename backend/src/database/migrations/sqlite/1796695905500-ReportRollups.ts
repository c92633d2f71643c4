import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportRollups1796695905500 implements MigrationInterface {
  name = 'ReportRollups1796695905500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"report_case_rollups\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"day\" integer NOT NULL, \"process_key\" varchar(100) NOT NULL, \"current_stage_key\" varchar(100), \"status\" varchar(20) NOT NULL, \"outcome\" varchar(100), \"cases\" integer NOT NULL, \"tasks\" integer NOT NULL, \"escalations\" integer NOT NULL, \"escalated_cases\" integer NOT NULL, \"escalated_tasks\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_report_case_rollups_key\" ON \"report_case_rollups\" (\"day\", \"process_key\", \"current_stage_key\", \"status\", \"outcome\") ");
    await queryRunner.query("CREATE TABLE \"report_stage_rollups\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"span\" varchar(5) NOT NULL, \"day\" integer NOT NULL, \"process_key\" varchar(100) NOT NULL, \"stage_key\" varchar(100) NOT NULL, \"stage_name\" varchar(200) NOT NULL, \"visits\" integer NOT NULL, \"total_ms\" bigint NOT NULL, \"histogram\" text NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_report_stage_rollups_key\" ON \"report_stage_rollups\" (\"span\", \"day\", \"process_key\", \"stage_key\", \"stage_name\") ");
    await queryRunner.query("CREATE TABLE \"report_decision_rollups\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"day\" integer NOT NULL, \"process_key\" varchar(100) NOT NULL, \"stage_key\" varchar(100), \"decision\" varchar(100), \"count\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_report_decision_rollups_key\" ON \"report_decision_rollups\" (\"day\", \"process_key\", \"stage_key\", \"decision\") ");
    await queryRunner.query("CREATE TABLE \"report_message_rollups\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"day\" integer NOT NULL, \"process_key\" varchar(100), \"kind\" varchar(20) NOT NULL, \"status\" varchar(20) NOT NULL, \"count\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_report_message_rollups_key\" ON \"report_message_rollups\" (\"day\", \"process_key\", \"kind\", \"status\") ");
    // Added in place: the generated rebuild of these tables would copy a year of history.
    await queryRunner.query('ALTER TABLE "instances" ADD COLUMN "rolled_up_at" bigint');
    await queryRunner.query('ALTER TABLE "stage_visits" ADD COLUMN "rolled_up_at" bigint');
    await queryRunner.query('ALTER TABLE "tasks" ADD COLUMN "rolled_up_at" bigint');
    await queryRunner.query('ALTER TABLE "messages" ADD COLUMN "rolled_up_at" bigint');
    await queryRunner.query("CREATE INDEX \"ix_instances_to_roll_up\" ON \"instances\" (\"created_at\", \"id\") WHERE rolled_up_at IS NULL AND status IN ('completed', 'cancelled')");
    await queryRunner.query("CREATE INDEX \"ix_instances_created\" ON \"instances\" (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_instances_not_rolled_up\" ON \"instances\" (\"process_key\", \"status\", \"current_stage_key\", \"outcome\", \"created_at\", \"id\") WHERE rolled_up_at IS NULL");
    await queryRunner.query("CREATE INDEX \"ix_stage_visits_not_rolled_up\" ON \"stage_visits\" (\"entered_at\", \"id\") WHERE rolled_up_at IS NULL AND exited_at IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"ix_stage_visits_entered\" ON \"stage_visits\" (\"entered_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_tasks_open_overdue\" ON \"tasks\" (\"due_at\", \"id\", \"title\", \"instance_id\", \"stage_key\", \"queue_id\", \"assignee_id\", \"priority\", \"status\") WHERE status IN ('open', 'claimed')");
    await queryRunner.query("CREATE INDEX \"ix_tasks_decided_not_rolled_up\" ON \"tasks\" (\"created_at\", \"id\") WHERE rolled_up_at IS NULL AND status = 'decided'");
    await queryRunner.query("CREATE INDEX \"ix_tasks_decided_created\" ON \"tasks\" (\"created_at\") WHERE status = 'decided'");
    await queryRunner.query("CREATE INDEX \"ix_messages_created\" ON \"messages\" (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_messages_not_rolled_up\" ON \"messages\" (\"created_at\", \"status\", \"kind\", \"instance_id\", \"id\") WHERE rolled_up_at IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_messages_not_rolled_up\"");
    await queryRunner.query("DROP INDEX \"ix_messages_created\"");
    await queryRunner.query("DROP INDEX \"ix_tasks_decided_created\"");
    await queryRunner.query("DROP INDEX \"ix_tasks_decided_not_rolled_up\"");
    await queryRunner.query("DROP INDEX \"ix_tasks_open_overdue\"");
    await queryRunner.query("DROP INDEX \"ix_stage_visits_entered\"");
    await queryRunner.query("DROP INDEX \"ix_stage_visits_not_rolled_up\"");
    await queryRunner.query("DROP INDEX \"ix_instances_not_rolled_up\"");
    await queryRunner.query("DROP INDEX \"ix_instances_created\"");
    await queryRunner.query("DROP INDEX \"ix_instances_to_roll_up\"");
    await queryRunner.query('ALTER TABLE "messages" DROP COLUMN "rolled_up_at"');
    await queryRunner.query('ALTER TABLE "tasks" DROP COLUMN "rolled_up_at"');
    await queryRunner.query('ALTER TABLE "stage_visits" DROP COLUMN "rolled_up_at"');
    await queryRunner.query('ALTER TABLE "instances" DROP COLUMN "rolled_up_at"');
    await queryRunner.query("DROP INDEX \"ix_report_message_rollups_key\"");
    await queryRunner.query("DROP TABLE \"report_message_rollups\"");
    await queryRunner.query("DROP INDEX \"ix_report_decision_rollups_key\"");
    await queryRunner.query("DROP TABLE \"report_decision_rollups\"");
    await queryRunner.query("DROP INDEX \"ix_report_stage_rollups_key\"");
    await queryRunner.query("DROP TABLE \"report_stage_rollups\"");
    await queryRunner.query("DROP INDEX \"ix_report_case_rollups_key\"");
    await queryRunner.query("DROP TABLE \"report_case_rollups\"");
  }
}
