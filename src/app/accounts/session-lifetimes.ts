// How long a session lives: it ends after `idleMinutes` without a request, and in any
// case `absoluteHours` after login. Both are settings read where the server starts
// (BAOCAO_SESSION_IDLE_MINUTES, BAOCAO_SESSION_MAX_HOURS; README).
import type { Session } from './account-ports.ts';

export interface SessionLifetimes {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/** A working day without logging in again, and a coffee break without losing the page. */
export const DEFAULT_SESSION_LIFETIMES: SessionLifetimes = { idleMinutes: 120, absoluteHours: 12 };

/** Requests within this long of the last one recorded do not write the session again. */
export const TOUCH_INTERVAL_MS = 60_000;

/** The absolute end of a session that starts at `now`. */
export function sessionEnd(lifetimes: SessionLifetimes, now: Date): string {
  return new Date(now.getTime() + lifetimes.absoluteHours * 3_600_000).toISOString();
}

/** Over: past its absolute end, or idle for too long (counted from login when never seen). */
export function isSessionOver(session: Session, lifetimes: SessionLifetimes, now: Date): boolean {
  if (session.expiresAt <= now.toISOString()) return true;
  const lastSeen = Date.parse(session.lastSeenAt ?? session.createdAt);
  return now.getTime() - lastSeen >= lifetimes.idleMinutes * 60_000;
}
