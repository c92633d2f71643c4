/**
 * The time zones to choose from, the current one among them; null where the browser cannot list them
 * (the panel then asks for the name as text).
 */
export function timeZoneChoices(current: string): string[] | null {
  if (typeof Intl.supportedValuesOf !== 'function') return null;
  // Browsers leave UTC out of the list, yet it is the server's default.
  const zones = new Set(['UTC', ...Intl.supportedValuesOf('timeZone')]);
  if (current) zones.add(current);
  return [...zones].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

