// Which failures the API answers with 503 and the CLI with exit 75: the database
// away for now, not a fault of the request.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDatabaseUnavailable } from './database-unavailable.ts';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

test('a database going away or out of reach is unavailable', () => {
  for (const error of [
    withCode('terminating connection due to administrator command', '57P01'),
    withCode('the database system is starting up', '57P03'),
    withCode('canceling statement due to statement timeout', '57014'),
    withCode('connection failure', '08006'),
    withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], ''),
    new Error('wrapped', { cause: withCode('read ECONNRESET', 'ECONNRESET') }),
    withCode('database is locked', 'SQLITE_BUSY'),
  ]) {
    assert.equal(isDatabaseUnavailable(error), true, error.message);
  }
});

test('faults of the request or the schema are not', () => {
  for (const error of [
    withCode('duplicate key value violates unique constraint', '23505'),
    withCode('relation "x" does not exist', '42P01'),
    withCode('UNIQUE constraint failed: data_value.id', 'SQLITE_CONSTRAINT_UNIQUE'),
    new TypeError('Cannot read properties of undefined'),
    'a string',
    undefined,
  ]) {
    assert.equal(isDatabaseUnavailable(error), false, String(error));
  }
});
