import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecordTriggerFilters1796660149713 implements MigrationInterface {
  name = 'RecordTriggerFilters1796660149713';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM's generated SQLite rebuilds whole tables for a column; ADD COLUMN does it in place.
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" ADD COLUMN \"entity_type\" varchar(50)");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" ADD COLUMN \"field_path\" varchar(200)");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" ADD COLUMN \"field_value\" varchar(500)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" DROP COLUMN \"field_value\"");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" DROP COLUMN \"field_path\"");
    await queryRunner.query("ALTER TABLE \"webhook_subscriptions\" DROP COLUMN \"entity_type\"");
  }
}
