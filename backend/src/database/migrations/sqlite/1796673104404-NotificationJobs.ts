import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationJobs1796673104404 implements MigrationInterface {
  name = 'NotificationJobs1796673104404';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notification_jobs\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"kind\" varchar(40) NOT NULL, \"actor_user_id\" varchar(36), \"user_ids\" text NOT NULL, \"queue_id\" varchar(36), \"instance_id\" varchar(36) NOT NULL, \"task_id\" varchar(36), \"title\" varchar(500) NOT NULL, \"extra\" text, \"created_at\" bigint NOT NULL)");
    await queryRunner.query("CREATE INDEX \"ix_notification_jobs_created\" ON \"notification_jobs\" (\"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"ix_notification_jobs_created\"");
    await queryRunner.query("DROP TABLE \"notification_jobs\"");
  }
}
