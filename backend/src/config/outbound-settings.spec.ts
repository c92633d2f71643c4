import { loadConfig } from './config';

describe('outbound settings', () => {
  it('allows the origins of N8N_URL, N8N_WEBHOOK_URL and CASEFLOW_ALLOWED_RESUME_ORIGINS, once each', () => {
    const config = loadConfig({
      N8N_URL: 'http://n8n:5678/',
      N8N_WEBHOOK_URL: 'https://n8n.example.com/hooks/',
      CASEFLOW_ALLOWED_RESUME_ORIGINS: 'https://n8n.example.com, http://worker-n8n:5678',
    });
    expect(config.allowedResumeOrigins).toEqual(['https://n8n.example.com', 'http://worker-n8n:5678', 'http://n8n:5678']);
  });

  it('allows no resume origin at all when no n8n is configured', () => {
    expect(loadConfig({}).allowedResumeOrigins).toEqual([]);
    expect(loadConfig({}).webhookAllowedHosts).toEqual([]);
  });

  it('refuses a resume origin with a path or credentials at start', () => {
    expect(() => loadConfig({ CASEFLOW_ALLOWED_RESUME_ORIGINS: 'https://n8n.example.com/webhook-waiting' })).toThrow(/CASEFLOW_ALLOWED_RESUME_ORIGINS/);
    expect(() => loadConfig({ CASEFLOW_ALLOWED_RESUME_ORIGINS: 'https://u:p@n8n.example.com' })).toThrow(/CASEFLOW_ALLOWED_RESUME_ORIGINS/);
  });

  it('reads the webhook host allow-list', () => {
    expect(loadConfig({ CASEFLOW_WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, *.corp.example.com,https://ci:8443' }).webhookAllowedHosts).toEqual([
      'hooks.internal',
      '*.corp.example.com',
      'https://ci:8443',
    ]);
  });
});
