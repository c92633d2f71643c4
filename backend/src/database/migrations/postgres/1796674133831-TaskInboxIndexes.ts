import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskInboxIndexes1796674133831 implements MigrationInterface {
  name = 'TaskInboxIndexes1796674133831';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_tasks_open_queue_assignee_due\" ON \"tasks\"  (\"queue_id\", \"assignee_id\", \"due_at\", \"id\") WHERE status IN ('open', 'claimed')");
    // Highest priority first, oldest first within one: a DESC column, which TypeORM's @Index cannot declare.
    await queryRunner.query("CREATE INDEX \"ix_tasks_open_priority\" ON \"tasks\" (\"priority\" DESC, \"created_at\", \"id\") WHERE status IN ('open', 'claimed')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_tasks_open_priority\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_tasks_open_queue_assignee_due\"");
  }
}
