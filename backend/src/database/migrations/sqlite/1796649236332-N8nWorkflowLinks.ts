import { MigrationInterface, QueryRunner } from 'typeorm';

export class N8nWorkflowLinks1796649236332 implements MigrationInterface {
  name = 'N8nWorkflowLinks1796649236332';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"n8n_workflow_links\" (\"process_key\" varchar(100) PRIMARY KEY NOT NULL, \"workflow_id\" varchar(100) NOT NULL, \"webhook_url\" varchar(2000) NOT NULL, \"process_version\" integer NOT NULL, \"generated_nodes\" text NOT NULL, \"created_at\" bigint NOT NULL, \"updated_at\" bigint NOT NULL)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"n8n_workflow_links\"");
  }
}
