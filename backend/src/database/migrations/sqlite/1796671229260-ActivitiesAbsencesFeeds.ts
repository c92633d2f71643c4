import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivitiesAbsencesFeeds1796671229260 implements MigrationInterface {
  name = 'ActivitiesAbsencesFeeds1796671229260';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM's generated SQLite creates each table, then rebuilds it to add its foreign keys.
    await queryRunner.query(
      "CREATE TABLE \"activities\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"instance_id\" varchar(36) NOT NULL, \"kind\" varchar(20) NOT NULL, \"title\" varchar(200) NOT NULL, \"note\" text NOT NULL DEFAULT (''), \"due_at\" bigint, \"start_at\" bigint, \"end_at\" bigint, \"status\" varchar(12) NOT NULL, \"assignee_id\" varchar(36) NOT NULL, \"created_by\" varchar(36), \"completed_by\" varchar(36), \"completed_at\" bigint, \"created_at\" bigint NOT NULL, \"updated_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_b193e70a25918ea34934254750c\" FOREIGN KEY (\"instance_id\") REFERENCES \"instances\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_1f63dbb8344fdcbef01aadc3228\" FOREIGN KEY (\"assignee_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
    await queryRunner.query("CREATE INDEX \"ix_activities_instance\" ON \"activities\" (\"instance_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_activities_assignee\" ON \"activities\" (\"assignee_id\", \"status\") ");
    await queryRunner.query(
      "CREATE TABLE \"user_absences\" (\"user_id\" varchar(36) PRIMARY KEY NOT NULL, \"from_at\" bigint NOT NULL, \"until_at\" bigint NOT NULL, \"delegate_id\" varchar(36) NOT NULL, \"note\" varchar(500) NOT NULL DEFAULT (''), \"applied_at\" bigint, \"created_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_330862b9b7383a428d4859976ad\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT \"FK_1465044988df541a793ebbcef4c\" FOREIGN KEY (\"delegate_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
    await queryRunner.query(
      "CREATE TABLE \"calendar_feeds\" (\"user_id\" varchar(36) PRIMARY KEY NOT NULL, \"token_hash\" varchar(64) NOT NULL, \"created_at\" bigint NOT NULL, \"last_used_at\" bigint, CONSTRAINT \"UQ_df53b5f17d35a6bac0fb13e16ad\" UNIQUE (\"token_hash\"), " +
        "CONSTRAINT \"FK_3212ce9ff23847e66347a6730d3\" FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"calendar_feeds\"");
    await queryRunner.query("DROP TABLE \"user_absences\"");
    await queryRunner.query("DROP INDEX \"ix_activities_assignee\"");
    await queryRunner.query("DROP INDEX \"ix_activities_instance\"");
    await queryRunner.query("DROP TABLE \"activities\"");
  }
}
