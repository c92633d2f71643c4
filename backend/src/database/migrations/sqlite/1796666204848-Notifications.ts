import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796666204848 implements MigrationInterface {
  name = 'Notifications1796666204848';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM's generated SQLite creates each table, then rebuilds it (and users) to add keys and columns.
    await queryRunner.query(
      "CREATE TABLE \"notification_preferences\" (\"user_id\" varchar(36) NOT NULL, \"kind\" varchar(40) NOT NULL, \"mode\" varchar(10) NOT NULL, \"updated_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_64c90edc7310c6be7c10c96f675\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"user_id\", \"kind\"))",
    );
    await queryRunner.query(
      "CREATE TABLE \"notification_digest_items\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"user_id\" varchar(36) NOT NULL, \"kind\" varchar(40) NOT NULL, \"headline\" varchar(500) NOT NULL, \"link\" varchar(2000) NOT NULL, \"due_at\" bigint NOT NULL, \"created_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_5420134406a3a7f7286b446de7f\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
    await queryRunner.query("CREATE INDEX \"ix_notification_digest_items_due\" ON \"notification_digest_items\" (\"due_at\", \"user_id\") ");
    await queryRunner.query(
      "CREATE TABLE \"task_reminders\" (\"task_id\" varchar(36) NOT NULL, \"before_minutes\" integer NOT NULL, \"sent_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_e4ead86f68b14e41994d5944783\" FOREIGN KEY (\"task_id\") REFERENCES \"tasks\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY (\"task_id\", \"before_minutes\"))",
    );
    await queryRunner.query("ALTER TABLE \"users\" ADD COLUMN \"time_zone\" varchar(100)");
    await queryRunner.query("ALTER TABLE \"users\" ADD COLUMN \"digest_time\" varchar(5) NOT NULL DEFAULT ('08:00')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"digest_time\"");
    await queryRunner.query("ALTER TABLE \"users\" DROP COLUMN \"time_zone\"");
    await queryRunner.query("DROP TABLE \"task_reminders\"");
    await queryRunner.query("DROP INDEX \"ix_notification_digest_items_due\"");
    await queryRunner.query("DROP TABLE \"notification_digest_items\"");
    await queryRunner.query("DROP TABLE \"notification_preferences\"");
  }
}
