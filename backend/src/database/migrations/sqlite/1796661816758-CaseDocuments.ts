import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseDocuments1796661816758 implements MigrationInterface {
  name = 'CaseDocuments1796661816758';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM's generated SQLite creates the table, then rebuilds it to add the foreign key.
    await queryRunner.query(
      "CREATE TABLE \"case_documents\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"instance_id\" varchar(36) NOT NULL, \"name\" varchar(300) NOT NULL, \"content_type\" varchar(100) NOT NULL, \"size\" integer NOT NULL, \"sha256\" varchar(64) NOT NULL, \"kind\" varchar(50) NOT NULL DEFAULT ('supporting'), \"field\" varchar(200), \"source\" varchar(20) NOT NULL, \"task_id\" varchar(36), \"added_by_type\" varchar(20) NOT NULL, \"added_by_id\" varchar(36), \"added_by_name\" varchar(200), \"storage\" varchar(20) NOT NULL, \"storage_key\" varchar(200) NOT NULL, \"created_at\" bigint NOT NULL, " +
        "CONSTRAINT \"FK_285e13506f73b510f613180f2b9\" FOREIGN KEY (\"instance_id\") REFERENCES \"instances\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
    await queryRunner.query("CREATE INDEX \"ix_case_documents_instance\" ON \"case_documents\" (\"instance_id\", \"created_at\") ");
    // Not an entity (a BLOB here, a BYTEA on PostgreSQL): see case-document.table.ts.
    await queryRunner.query(
      "CREATE TABLE \"document_contents\" (\"document_id\" varchar(36) PRIMARY KEY NOT NULL, \"content\" blob NOT NULL, " +
        "CONSTRAINT \"fk_document_contents_document\" FOREIGN KEY (\"document_id\") REFERENCES \"case_documents\" (\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)",
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"document_contents\"");
    await queryRunner.query("DROP INDEX \"ix_case_documents_instance\"");
    await queryRunner.query("DROP TABLE \"case_documents\"");
  }
}
