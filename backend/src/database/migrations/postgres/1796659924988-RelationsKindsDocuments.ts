import { MigrationInterface, QueryRunner } from 'typeorm';

export class RelationsKindsDocuments1796659924988 implements MigrationInterface {
  name = 'RelationsKindsDocuments1796659924988';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"entity_relations\" (\"id\" character varying(36) NOT NULL, \"entity_id\" character varying(36) NOT NULL, \"name\" character varying(100) NOT NULL, \"related_id\" character varying(36) NOT NULL, \"created_at\" bigint NOT NULL, CONSTRAINT \"PK_5c6a7d8d55e61baf03d8192a6eb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_entity_relations_related\" ON \"entity_relations\"  (\"related_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_entity_relations_name\" ON \"entity_relations\"  (\"entity_id\", \"name\") ");
    await queryRunner.query("ALTER TABLE \"message_templates\" ADD \"kind\" character varying(20) NOT NULL DEFAULT 'customer'");
    await queryRunner.query("ALTER TABLE \"message_templates\" ADD \"documents\" text NOT NULL DEFAULT '[]'");
    await queryRunner.query("ALTER TABLE \"messages\" ADD \"kind\" character varying(20) NOT NULL DEFAULT 'customer'");
    await queryRunner.query("ALTER TABLE \"entity_relations\" ADD CONSTRAINT \"FK_1e485f5315315cd7f3d6b73cbcc\" FOREIGN KEY (\"entity_id\") REFERENCES \"entities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"entity_relations\" ADD CONSTRAINT \"FK_9c3f876a50c398058e0f2733e38\" FOREIGN KEY (\"related_id\") REFERENCES \"entities\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"entity_relations\" DROP CONSTRAINT \"FK_9c3f876a50c398058e0f2733e38\"");
    await queryRunner.query("ALTER TABLE \"entity_relations\" DROP CONSTRAINT \"FK_1e485f5315315cd7f3d6b73cbcc\"");
    await queryRunner.query("ALTER TABLE \"messages\" DROP COLUMN \"kind\"");
    await queryRunner.query("ALTER TABLE \"message_templates\" DROP COLUMN \"documents\"");
    await queryRunner.query("ALTER TABLE \"message_templates\" DROP COLUMN \"kind\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_entity_relations_name\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_entity_relations_related\"");
    await queryRunner.query("DROP TABLE \"entity_relations\"");
  }
}
