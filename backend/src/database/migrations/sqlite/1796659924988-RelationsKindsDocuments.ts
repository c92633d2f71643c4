import { MigrationInterface, QueryRunner } from 'typeorm';

export class RelationsKindsDocuments1796659924988 implements MigrationInterface {
  name = 'RelationsKindsDocuments1796659924988';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM's generated SQLite rebuilds whole tables for a column; ADD COLUMN does it in place.
    await queryRunner.query(
      "CREATE TABLE \"entity_relations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"entity_id\" varchar(36) NOT NULL, \"name\" varchar(100) NOT NULL, \"related_id\" varchar(36) NOT NULL, \"created_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_1e485f5315315cd7f3d6b73cbcc\" FOREIGN KEY (\"entity_id\") REFERENCES \"entities\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION, " +
        "CONSTRAINT \"FK_9c3f876a50c398058e0f2733e38\" FOREIGN KEY (\"related_id\") REFERENCES \"entities\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
    await queryRunner.query("CREATE INDEX \"ix_entity_relations_related\" ON \"entity_relations\" (\"related_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_entity_relations_name\" ON \"entity_relations\" (\"entity_id\", \"name\") ");
    await queryRunner.query("ALTER TABLE \"message_templates\" ADD COLUMN \"kind\" varchar(20) NOT NULL DEFAULT ('customer')");
    await queryRunner.query("ALTER TABLE \"message_templates\" ADD COLUMN \"documents\" text NOT NULL DEFAULT ('[]')");
    await queryRunner.query("ALTER TABLE \"messages\" ADD COLUMN \"kind\" varchar(20) NOT NULL DEFAULT ('customer')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"messages\" DROP COLUMN \"kind\"");
    await queryRunner.query("ALTER TABLE \"message_templates\" DROP COLUMN \"documents\"");
    await queryRunner.query("ALTER TABLE \"message_templates\" DROP COLUMN \"kind\"");
    await queryRunner.query("DROP INDEX \"uq_entity_relations_name\"");
    await queryRunner.query("DROP INDEX \"ix_entity_relations_related\"");
    await queryRunner.query("DROP TABLE \"entity_relations\"");
  }
}
