const CAP_MS = 10 * 60_000;

/**
 * Exponential backoff with jitter: attempt n waits between half and all of base × 2^(n-1),
 * capped at 10 minutes. Jitter spreads retries so a recovering receiver is not hit by every
 * pending delivery at the same instant.
 */
export function retryDelayMs(attempt: number, baseMs = 1000, random: () => number = Math.random): number {
  const ceiling = Math.min(baseMs * 2 ** (attempt - 1), CAP_MS);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
