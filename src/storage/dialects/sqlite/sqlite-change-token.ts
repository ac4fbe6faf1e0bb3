// The SQLite change token (Store.changeToken): `data_version` moves when another
// connection (a CLI import beside the server) commits; `total_changes()` counts the rows
// this connection has written. Together they change on every write.
//
// Every cached read asks for the token, several per request, and each ask is a
// statement. The value read is kept until the event loop turns (setImmediate) or until
// this connection runs anything but a plain read (`forget`, called by the statement
// cache and the bulk upsert), so a write by this process is seen by the very next
// read. Another process's commit is seen from the next turn of the loop on: a request
// sent after that commit finished reaches the server in a later poll of the loop than
// the one whose turn kept the older token, so it sees the commit; only requests already
// being handled answer as of their turn's start, as if they had run a moment sooner.
import type { Database as SqliteHandle, Statement } from 'better-sqlite3';

export class SqliteChangeToken {
  readonly #handle: SqliteHandle;
  #dataVersion: Statement | undefined;
  #totalChanges: Statement | undefined;
  #kept: string | undefined;

  constructor(handle: SqliteHandle) {
    this.#handle = handle;
  }

  read(): string {
    if (this.#kept !== undefined) return this.#kept;
    // Two plain statements cost less than one reading the pragma as a table (3 µs against 5).
    this.#dataVersion ??= this.#handle.prepare('PRAGMA data_version').pluck();
    this.#totalChanges ??= this.#handle.prepare('SELECT total_changes()').pluck();
    const token = `${String(this.#dataVersion.get())}.${String(this.#totalChanges.get())}`;
    this.#kept = token;
    setImmediate(this.forget);
    return token;
  }

  /** The next read asks the database again. */
  readonly forget = (): void => {
    this.#kept = undefined;
  };
}
