// Reads an existing report's paragraphs into a LegacyReport. Every paragraph either
// lands in a field (header, title, summary, preamble, a section heading, an item, a
// plan line, the closing, a recipient, the signer) or is listed as unplaced; the
// coverage figure is the share of non-whitespace characters that landed.
import type { Finding } from '../finding.ts';
import { formatNumber } from '../format.ts';
import { tryParsePeriod } from '../period.ts';
import type { Signer } from '../report-model.ts';
import { findDocumentReferences } from './document-references.ts';
import {
  DOCUMENT_TYPE_LINE, isAgencyLine, isDecoration, isMotto, isPersonName, isRecipientsLabel, isSignatureNote, isSignerTitle,
  readAuthority, readNumberAndSymbol, readPlaceAndDate,
} from './front-matter.ts';
import type {
  LegacyDocument, LegacyHeader, LegacyNumber, LegacyPlanLine, LegacyReport, LegacySection, SourceParagraph, UnplacedFragment,
} from './legacy-report.ts';
import { checkStatedPercentages } from './percentage-check.ts';
import { followingPeriod, readPeriodPhrase } from './period-phrase.ts';
import { isUpperCase, looksLikePlainHeading, RANK, readHeadingNumber } from './section-heading.ts';
import type { HeadingNumber } from './section-heading.ts';
import { findStatedNumbers } from './stated-numbers.ts';

interface Paragraph {
  readonly index: number;
  readonly text: string;
  readonly marker: string;
  readonly headingDepth: number;
  readonly bold: boolean;
}

interface OpenSection {
  readonly section: LegacySection;
  readonly rank: number;
  readonly key: string;
  readonly isPlan: boolean;
}

/** Words that open a next-period plan section ("KẾ HOẠCH CÔNG TÁC THÁNG 5", "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III"). */
const PLAN_TITLE = /^(kế hoạch|phương hướng|nhiệm vụ|dự kiến)/iu;

export function parseLegacyReport(source: readonly SourceParagraph[]): LegacyReport {
  const paragraphs = normalise(source);
  const placed = new Set<number>();
  const ignored = new Set<number>();
  const header: { -readonly [K in keyof LegacyHeader]: LegacyHeader[K] } = {
    governingBody: null, issuingBody: null, numberAndSymbol: null, number: null, symbol: null, place: null, date: null,
  };
  let title: string | null = null;
  let summary: string | null = null;
  const preamble: { text: string; paragraph: number }[] = [];
  const sections: LegacySection[] = [];
  const plan: { order: number; text: string; paragraph: number; section: LegacySection }[] = [];
  let closing: string | null = null;
  const recipients: string[] = [];
  const signer: { authority: string | null; title: string | null; name: string | null } = { authority: null, title: null, name: null };

  // 1. Front matter: header lines up to the document type line; without one, up to the first body paragraph.
  let cursor = 0;
  const titleIndex = paragraphs.findIndex((p, i) => i < 20 && DOCUMENT_TYPE_LINE.test(p.text.toLocaleUpperCase('vi')) && isUpperCase(p.text));
  for (; cursor < paragraphs.length; cursor += 1) {
    const p = paragraphs[cursor];
    if (!p) break;
    if (titleIndex >= 0 && cursor === titleIndex) {
      title = p.text;
      placed.add(p.index);
      cursor += 1;
      break;
    }
    if (!readFrontLine(p, header)) {
      if (titleIndex >= 0) continue; // left unplaced: text before the title that is not a header field
      break;
    }
    placed.add(p.index);
  }
  if (header.issuingBody === null && header.governingBody !== null) {
    header.issuingBody = header.governingBody;
    header.governingBody = null;
  }

  // 2. Summary right after the title: the first paragraph that is not a numbered heading.
  const first = paragraphs[cursor];
  if (title !== null && first && !readHeadingNumber(first.text) && first.marker === '' && first.text.length <= 500) {
    summary = first.text.replace(/^V\/v\s*:?\s*/iu, '');
    placed.add(first.index);
    cursor += 1;
  }
  const fallbackYear = header.date ? Number(header.date.slice(0, 4)) : null;
  // Without a title the first body paragraph may still state the period ("Báo cáo sơ kết … 6 tháng đầu năm 2023").
  const opening = paragraphs[cursor];
  const periodSource = summary ?? (opening && !readHeadingNumber(opening.text) ? opening.text : null);
  const period = periodSource ? readPeriodPhrase(periodSource, fallbackYear) : null;

  // 3. Body: sections, items and plan lines until the closing, the recipients or the signature.
  const stack: OpenSection[] = [];
  // The item, plan line or preamble paragraph a broken line continues.
  let last: { text: string } | null = null;
  let planFor: string | null = null;
  for (; cursor < paragraphs.length; cursor += 1) {
    const p = paragraphs[cursor];
    if (!p) break;
    if (/^Trên đây là/iu.test(p.text)) {
      closing = p.text;
      placed.add(p.index);
      cursor += 1;
      break;
    }
    if (isRecipientsLabel(p.text) || readAuthority(p.text) || startsSignature(paragraphs, cursor)) break;
    const top = stack[stack.length - 1];
    const inPlan = stack.some((s) => s.isPlan);
    const heading = headingOf(p, inPlan);
    if (heading) {
      while (stack.length > 0 && (stack[stack.length - 1]?.rank ?? -1) >= heading.rank) stack.pop();
      const parent = stack[stack.length - 1];
      const key = sectionKey(heading, parent, p.index);
      const section: LegacySection = {
        id: parent ? `${parent.section.id}.${key}` : key,
        number: heading.number,
        numbering: heading.kind,
        title: heading.title,
        level: stack.length + 1,
        paragraph: p.index,
        items: [],
        sections: [],
      };
      (parent ? parent.section.sections : sections).push(section);
      const isPlan = !inPlan && PLAN_TITLE.test(heading.title) && (isUpperCase(heading.title) || /(tháng|quý|năm|tới|sau|tiếp theo)/iu.test(heading.title));
      if (isPlan) planFor = readPeriodPhrase(heading.title, fallbackYear ?? (period ? Number(period.slice(0, 4)) : null)) ?? nextOf(period);
      stack.push({ section, rank: heading.rank, key: section.id, isPlan });
      placed.add(p.index);
      last = null;
      continue;
    }
    if (isDecoration(p.text)) {
      ignored.add(p.index);
      continue;
    }
    placed.add(p.index);
    // A line broken in two ("… chủ trương, đường" / "lời của Đảng …") continues the previous one.
    if (last && p.marker === '' && /^\p{Ll}/u.test(p.text) && !/[.;:!?]$/.test(last.text)) {
      last.text = `${last.text} ${p.text}`;
      continue;
    }
    if (!top) {
      const entry = { text: p.text, paragraph: p.index };
      preamble.push(entry);
      last = entry;
      continue;
    }
    const number = readHeadingNumber(p.text);
    if (inPlan && !(p.marker === '' && !number && /:$/.test(p.text))) {
      const line = { order: plan.length + 1, text: number && number.kind !== 'part' ? number.title : p.text, paragraph: p.index, section: top.section };
      plan.push(line);
      last = line;
      continue;
    }
    const item = { paragraph: p.index, marker: p.marker, text: p.text };
    top.section.items.push(item);
    last = item;
  }

  // 4. After the body: recipients and the signature block, in either order.
  let inRecipients = false;
  const unplaced: UnplacedFragment[] = [];
  for (; cursor < paragraphs.length; cursor += 1) {
    const p = paragraphs[cursor];
    if (!p) break;
    if (isDecoration(p.text)) {
      ignored.add(p.index);
      continue;
    }
    if (isRecipientsLabel(p.text)) {
      inRecipients = true;
      placed.add(p.index);
      const rest = p.text.replace(/^Nơi\s+nhận\s*:?\s*/iu, '').trim();
      if (rest) recipients.push(cleanRecipient(rest));
      continue;
    }
    const authority = readAuthority(p.text);
    if (authority && signer.authority === null) {
      signer.authority = authority;
      inRecipients = false;
      placed.add(p.index);
      continue;
    }
    if (inRecipients && (p.marker !== '' || /^[-+•]/.test(p.text))) {
      recipients.push(cleanRecipient(p.text.replace(/^[-+•]\s*/, '')));
      placed.add(p.index);
      continue;
    }
    if (signer.title === null && isSignerTitle(p.text)) {
      signer.title = p.text.trim();
      inRecipients = false;
      placed.add(p.index);
      continue;
    }
    if (isSignatureNote(p.text)) {
      placed.add(p.index);
      continue;
    }
    if (signer.name === null && signer.title !== null && isPersonName(p.text)) {
      signer.name = p.text.trim();
      placed.add(p.index);
      continue;
    }
    inRecipients = false;
  }

  // 5. What the text cites and states: documents, numbers, percentages.
  const planFor2 = planFor ?? nextOf(period);
  const documents: LegacyDocument[] = [];
  const numbers: LegacyNumber[] = [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const texts: { text: string; section: string; sectionNumber: string; paragraph: number }[] = [];
  for (const p of preamble) texts.push({ text: p.text, section: '', sectionNumber: '', paragraph: p.paragraph });
  const visit = (list: readonly LegacySection[], prefix: string): void => {
    for (const s of list) {
      const shown = s.numbering === 'decimal' || prefix === '' ? s.number || prefix : `${prefix}.${s.number}`;
      for (const item of s.items) texts.push({ text: item.text, section: s.id, sectionNumber: shown, paragraph: item.paragraph });
      for (const line of plan.filter((l) => l.section === s)) texts.push({ text: line.text, section: s.id, sectionNumber: shown, paragraph: line.paragraph });
      visit(s.sections, shown);
    }
  };
  visit(sections, '');
  for (const { text, section, sectionNumber, paragraph } of texts) {
    const references = findDocumentReferences(text);
    for (const ref of references) {
      // "09/NQ-TU" and "09-NQ/TU" are the same resolution written two ways.
      const key = `${ref.type}|${ref.reference.split(/[/-]/).join(' ')}`.toLocaleLowerCase('vi');
      if (seen.has(key)) continue;
      seen.add(key);
      documents.push({
        id: `doc-${documents.length + 1}`,
        section: section || null,
        type: ref.type,
        label: ref.label,
        number: ref.number,
        symbol: ref.symbol,
        issuer: ref.issuer,
        date: ref.date,
        summary: ref.summary,
        cited: true,
        reference: ref.reference,
        paragraph,
      });
    }
    const stated = findStatedNumbers(text, references);
    for (const n of stated) {
      numbers.push({ value: n.value, text: n.text, isPercent: n.isPercent, before: n.before, after: n.after, section, paragraph, offset: n.offset });
    }
    for (const mismatch of checkStatedPercentages(stated, text)) {
      findings.push({
        rule: 'legacy:percent_mismatch',
        orgUnit: '',
        period: period ?? '',
        left: mismatch.stated.value,
        right: Number(mismatch.computed.replace('%', '').replaceAll('.', '').replace(',', '.')),
        severity: 'warning',
        message: `Tỷ lệ ${mismatch.stated.text.replace(/\s+%/, '%')} không khớp với số liệu: ${formatNumber(mismatch.part.value)}/${formatNumber(mismatch.whole.value)} = ${mismatch.computed}`
          + `${sectionNumber ? ` (mục ${sectionNumber})` : ''}.`,
      });
    }
  }

  // 6. Coverage: every paragraph placed or listed; rules and underlines count for neither.
  let total = 0;
  let landed = 0;
  for (const p of paragraphs) {
    if (ignored.has(p.index)) continue;
    const size = p.text.replace(/\s+/g, '').length;
    total += size;
    if (placed.has(p.index)) landed += size;
    else unplaced.push({ paragraph: p.index, text: p.text });
  }
  unplaced.sort((a, b) => a.paragraph - b.paragraph);

  return {
    header,
    title,
    summary,
    period,
    preamble: preamble.map((p) => p.text),
    sections,
    plan: plan.map((l): LegacyPlanLine => ({ order: l.order, text: l.text, forPeriod: planFor2, paragraph: l.paragraph })),
    closing,
    recipients,
    signer: toSigner(signer),
    documents,
    numbers,
    findings,
    coverage: total === 0 ? 0 : landed / total,
    unplaced,
  };
}

function normalise(source: readonly SourceParagraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  source.forEach((p, index) => {
    let text = (p.text ?? '').replace(/[\u00a0\t]/g, ' ').replace(/\s+/g, ' ').trim();
    let marker = p.marker ?? '';
    if (p.marker === undefined || p.marker === null) {
      const m = /^([-+*•–])\s+(?=\S)/u.exec(text);
      if (m) {
        marker = m[1] === '•' || m[1] === '–' ? '-' : (m[1] ?? '');
        text = text.slice(m[0].length);
      }
    }
    if (text === '') return;
    out.push({ index, text, marker, headingDepth: p.headingDepth ?? 0, bold: p.bold ?? false });
  });
  return out;
}

function readFrontLine(p: Paragraph, header: { -readonly [K in keyof LegacyHeader]: LegacyHeader[K] }): boolean {
  if (isDecoration(p.text) || isMotto(p.text)) return true;
  const numberAndSymbol = readNumberAndSymbol(p.text);
  if (numberAndSymbol) {
    Object.assign(header, numberAndSymbol);
    return true;
  }
  const placeAndDate = readPlaceAndDate(p.text);
  if (placeAndDate) {
    header.place = placeAndDate.place;
    header.date = placeAndDate.date;
    return true;
  }
  if (isAgencyLine(p.text) && !readHeadingNumber(p.text)) {
    if (header.governingBody === null) header.governingBody = p.text;
    else if (header.issuingBody === null) header.issuingBody = p.text;
    else return false;
    return true;
  }
  return false;
}

function headingOf(p: Paragraph, inPlan: boolean): HeadingNumber | null {
  if (p.marker !== '') return null;
  const styled = p.headingDepth > 0 || p.bold;
  const number = readHeadingNumber(p.text);
  if (number) {
    if (styled) return p.text.length <= 300 ? number : null;
    if (inPlan && number.kind !== 'part' && number.kind !== 'roman') return null;
    return looksLikePlainHeading(number, p.text) ? number : null;
  }
  // An unnumbered heading: a Markdown/DOCX heading, or a short bold line that is not a sentence.
  if (p.headingDepth > 0 || (p.bold && p.text.length <= 150 && !/[.;]$/.test(p.text))) {
    return { kind: 'none', number: '', key: '', rank: isUpperCase(p.text) ? RANK.roman : RANK.none, title: p.text };
  }
  return null;
}

function sectionKey(heading: HeadingNumber, parent: OpenSection | undefined, paragraph: number): string {
  if (heading.kind === 'none') return `s${paragraph}`;
  // "6.1" under "6" is "i.6.1", as the template numbers it.
  if (heading.kind === 'decimal' && parent) {
    const parts = heading.key.split('.');
    if (parts.slice(0, -1).join('.') === parent.section.number) return parts[parts.length - 1] ?? heading.key;
  }
  return heading.key;
}

function nextOf(period: string | null): string | null {
  if (!period) return null;
  const parsed = tryParsePeriod(period);
  return parsed.ok ? followingPeriod(parsed.period) : null;
}

/** "GIÁM ĐỐC", maybe "(Đã ký)", then a name: the signature block with no recipients before it. */
function startsSignature(paragraphs: readonly Paragraph[], at: number): boolean {
  const p = paragraphs[at];
  if (!p || p.marker !== '' || p.headingDepth > 0 || readHeadingNumber(p.text) || !isSignerTitle(p.text)) return false;
  const next = paragraphs.slice(at + 1, at + 4).find((q) => !isSignatureNote(q.text));
  return next !== undefined && isPersonName(next.text);
}

function cleanRecipient(text: string): string {
  return text.trim().replace(/[;,.]+$/, '').trim();
}

function toSigner(s: { authority: string | null; title: string | null; name: string | null }): Signer | null {
  if (s.title === null && s.name === null && s.authority === null) return null;
  return { authority: s.authority, title: s.title ?? '', name: s.name ?? '' };
}
