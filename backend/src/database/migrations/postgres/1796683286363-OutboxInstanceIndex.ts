import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxInstanceIndex1796683286363 implements MigrationInterface {
  name = 'OutboxInstanceIndex1796683286363';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_outbox_instance\" ON \"outbox\"  (\"instance_id\", \"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_instance\"");
  }
}
