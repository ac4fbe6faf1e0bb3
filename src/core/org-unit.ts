// Organisation units (đơn vị) and the tree they form.
// CONTRACT (skeleton): bodies to be implemented; keep the exported names and shapes.
import type { IsoDate } from './period.ts';

export interface OrgUnit {
  readonly code: string;
  readonly name: string;
  /** Short name for tables and documents ("Sở TT&TT"). */
  readonly shortName?: string | null;
  readonly parentCode: string | null;
  /** 1 for a root; parent's level + 1 otherwise. Computed by OrgTree. */
  readonly level: number;
  /** `/root/…/code`, codes joined by '/'; computed by OrgTree. */
  readonly path: string;
  /** Free classification: province, department, division, centre, district, commune, agency… */
  readonly kind?: string | null;
  readonly openingDate?: IsoDate | null;
  readonly closingDate?: IsoDate | null;
  /** For a closed unit: the unit that took it over (Trà Vinh → Vĩnh Long, 2025). */
  readonly successorCode?: string | null;
}

/** Input to the tree: level and path are derived. */
export type OrgUnitInput = Omit<OrgUnit, 'level' | 'path'>;

export interface OrgTreeProblem {
  readonly code: string;
  readonly problem: 'unknown_parent' | 'cycle' | 'duplicate_code' | 'unknown_successor';
  readonly message: string;
}

export declare class OrgTree {
  /** Builds the tree; problems are returned, not thrown. */
  static build(units: readonly OrgUnitInput[]): { tree: OrgTree; problems: OrgTreeProblem[] };
  get(code: string): OrgUnit | undefined;
  has(code: string): boolean;
  all(): readonly OrgUnit[];
  roots(): readonly OrgUnit[];
  children(code: string): readonly OrgUnit[];
  /** The unit and all its descendants; with `openAt`, only those open on that date. */
  subtree(code: string, options?: { openAt?: IsoDate }): readonly OrgUnit[];
  /** Ancestors from the root down to the parent. */
  ancestors(code: string): readonly OrgUnit[];
  /** True when `code` is `ancestorCode` or lies under it. */
  isWithin(code: string, ancestorCode: string): boolean;
  isOpenAt(code: string, date: IsoDate): boolean;
  /** The unit that holds a closed unit's data today: follows successors. */
  currentSuccessor(code: string, at: IsoDate): OrgUnit | undefined;
}
