export const TEMPLATES_PATH = '/admin/message-templates';

/** The editor of a template's latest version, or the read-only page of one version. */
export function templatePath(key: string, version?: number): string {
  const base = `${TEMPLATES_PATH}/${encodeURIComponent(key)}`;
  return version === undefined ? base : `${base}/versions/${version}`;
}
