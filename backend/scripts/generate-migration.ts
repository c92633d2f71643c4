/**
 * Generates one migration per database from the difference between the tables in
 * src/database/tables and the schema the existing migrations build: TypeORM's own
 * migration:generate, run once against SQLite and once against PostgreSQL, so the two
 * schemas never drift apart.
 *
 *   npm run migration:generate -w backend -- AddSomething
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource as OrmDataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration <PascalCaseName>');
  process.exit(2);
}
const stamp = Date.now();
const adminUrl = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function pendingSql(source: OrmDataSource): Promise<{ up: string[]; down: string[] }> {
  await source.initialize();
  await source.runMigrations();
  const sql = await source.driver.createSchemaBuilder().log();
  await source.destroy();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.reverse().map((q) => q.query) };
}

function render(up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-migrate-'));
  const sqlite = await pendingSql(new OrmDataSource(dataSourceOptions({ type: 'sqlite', path: join(dir, 'x.sqlite') })));
  rmSync(dir, { recursive: true, force: true });

  const database = `caseflow_migrate_${stamp}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const pg = await pendingSql(new OrmDataSource(dataSourceOptions({ type: 'postgres', url: url.toString() })));
    for (const [driver, sql] of [['sqlite', sqlite], ['postgres', pg]] as const) {
      if (sql.up.length === 0) {
        console.log(`${driver}: schema is up to date`);
        continue;
      }
      const file = join(__dirname, '..', 'src', 'database', 'migrations', driver, `${stamp}-${name}.ts`);
      writeFileSync(file, render(sql.up, sql.down));
      console.log(`${driver}: wrote ${file} (${sql.up.length} statements)`);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
