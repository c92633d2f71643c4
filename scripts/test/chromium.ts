/**
 * The Chromium the browser tests drive through playwright-core: CHROMIUM_PATH when given, else the
 * first of the usual system paths, else the Debian package installed by scripts/ensure-chromium.sh
 * (as root, or with sudo). Nothing downloads a browser from elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function provideChromium(env: NodeJS.ProcessEnv, root: string): { path: string; origin: string } {
  if (env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH (${env.CHROMIUM_PATH}) does not exist.`);
    return { path: env.CHROMIUM_PATH, origin: 'CHROMIUM_PATH' };
  }
  const found = SYSTEM_PATHS.find((path) => existsSync(path));
  if (found) return { path: found, origin: 'found on the machine' };
  try {
    execFileSync('bash', [join(root, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  } catch {
    throw new Error(
      'The browser tests need Chromium and none was found or could be installed: install the Debian package "chromium" ' +
        '(apt-get install chromium, as root) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return { path: '/usr/bin/chromium', origin: 'installed now (Debian package chromium)' };
}
