import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportIndexes1796686523666 implements MigrationInterface {
  name = 'ReportIndexes1796686523666';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_instances_reports\" ON \"instances\"  (\"process_key\", \"status\", \"current_stage_key\", \"outcome\", \"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_instances_reports\"");
  }
}
