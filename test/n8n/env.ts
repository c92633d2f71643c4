/**
 * The environment every harness n8n runs with: loopback only, nothing phoned home, quiet logs.
 * Names come from n8n's own config classes (@n8n/config); the same names hold for 1.123 and 2.x,
 * and a name one version does not know is ignored by it.
 */

/** Anything that still tries to reach n8n's services gets a refused connection at once. */
const NOWHERE = 'http://127.0.0.1:9/';

export const OFFLINE_ENV: Readonly<Record<string, string>> = {
  // Telemetry (RudderStack, PostHog in the editor) and the frontend's config for it.
  N8N_DIAGNOSTICS_ENABLED: 'false',
  N8N_DIAGNOSTICS_POSTHOG_API_HOST: NOWHERE,
  // "New version" and "what's new" polls, templates, banners, hiring banner, personalisation survey.
  N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
  N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
  N8N_VERSION_NOTIFICATIONS_ENDPOINT: NOWHERE,
  N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENDPOINT: NOWHERE,
  N8N_TEMPLATES_ENABLED: 'false',
  N8N_TEMPLATES_HOST: NOWHERE,
  N8N_DYNAMIC_BANNERS_ENABLED: 'false',
  N8N_DYNAMIC_BANNERS_ENDPOINT: NOWHERE,
  N8N_HIRING_BANNER_ENABLED: 'false',
  N8N_PERSONALIZATION_ENABLED: 'false',
  // No license server: the community edition needs none, and renewal would try to reach it.
  N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
  N8N_LICENSE_SERVER_URL: NOWHERE,
  // AI assistant / builder call n8n's cloud.
  N8N_AI_ENABLED: 'false',
  // The verified-packages list is fetched from n8n's API; packages here are installed by path.
  N8N_VERIFIED_PACKAGES_ENABLED: 'false',
  N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
  N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
  N8N_REINSTALL_MISSING_PACKAGES: 'false',
};

export const QUIET_ENV: Readonly<Record<string, string>> = {
  N8N_LOG_LEVEL: 'info',
  N8N_LOG_OUTPUT: 'console',
  // Fixed zone: schedule and date expressions behave the same on every machine.
  GENERIC_TIMEZONE: 'UTC',
  TZ: 'UTC',
  // Warns otherwise; n8n writes its config file itself and these folders are private to a test.
  N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
  // 1.x warns without a read pool and 2.x defaults to one; the same on both.
  DB_SQLITE_POOL_SIZE: '2',
  // Explicit values silence 2.x deprecation notices about defaults that will change.
  N8N_RUNNERS_TASK_TIMEOUT: '300',
};

export interface InstanceEnvOptions {
  readonly userFolder: string;
  readonly port: number;
  /** Port of the task broker that Code nodes' runner connects to; must differ per instance. */
  readonly brokerPort: number;
}

/**
 * Addresses of one instance: it listens on loopback and builds every URL it hands out (webhook,
 * waiting-webhook/resume, editor) from host, port and protocol, so no WEBHOOK_URL is needed
 * (2.x deprecates that name, 1.x does not know its successor).
 */
export function instanceEnv({ userFolder, port, brokerPort }: InstanceEnvOptions): Record<string, string> {
  return {
    N8N_USER_FOLDER: userFolder,
    N8N_PORT: String(port),
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PROTOCOL: 'http',
    // The auth cookie must travel over plain http on loopback.
    N8N_SECURE_COOKIE: 'false',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
  };
}
