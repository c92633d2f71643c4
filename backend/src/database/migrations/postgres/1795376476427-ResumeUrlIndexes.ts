import { MigrationInterface, QueryRunner } from 'typeorm';

export class ResumeUrlIndexes1795376476427 implements MigrationInterface {
  name = 'ResumeUrlIndexes1795376476427';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"ix_tasks_open_resume_url\" ON \"tasks\"  (\"resume_url\") WHERE status IN ('open', 'claimed')");
    await queryRunner.query("CREATE INDEX \"ix_timers_resume_url_status\" ON \"timers\"  (\"resume_url\", \"status\") ");
    await queryRunner.query("CREATE INDEX \"ix_outbox_target_status\" ON \"outbox\"  (\"target\", \"status\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_target_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_timers_resume_url_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_tasks_open_resume_url\"");
  }
}
