import { Logger } from '@nestjs/common';
import { createApp } from './app';
import { loadConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.type === 'sqlite' ? config.database.path : 'PostgreSQL';
  new Logger('Caseflow').log(`API on ${config.publicUrl}/api/v1 (docs at /api/docs), data in ${where}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
