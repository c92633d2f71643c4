import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveMap1796650268242 implements MigrationInterface {
  name = 'LiveMap1796650268242';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The case's process on its visits and tasks, so the live map reads a process's rows without a join.
    for (const table of ['stage_visits', 'tasks']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "process_key" varchar(100)`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "process_version" integer`);
      await queryRunner.query(
        `UPDATE "${table}" SET "process_key" = (SELECT "process_key" FROM "instances" i WHERE i."id" = "${table}"."instance_id"), ` +
          `"process_version" = (SELECT "process_version" FROM "instances" i WHERE i."id" = "${table}"."instance_id")`,
      );
    }
    await queryRunner.query("CREATE INDEX \"ix_instances_live_map\" ON \"instances\" (\"process_key\", \"status\", \"current_stage_key\", \"outcome\", \"process_version\", \"stalled_at\", \"closed_at\")");
    await queryRunner.query("CREATE INDEX \"ix_instances_id_process\" ON \"instances\" (\"id\", \"process_key\", \"process_version\", \"status\")");
    await queryRunner.query("CREATE INDEX \"ix_stage_visits_process_entered\" ON \"stage_visits\" (\"process_key\", \"entered_at\", \"stage_key\", \"exited_at\", \"process_version\")");
    await queryRunner.query("CREATE INDEX \"ix_stage_visits_open_breached\" ON \"stage_visits\" (\"stage_key\", \"instance_id\") WHERE exited_at IS NULL AND breached = true");
    await queryRunner.query("CREATE INDEX \"ix_tasks_process_decided\" ON \"tasks\" (\"process_key\", \"decided_at\", \"stage_key\", \"decision\", \"process_version\") WHERE status = 'decided'");
    await queryRunner.query("CREATE INDEX \"ix_tasks_process_open_due\" ON \"tasks\" (\"process_key\", \"due_at\", \"stage_key\", \"process_version\") WHERE status IN ('open', 'claimed')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_tasks_process_open_due\"");
    await queryRunner.query("DROP INDEX \"ix_tasks_process_decided\"");
    await queryRunner.query("DROP INDEX \"ix_stage_visits_open_breached\"");
    await queryRunner.query("DROP INDEX \"ix_stage_visits_process_entered\"");
    await queryRunner.query("DROP INDEX \"ix_instances_id_process\"");
    await queryRunner.query("DROP INDEX \"ix_instances_live_map\"");
    for (const table of ['tasks', 'stage_visits']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "process_version"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "process_key"`);
    }
  }
}
