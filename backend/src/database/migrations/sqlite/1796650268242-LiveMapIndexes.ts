import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveMapIndexes1796650268242 implements MigrationInterface {
  name = 'LiveMapIndexes1796650268242';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_instances_live_map\" ON \"instances\" (\"process_key\", \"status\", \"current_stage_key\", \"outcome\", \"process_version\", \"stalled_at\", \"closed_at\")");
    await queryRunner.query("CREATE INDEX \"ix_instances_id_process\" ON \"instances\" (\"id\", \"process_key\", \"process_version\", \"status\")");
    await queryRunner.query("CREATE INDEX \"ix_stage_visits_entered\" ON \"stage_visits\" (\"entered_at\", \"instance_id\", \"stage_key\", \"exited_at\")");
    await queryRunner.query("CREATE INDEX \"ix_stage_visits_open_breached\" ON \"stage_visits\" (\"stage_key\", \"instance_id\") WHERE exited_at IS NULL AND breached = true");
    await queryRunner.query("CREATE INDEX \"ix_tasks_decided\" ON \"tasks\" (\"decided_at\", \"instance_id\", \"stage_key\", \"decision\") WHERE status = 'decided'");
    await queryRunner.query("CREATE INDEX \"ix_tasks_open_due_stage\" ON \"tasks\" (\"due_at\", \"instance_id\", \"stage_key\", \"status\") WHERE status IN ('open', 'claimed')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_tasks_open_due_stage\"");
    await queryRunner.query("DROP INDEX \"ix_tasks_decided\"");
    await queryRunner.query("DROP INDEX \"ix_stage_visits_open_breached\"");
    await queryRunner.query("DROP INDEX \"ix_stage_visits_entered\"");
    await queryRunner.query("DROP INDEX \"ix_instances_id_process\"");
    await queryRunner.query("DROP INDEX \"ix_instances_live_map\"");
  }
}
