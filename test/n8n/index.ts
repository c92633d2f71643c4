/** The real-n8n harness: install (runtime), run (process), set up (setup), drive (api, webhook). */
export { N8nApi, type ExecutionQuery, type WaitForExecutionsOptions } from './api';
export { installCommunityPackage, type InstalledPackage } from './community';
export { N8nHttpError } from './http';
export { freePort, launchN8n, type LaunchedN8n, type LaunchOptions } from './launch';
export { startN8n, type N8nInstance, type StartN8nOptions } from './process';
export { COMPAT, CURRENT, PROFILES, profileByName, type N8nProfile, type ProfileName } from './profiles';
export { defaultCacheDir, describeRuntime, ensureRuntime, runtimeEnv, type N8nRuntime, type RuntimeOptions } from './runtime';
export { createApiKey, DEFAULT_OWNER, login, ownerSetup, setupInstance, type OwnerAccount, type Session } from './setup';
export type * from './types';
export { callWebhook, productionWebhookUrl, type WebhookCall, type WebhookResponse } from './webhook';
