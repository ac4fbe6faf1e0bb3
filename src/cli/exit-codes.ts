// The exit codes every command shares (README, `baocao --help`); commands may add
// their own, documented in their help. 75 is sysexits' EX_TEMPFAIL: a temporary
// failure worth retrying, which schedulers know.
export const EXIT_CODES = { ok: 0, failed: 1, usage: 2, periodLocked: 3, databaseUnavailable: 75 } as const;
