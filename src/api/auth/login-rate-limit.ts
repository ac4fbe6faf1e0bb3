// A per-address limit on login attempts, in memory: it slows a guesser who tries many
// names from one address (the per-name lockout is in the login use case). One server
// process is the deployment; behind several, put the limit in the proxy.
export interface RateLimit {
  /** True when the attempt may go ahead; records it. */
  take(key: string, nowMs: number): { allowed: boolean; retryAfterSeconds: number };
}

export function slidingWindowLimit({ max, windowMs }: { max: number; windowMs: number }): RateLimit {
  const hits = new Map<string, number[]>();
  return {
    take(key, nowMs) {
      const recent = (hits.get(key) ?? []).filter((at) => at > nowMs - windowMs);
      if (recent.length >= max) {
        hits.set(key, recent);
        const oldest = recent[0] ?? nowMs;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000)) };
      }
      recent.push(nowMs);
      hits.set(key, recent);
      // Forget idle addresses so the map does not grow without bound.
      if (hits.size > 10_000) for (const [k, list] of hits) if ((list.at(-1) ?? 0) <= nowMs - windowMs) hits.delete(k);
      return { allowed: true, retryAfterSeconds: 0 };
    },
  };
}
