import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { HealthProbeTable } from '../../src/database/tables';
import { HealthRepository } from '../../src/health/health.repository';
import { READINESS_CACHE_MS } from '../../src/health/readiness';
import { TEST_DB } from '../support/database';
import { startTestApp, TestApp } from '../support/test-app';

const pastCache = () => new Promise((done) => setTimeout(done, READINESS_CACHE_MS + 100));

describe('health and readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (path: string) => request(t.baseUrl).get(`/api/v1${path}`);

  /** Every write to the probe table fails as a full disk would (a trigger, on either database). */
  const failWrites = async (on: boolean) => {
    const sql = TEST_DB === 'postgres'
      ? on
        ? [
            "CREATE FUNCTION refuse_probe() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$ LANGUAGE plpgsql",
            'CREATE TRIGGER refuse_probe BEFORE INSERT OR UPDATE ON health_probe FOR EACH ROW EXECUTE FUNCTION refuse_probe()',
          ]
        : ['DROP TRIGGER refuse_probe ON health_probe', 'DROP FUNCTION refuse_probe()']
      : on
        ? [
            "CREATE TRIGGER refuse_probe_insert BEFORE INSERT ON health_probe BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
            "CREATE TRIGGER refuse_probe_update BEFORE UPDATE ON health_probe BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
          ]
        : ['DROP TRIGGER refuse_probe_insert', 'DROP TRIGGER refuse_probe_update'];
    await t.db.transaction(async () => {
      for (const statement of sql) await t.db.manager.query(statement);
    });
  };

  it('GET /health answers 200 without credentials (liveness)', async () => {
    const res = await get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: t.db.dataSource.options.type });
  });

  it('GET /health/ready answers 200 once a write to the database commits', async () => {
    await pastCache();
    const res = await get('/health/ready').expect(200);
    expect(res.body).toEqual({ status: 'ready' });
    expect(await t.db.read(() => t.db.manager.countBy(HealthProbeTable, { id: 'ready' }))).toBe(1);
  });

  it('answers 503 "not ready" with the reason while writes fail, keeps /health at 200, and recovers', async () => {
    await failWrites(true);
    try {
      await pastCache();
      const res = await get('/health/ready').expect(503);
      expect(res.body).toEqual({ status: 'not ready', reason: expect.stringMatching(/^the database cannot be written: .*(full|No space)/) });
      await get('/health').expect(200);
    } finally {
      await failWrites(false);
    }
    await pastCache();
    await get('/health/ready').expect(200);
  });

  it('answers a burst of probes with one write: the answer is kept for a second', async () => {
    await pastCache();
    const repository = t.app.get(HealthRepository);
    const write = jest.spyOn(repository, 'writeProbe');
    try {
      const answers = await Promise.all(Array.from({ length: 30 }, () => get('/health/ready')));
      expect(answers.map((a) => a.status)).toEqual(Array(30).fill(200));
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      write.mockRestore();
    }
  });

  (TEST_DB === 'sqlite' ? it : it.skip)('answers 503 on an immutable SQLite file while /health still says ok', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseflow-immutable-'));
    const path = join(dir, 'caseflow.sqlite');
    const config = { ...loadConfig({ LOG_LEVEL: 'error', CASEFLOW_SIGNING_SECRET: 's', CASEFLOW_SCHEDULER: 'off' }), database: { type: 'sqlite' as const, path } };
    await (await createApp(config)).close();
    try {
      // As root a chmod 0444 does not stop writes; the immutable flag does (and chmod covers the rest).
      execFileSync('chattr', ['+i', path]);
    } catch {
      execFileSync('chmod', ['0444', path]);
    }
    const app = await createApp(config);
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const server = app.getHttpServer();
      await request(server).get('/api/v1/health').expect(200);
      const res = await request(server).get('/api/v1/health/ready').expect(503);
      expect(res.body).toEqual({ status: 'not ready', reason: expect.stringMatching(/^the database cannot be written: .*readonly/i) });
    } finally {
      await app.close();
      execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
