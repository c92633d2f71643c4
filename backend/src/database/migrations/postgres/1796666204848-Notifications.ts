import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796666204848 implements MigrationInterface {
  name = 'Notifications1796666204848';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notification_preferences\" (\"user_id\" character varying(36) NOT NULL, \"kind\" character varying(40) NOT NULL, \"mode\" character varying(10) NOT NULL, \"updated_at\" bigint NOT NULL, CONSTRAINT \"PK_4beeeb46feaf58d75e124c8ba58\" PRIMARY KEY (\"user_id\", \"kind\"))");
    await queryRunner.query("CREATE TABLE \"notification_digest_items\" (\"id\" character varying(36) NOT NULL, \"user_id\" character varying(36) NOT NULL, \"kind\" character varying(40) NOT NULL, \"headline\" character varying(500) NOT NULL, \"link\" character varying(2000) NOT NULL, \"due_at\" bigint NOT NULL, \"created_at\" bigint NOT NULL, CONSTRAINT \"PK_5770a5ec1baa34f93856ae96fc8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_notification_digest_items_due\" ON \"notification_digest_items\"  (\"due_at\", \"user_id\") ");
    await queryRunner.query("CREATE TABLE \"task_reminders\" (\"task_id\" character varying(36) NOT NULL, \"before_minutes\" integer NOT NULL, \"sent_at\" bigint NOT NULL, CONSTRAINT \"PK_78ca583a701e6ff29b00004fbd5\" PRIMARY KEY (\"task_id\", \"before_minutes\"))");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"time_zone\" character varying(100)");
    await queryRunner.query("ALTER TABLE \"users\" ADD \"digest_time\" character varying(5) NOT NULL DEFAULT '08:00'");
    await queryRunner.query("ALTER TABLE \"notification_preferences\" ADD CONSTRAINT \"FK_64c90edc7310c6be7c10c96f675\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notification_digest_items\" ADD CONSTRAINT \"FK_5420134406a3a7f7286b446de7f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"task_reminders\" ADD CONSTRAINT \"FK_e4ead86f68b14e41994d5944783\" FOREIGN KEY (\"task_id\") REFERENCES \"tasks\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"task_reminders\" DROP CONSTRAINT \"FK_e4ead86f68b14e41994d5944783\"");
    await queryRunner.query("ALTER TABLE \"notification_digest_items\" DROP CONSTRAINT \"FK_5420134406a3a7f7286b446de7f\"");
    await queryRunner.query("ALTER TABLE \"notification_preferences\" DROP CONSTRAINT \"FK_64c90edc7310c6be7c10c96f675\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"digest_time\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"time_zone\"");
    await queryRunner.query("DROP TABLE \"task_reminders\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_notification_digest_items_due\"");
    await queryRunner.query("DROP TABLE \"notification_digest_items\"");
    await queryRunner.query("DROP TABLE \"notification_preferences\"");
  }
}
