import { MigrationInterface, QueryRunner } from 'typeorm';

export class OpenTaskIndexes1795368875231 implements MigrationInterface {
  name = 'OpenTaskIndexes1795368875231';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_tasks_open_queue_due\" ON \"tasks\"  (\"queue_id\", \"due_at\", \"id\") WHERE status IN ('open', 'claimed')");
    await queryRunner.query("CREATE INDEX \"ix_tasks_open_due\" ON \"tasks\"  (\"due_at\", \"id\") WHERE status IN ('open', 'claimed')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_tasks_open_due\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_tasks_open_queue_due\"");
  }
}
