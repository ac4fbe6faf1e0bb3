// Which SQLite failures are transient: another process holds the write lock past the
// busy timeout. Everything else is a fault of the request or of the file.
export function isSqliteUnavailable(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT';
}
