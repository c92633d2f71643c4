/**
 * Pre-installs the pinned n8n runtimes so tests only start them:
 *   tsx test/n8n/install.ts [current|compat|all]   (default: all)
 * Idempotent: a complete install is left alone. Cache: $CASEFLOW_CACHE_DIR or ~/.cache/caseflow.
 */
import { PROFILES, profileByName, type N8nProfile } from './profiles';
import { defaultCacheDir, ensureRuntime } from './runtime';

async function main(argv: readonly string[]): Promise<void> {
  const which = argv[0] ?? 'all';
  const profiles: N8nProfile[] = which === 'all' ? Object.values(PROFILES) : [profileByName(which)];
  // One after the other: each npm install already keeps both cores busy.
  for (const profile of profiles) {
    const started = Date.now();
    const runtime = await ensureRuntime(profile);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`n8n ${profile.name}: ${profile.n8nVersion} on Node ${runtime.nodeVersion} ready in ${seconds}s at ${runtime.dir}`);
  }
  console.log(`cache: ${defaultCacheDir()}`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
