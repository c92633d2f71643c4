import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationJobs1796673104404 implements MigrationInterface {
  name = 'NotificationJobs1796673104404';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notification_jobs\" (\"id\" character varying(36) NOT NULL, \"kind\" character varying(40) NOT NULL, \"actor_user_id\" character varying(36), \"user_ids\" text NOT NULL, \"queue_id\" character varying(36), \"instance_id\" character varying(36) NOT NULL, \"task_id\" character varying(36), \"title\" character varying(500) NOT NULL, \"extra\" text, \"created_at\" bigint NOT NULL, CONSTRAINT \"PK_a9069c02b999ccf3a03b5e7bda9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_notification_jobs_created\" ON \"notification_jobs\"  (\"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_notification_jobs_created\"");
    await queryRunner.query("DROP TABLE \"notification_jobs\"");
  }
}
