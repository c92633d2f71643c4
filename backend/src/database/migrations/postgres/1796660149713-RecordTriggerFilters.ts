import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordTriggerFilters1796660149713 implements MigrationInterface {
  name = 'RecordTriggerFilters1796660149713';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" ADD \"entity_type\" character varying(50)");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" ADD \"field_path\" character varying(200)");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" ADD \"field_value\" character varying(500)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" DROP COLUMN \"field_value\"");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" DROP COLUMN \"field_path\"");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" DROP COLUMN \"entity_type\"");
  }
}
