import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A lock between processes on one machine: a directory that only one process can create.
 * A lock whose owner died (its pid is gone) is taken over, so a killed install never wedges
 * the next one.
 */
export async function withDirLock<T>(lockDir: string, work: () => Promise<T>, timeoutMs = 60 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await ownerIsGone(lockDir)) {
        await rm(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for lock ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  await writeFile(join(lockDir, 'pid'), String(process.pid));
  try {
    return await work();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function ownerIsGone(lockDir: string): Promise<boolean> {
  let pid: number;
  try {
    pid = Number(await readFile(join(lockDir, 'pid'), 'utf8'));
  } catch {
    // Created but not yet stamped: its owner is between two calls, or died right there.
    const created = await stat(lockDir).then((s) => s.mtimeMs, () => 0);
    return Date.now() - created > 30_000;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
