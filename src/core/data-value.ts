// A stored figure (số liệu): indicator × org unit × period × disaggregation × attribute.
import type { DisaggKey } from './indicator.ts';

export interface DataValueKey {
  readonly indicator: string;
  readonly orgUnit: string;
  /** Canonical period code (`2022-04`). */
  readonly period: string;
  readonly disagg: DisaggKey;
  /**
   * The attribute options (DHIS2's attribute option combination, such as a funding
   * mechanism), as a key like `disagg`; '' or absent for none. Part of the key: values
   * of two attribute options are two values.
   */
  readonly attr?: DisaggKey;
}

export interface DataValue extends DataValueKey {
  /** The number (booleans as 1/0); null for text and date values. */
  readonly value: number | null;
  /** For value types DHIS2 writes as text (BOOLEAN, TEXT, LONG_TEXT, DATE): the text. */
  readonly text?: string | null;
  readonly comment?: string | null;
  readonly storedBy?: string | null;
  /** ISO 8601 instant. */
  readonly updatedAt?: string | null;
  /** Marked for follow-up (DHIS2's followup). */
  readonly followup?: boolean | null;
}

/** A stable string for a key, for maps and duplicate detection. */
export function dataValueKeyString(key: DataValueKey): string {
  return `${key.indicator}\u0000${key.orgUnit}\u0000${key.period}\u0000${key.disagg}\u0000${key.attr ?? ''}`;
}
