import { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseDocuments1796661816758 implements MigrationInterface {
  name = 'CaseDocuments1796661816758';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"case_documents\" (\"id\" character varying(36) NOT NULL, \"instance_id\" character varying(36) NOT NULL, \"name\" character varying(300) NOT NULL, \"content_type\" character varying(100) NOT NULL, \"size\" integer NOT NULL, \"sha256\" character varying(64) NOT NULL, \"kind\" character varying(50) NOT NULL DEFAULT 'supporting', \"field\" character varying(200), \"source\" character varying(20) NOT NULL, \"task_id\" character varying(36), \"added_by_type\" character varying(20) NOT NULL, \"added_by_id\" character varying(36), \"added_by_name\" character varying(200), \"storage\" character varying(20) NOT NULL, \"storage_key\" character varying(200) NOT NULL, \"created_at\" bigint NOT NULL, CONSTRAINT \"PK_9a2d2ceeefa232f683c414986ad\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_case_documents_instance\" ON \"case_documents\"  (\"instance_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"case_documents\" ADD CONSTRAINT \"FK_285e13506f73b510f613180f2b9\" FOREIGN KEY (\"instance_id\") REFERENCES \"instances\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Not an entity (a BYTEA here, a BLOB on SQLite): see case-document.table.ts.
    await queryRunner.query("CREATE TABLE \"document_contents\" (\"document_id\" character varying(36) NOT NULL, \"content\" bytea NOT NULL, CONSTRAINT \"pk_document_contents\" PRIMARY KEY (\"document_id\"), CONSTRAINT \"fk_document_contents_document\" FOREIGN KEY (\"document_id\") REFERENCES \"case_documents\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"document_contents\"");
    await queryRunner.query("ALTER TABLE \"case_documents\" DROP CONSTRAINT \"FK_285e13506f73b510f613180f2b9\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_case_documents_instance\"");
    await queryRunner.query("DROP TABLE \"case_documents\"");
  }
}
