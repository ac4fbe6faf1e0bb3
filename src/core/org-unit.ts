// Organisation units (đơn vị) and the tree they form.
import type { IsoDate } from './period.ts';
import type { Dhis2Ids } from './dhis2-ids.ts';

export interface OrgUnit extends Dhis2Ids {
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

/**
 * The organisation tree, built once from a list of units. Closed units stay in it with
 * their history; dates decide what is open, not membership.
 */
export class OrgTree {
  private readonly units: readonly OrgUnit[];
  private readonly byCode: ReadonlyMap<string, OrgUnit>;
  private readonly childrenByCode: ReadonlyMap<string, readonly OrgUnit[]>;

  private constructor(units: readonly OrgUnit[]) {
    this.units = units;
    this.byCode = new Map(units.map((unit) => [unit.code, unit]));
    const children = new Map<string, OrgUnit[]>();
    for (const unit of units) {
      if (unit.parentCode === null) continue;
      const siblings = children.get(unit.parentCode) ?? [];
      siblings.push(unit);
      children.set(unit.parentCode, siblings);
    }
    this.childrenByCode = children;
  }

  /**
   * Builds the tree; problems are returned, not thrown. So that every unit's data stays
   * reachable while an administrator fixes the list:
   * - a duplicate code: the first unit wins, later ones are left out;
   * - an unknown parent, or a parent link that closes a cycle: the unit is kept as a
   *   root (parentCode null, level 1), every unit on the cycle is reported;
   * - an unknown successor: the unit is kept as given; currentSuccessor stops at it.
   * Units keep their input order (the display order in reports).
   */
  static build(units: readonly OrgUnitInput[]): { tree: OrgTree; problems: OrgTreeProblem[] } {
    const problems: OrgTreeProblem[] = [];
    const inputs = new Map<string, OrgUnitInput>();
    for (const unit of units) {
      if (inputs.has(unit.code)) {
        problems.push({ code: unit.code, problem: 'duplicate_code', message: `Mã đơn vị "${unit.code}" bị trùng; chỉ giữ đơn vị khai báo đầu tiên.` });
        continue;
      }
      inputs.set(unit.code, unit);
    }

    const parentOf = new Map<string, string | null>();
    for (const unit of inputs.values()) {
      const parent = unit.parentCode ?? null;
      if (parent !== null && !inputs.has(parent)) {
        problems.push({ code: unit.code, problem: 'unknown_parent', message: `Đơn vị "${unit.code}" có đơn vị cấp trên "${parent}" không tồn tại; tạm xếp làm đơn vị gốc.` });
        parentOf.set(unit.code, null);
      } else {
        parentOf.set(unit.code, parent);
      }
    }
    for (const cycle of findCycles(parentOf)) {
      const loop = [...cycle, cycle[0]].join(' → ');
      for (const code of cycle) {
        problems.push({ code, problem: 'cycle', message: `Đơn vị "${code}" nằm trong vòng lặp cấp trên (${loop}); tạm xếp làm đơn vị gốc.` });
        parentOf.set(code, null);
      }
    }

    const placed = new Map<string, OrgUnit>();
    const place = (code: string): OrgUnit => {
      const done = placed.get(code);
      if (done) return done;
      const input = inputs.get(code) as OrgUnitInput;
      const parentCode = parentOf.get(code) ?? null;
      const parent = parentCode === null ? null : place(parentCode);
      const unit: OrgUnit = {
        ...input,
        parentCode,
        level: parent ? parent.level + 1 : 1,
        path: `${parent ? parent.path : ''}/${code}`,
      };
      placed.set(code, unit);
      return unit;
    };
    const all = [...inputs.keys()].map(place);

    for (const unit of all) {
      if (unit.successorCode && !inputs.has(unit.successorCode)) {
        problems.push({ code: unit.code, problem: 'unknown_successor', message: `Đơn vị "${unit.code}" có đơn vị kế thừa "${unit.successorCode}" không tồn tại.` });
      }
    }
    return { tree: new OrgTree(all), problems };
  }

  get(code: string): OrgUnit | undefined {
    return this.byCode.get(code);
  }

  has(code: string): boolean {
    return this.byCode.has(code);
  }

  all(): readonly OrgUnit[] {
    return this.units;
  }

  roots(): readonly OrgUnit[] {
    return this.units.filter((unit) => unit.parentCode === null);
  }

  children(code: string): readonly OrgUnit[] {
    return this.childrenByCode.get(code) ?? [];
  }

  /** The unit and all its descendants, depth first; with `openAt`, only those open on that date. Unknown code → []. */
  subtree(code: string, options?: { openAt?: IsoDate }): readonly OrgUnit[] {
    const root = this.get(code);
    if (!root) return [];
    const result: OrgUnit[] = [];
    const visit = (unit: OrgUnit): void => {
      result.push(unit);
      for (const child of this.children(unit.code)) visit(child);
    };
    visit(root);
    const openAt = options?.openAt;
    return openAt === undefined ? result : result.filter((unit) => isOpen(unit, openAt));
  }

  /** Ancestors from the root down to the parent. */
  ancestors(code: string): readonly OrgUnit[] {
    const result: OrgUnit[] = [];
    let parentCode = this.get(code)?.parentCode ?? null;
    while (parentCode !== null) {
      const parent = this.get(parentCode);
      if (!parent) break;
      result.unshift(parent);
      parentCode = parent.parentCode;
    }
    return result;
  }

  /** True when `code` is `ancestorCode` or lies under it. */
  isWithin(code: string, ancestorCode: string): boolean {
    const unit = this.get(code);
    const ancestor = this.get(ancestorCode);
    if (!unit || !ancestor) return false;
    return unit.path === ancestor.path || unit.path.startsWith(`${ancestor.path}/`);
  }

  /** openingDate ≤ date < closingDate, a missing date being unbounded. Unknown code → false. */
  isOpenAt(code: string, date: IsoDate): boolean {
    const unit = this.get(code);
    return unit !== undefined && isOpen(unit, date);
  }

  /**
   * The unit that holds a closed unit's data on `at`: the unit itself while open, else
   * its successor's current successor. Undefined when the chain ends in a unit that is
   * not open on `at` (closed without successor, not yet opened) or the code is unknown.
   */
  currentSuccessor(code: string, at: IsoDate): OrgUnit | undefined {
    const seen = new Set<string>();
    let unit = this.get(code);
    while (unit && !seen.has(unit.code)) {
      if (isOpen(unit, at)) return unit;
      seen.add(unit.code);
      const closedBefore = unit.closingDate != null && unit.closingDate <= at;
      if (!closedBefore || !unit.successorCode) return undefined;
      unit = this.get(unit.successorCode);
    }
    return undefined;
  }
}

function isOpen(unit: OrgUnit, date: IsoDate): boolean {
  // ISO dates compare correctly as strings.
  return (unit.openingDate == null || unit.openingDate <= date) && (unit.closingDate == null || date < unit.closingDate);
}

/** Each cycle of parent links once, as the list of its codes in link order. */
function findCycles(parentOf: ReadonlyMap<string, string | null>): string[][] {
  const cycles: string[][] = [];
  const settled = new Set<string>();
  for (const start of parentOf.keys()) {
    const walk: string[] = [];
    const onWalk = new Set<string>();
    let code: string | null = start;
    while (code !== null && !settled.has(code) && !onWalk.has(code)) {
      walk.push(code);
      onWalk.add(code);
      code = parentOf.get(code) ?? null;
    }
    if (code !== null && onWalk.has(code)) cycles.push(walk.slice(walk.indexOf(code)));
    for (const visited of walk) settled.add(visited);
  }
  return cycles;
}
