/**
 * A per-key sliding window: at most `limit` calls in any `windowMs`. Checked and counted in one
 * synchronous step, so calls that arrive at once cannot all slip under the limit.
 */
export class RateLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts a call for `key` at `now` and says whether it is within the limit (a refused call is not counted). */
  take(key: string, now: number): boolean {
    const recent = (this.calls.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const allowed = recent.length < this.limit;
    if (allowed) recent.push(now);
    this.calls.set(key, recent);
    return allowed;
  }
}

/**
 * How many existing-client checks (services/cases.ts) one user may make in a minute. Registering a
 * notification for a few siblings takes a handful; trying every identity code of a birth date, hundreds.
 */
export const EXISTING_CASE_LOOKUPS_PER_MINUTE = 30;
