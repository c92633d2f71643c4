import { MigrationInterface, QueryRunner } from 'typeorm';

export class N8nWorkflowLinks1796649236332 implements MigrationInterface {
  name = 'N8nWorkflowLinks1796649236332';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"n8n_workflow_links\" (\"process_key\" character varying(100) NOT NULL, \"workflow_id\" character varying(100) NOT NULL, \"webhook_url\" character varying(2000) NOT NULL, \"process_version\" integer NOT NULL, \"generated_nodes\" text NOT NULL, \"created_at\" bigint NOT NULL, \"updated_at\" bigint NOT NULL, CONSTRAINT \"PK_f17cc47b4741e3bc876b5d3f210\" PRIMARY KEY (\"process_key\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"n8n_workflow_links\"");
  }
}
