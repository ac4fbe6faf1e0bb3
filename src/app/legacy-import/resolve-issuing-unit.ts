// Which org unit an imported report belongs to: the unit its issuing body names. A
// report naming another unit than the one chosen (--org, the URL), or naming none we
// know, is refused with the closest units listed; a report that names no body at all
// is taken for the chosen unit, with a warning.
import type { LegacyFinding, LegacyIssuer } from '../../core/legacy-report/legacy-report.ts';
import { matchIssuer } from '../../core/legacy-report/issuer-match.ts';
import type { UnitCandidate } from '../../core/legacy-report/issuer-match.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { Store } from '../ports.ts';

export interface IssuingUnit {
  /** The unit the report is saved for; null when refused. */
  readonly orgUnit: string | null;
  /** The unit the report's issuing body names, when one does. */
  readonly matched: UnitCandidate | null;
  readonly closest: readonly UnitCandidate[];
  readonly findings: readonly LegacyFinding[];
}

const list = (units: readonly UnitCandidate[]): string => units.slice(0, 5).map((u) => `${u.name} (${u.code})`).join('; ');

export async function resolveIssuingUnit({ store, issuer, chosen, period }: {
  store: Pick<Store, 'orgUnits'>; issuer: LegacyIssuer | null; chosen: string | null; period: string;
}): Promise<IssuingUnit> {
  const { tree } = OrgTree.build(await store.orgUnits.list());
  const problem = (rule: string, message: string, severity: LegacyFinding['severity'] = 'error'): LegacyFinding =>
    ({ rule, orgUnit: chosen ?? '', period, left: null, right: null, severity, message, paragraph: null });
  if (chosen !== null && !tree.has(chosen)) {
    return { orgUnit: null, matched: null, closest: [], findings: [problem('legacy:unit_unknown', `Không có đơn vị mã "${chosen}". Không ghi gì.`)] };
  }
  if (!issuer) {
    if (chosen === null) return { orgUnit: null, matched: null, closest: [], findings: [problem('legacy:no_org_unit', 'Báo cáo không ghi cơ quan ban hành; cần chọn đơn vị (--org) để lưu.')] };
    return { orgUnit: chosen, matched: null, closest: [], findings: [problem('legacy:unit_unstated', `Báo cáo không ghi cơ quan ban hành; lưu cho đơn vị đã chọn "${chosen}".`, 'warning')] };
  }
  const units = tree.all().map((u) => ({
    code: u.code, name: u.name, shortName: u.shortName ?? null, kind: u.kind ?? null,
    ancestors: [...tree.ancestors(u.code)].reverse().flatMap((a) => [a.name, ...(a.shortName ? [a.shortName] : [])]),
  }));
  const match = matchIssuer(issuer, units);
  const stated = issuer.parent ? `${issuer.parent} / ${issuer.name}` : issuer.name;
  if (match.unit) {
    if (chosen !== null && match.unit.code !== chosen) {
      return {
        orgUnit: null, matched: match.unit, closest: match.closest,
        findings: [problem('legacy:unit_mismatch', `Báo cáo do "${stated}" ban hành, tức đơn vị ${match.unit.name} (${match.unit.code}), không phải đơn vị đã chọn "${chosen}". Không ghi gì. Các đơn vị gần nhất: ${list(match.closest)}.`)],
      };
    }
    return { orgUnit: match.unit.code, matched: match.unit, closest: match.closest, findings: [] };
  }
  if (match.ambiguous.length > 0) {
    const pick = match.ambiguous.find((u) => u.code === chosen);
    if (pick) return { orgUnit: pick.code, matched: pick, closest: match.closest, findings: [] };
    return {
      orgUnit: null, matched: null, closest: match.ambiguous,
      findings: [problem('legacy:unit_ambiguous', `Cơ quan ban hành "${stated}" khớp nhiều đơn vị như nhau: ${list(match.ambiguous)}; hãy chọn đúng đơn vị (--org). Không ghi gì.`)],
    };
  }
  return {
    orgUnit: null, matched: null, closest: match.closest,
    findings: [problem('legacy:unit_unknown', `Không đơn vị nào khớp với cơ quan ban hành "${stated}". Không ghi gì. Các đơn vị gần nhất: ${list(match.closest)}.`)],
  };
}
