import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivitiesAbsencesFeeds1796671229260 implements MigrationInterface {
  name = 'ActivitiesAbsencesFeeds1796671229260';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"activities\" (\"id\" character varying(36) NOT NULL, \"instance_id\" character varying(36) NOT NULL, \"kind\" character varying(20) NOT NULL, \"title\" character varying(200) NOT NULL, \"note\" text NOT NULL DEFAULT '', \"due_at\" bigint, \"start_at\" bigint, \"end_at\" bigint, \"status\" character varying(12) NOT NULL, \"assignee_id\" character varying(36) NOT NULL, \"created_by\" character varying(36), \"completed_by\" character varying(36), \"completed_at\" bigint, \"created_at\" bigint NOT NULL, \"updated_at\" bigint NOT NULL, CONSTRAINT \"PK_7f4004429f731ffb9c88eb486a8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_activities_instance\" ON \"activities\"  (\"instance_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_activities_assignee\" ON \"activities\"  (\"assignee_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"user_absences\" (\"user_id\" character varying(36) NOT NULL, \"from_at\" bigint NOT NULL, \"until_at\" bigint NOT NULL, \"delegate_id\" character varying(36) NOT NULL, \"note\" character varying(500) NOT NULL DEFAULT '', \"applied_at\" bigint, \"created_at\" bigint NOT NULL, CONSTRAINT \"PK_330862b9b7383a428d4859976ad\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE TABLE \"calendar_feeds\" (\"user_id\" character varying(36) NOT NULL, \"token_hash\" character varying(64) NOT NULL, \"created_at\" bigint NOT NULL, \"last_used_at\" bigint, CONSTRAINT \"UQ_df53b5f17d35a6bac0fb13e16ad\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_3212ce9ff23847e66347a6730d3\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("ALTER TABLE \"activities\" ADD CONSTRAINT \"FK_b193e70a25918ea34934254750c\" FOREIGN KEY (\"instance_id\") REFERENCES \"instances\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"activities\" ADD CONSTRAINT \"FK_1f63dbb8344fdcbef01aadc3228\" FOREIGN KEY (\"assignee_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"user_absences\" ADD CONSTRAINT \"FK_330862b9b7383a428d4859976ad\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"user_absences\" ADD CONSTRAINT \"FK_1465044988df541a793ebbcef4c\" FOREIGN KEY (\"delegate_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"calendar_feeds\" ADD CONSTRAINT \"FK_3212ce9ff23847e66347a6730d3\" FOREIGN KEY (\"user_id\") REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"calendar_feeds\" DROP CONSTRAINT \"FK_3212ce9ff23847e66347a6730d3\"");
    await queryRunner.query("ALTER TABLE \"user_absences\" DROP CONSTRAINT \"FK_1465044988df541a793ebbcef4c\"");
    await queryRunner.query("ALTER TABLE \"user_absences\" DROP CONSTRAINT \"FK_330862b9b7383a428d4859976ad\"");
    await queryRunner.query("ALTER TABLE \"activities\" DROP CONSTRAINT \"FK_1f63dbb8344fdcbef01aadc3228\"");
    await queryRunner.query("ALTER TABLE \"activities\" DROP CONSTRAINT \"FK_b193e70a25918ea34934254750c\"");
    await queryRunner.query("DROP TABLE \"calendar_feeds\"");
    await queryRunner.query("DROP TABLE \"user_absences\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_activities_assignee\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_activities_instance\"");
    await queryRunner.query("DROP TABLE \"activities\"");
  }
}
