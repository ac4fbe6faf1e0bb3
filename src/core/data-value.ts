// A stored figure (số liệu): indicator × org unit × period × disaggregation.
import type { DisaggKey } from './indicator.ts';

export interface DataValueKey {
  readonly indicator: string;
  readonly orgUnit: string;
  /** Canonical period code (`2022-04`). */
  readonly period: string;
  readonly disagg: DisaggKey;
}

export interface DataValue extends DataValueKey {
  readonly value: number;
  readonly comment?: string | null;
  readonly storedBy?: string | null;
  /** ISO 8601 instant. */
  readonly updatedAt?: string | null;
}

/** A stable string for a key, for maps and duplicate detection. */
export function dataValueKeyString(key: DataValueKey): string {
  return `${key.indicator}\u0000${key.orgUnit}\u0000${key.period}\u0000${key.disagg}`;
}
