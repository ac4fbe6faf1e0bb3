// Port of explanations (giải trình): a unit's note on one figure, for the approver to
// read beside the finding it answers. src/storage implements it on both databases.
import type { DataValueKey } from '../../core/data-value.ts';

export interface ValueExplanation extends DataValueKey {
  readonly text: string;
  /** Actor (username) who wrote it. */
  readonly author: string;
  /** ISO instant. */
  readonly at: string;
}

export interface ExplanationRepository {
  /** The explanations of one period, optionally only for these units. */
  list(query: { readonly period: string; readonly orgUnits?: readonly string[] }): Promise<ValueExplanation[]>;
  get(key: DataValueKey): Promise<ValueExplanation | undefined>;
  /** Inserts or replaces the explanation of its key. */
  save(explanation: ValueExplanation): Promise<void>;
  /** True when there was one to remove. */
  remove(key: DataValueKey): Promise<boolean>;
}
