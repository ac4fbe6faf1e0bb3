// Reads an existing report's paragraphs into a LegacyReport. Every paragraph either
// lands in a field (header, title, summary, preamble, a section heading, an item, a
// table, a plan line, the closing, a recipient, the signer) or is listed as unplaced;
// the coverage figure is the share of non-whitespace characters that landed.
//
// The parse is one pass over the paragraphs and one over each text, with bounded look
// arounds, so its time grows linearly with the size of the report (docs/benchmarks.md).
import { formatPeriod, tryParsePeriod } from '../period.ts';
import type { Signer } from '../report-model.ts';
import { findDocumentReferences } from './document-references.ts';
import type { DocumentReference } from './document-references.ts';
import {
  agencyBodies, DOCUMENT_TYPE_LINE, isAgencyLine, isDecoration, isMotto, isPersonName, isRecipientsLabel, isSignatureNote, isSignerTitle,
  readAuthority, readNumberAndSymbol, readPlaceAndDate,
} from './front-matter.ts';
import type {
  LegacyHeader, LegacyIssuer, LegacyItem, LegacyNumber, LegacyPlanLine, LegacyReport, LegacySection, SourceParagraph, UnplacedFragment,
} from './legacy-report.ts';
import { collectDocuments, textFindings } from './report-findings.ts';
import type { ScannedText } from './report-findings.ts';
import { findPeriodPhrases, followingPeriod, reportPeriodOf } from './period-phrase.ts';
import { isPlanTitle, isUpperCase, looksLikePlainHeading, RANK, readHeadingNumber } from './section-heading.ts';
import type { HeadingNumber } from './section-heading.ts';
import { findStatedNumbers } from './stated-numbers.ts';

type Table = readonly (readonly string[])[];

interface Paragraph {
  /** Position in the normalised list (a layout table gives several). */
  readonly id: number;
  /** Index of the source paragraph, as users count it (from 0). */
  readonly index: number;
  readonly text: string;
  readonly marker: string;
  readonly headingDepth: number;
  readonly bold: boolean;
  readonly table: Table | null;
}

interface OpenSection {
  readonly section: LegacySection;
  readonly rank: number;
  readonly isPlan: boolean;
  /** Number as shown in messages: "I.4.b". */
  readonly shown: string;
}

/** The item, plan line or preamble entry a broken line continues. */
interface Continuable {
  text: string;
}

type MutableItem = { -readonly [K in keyof LegacyItem]: LegacyItem[K] };
type MutableHeader = { -readonly [K in keyof LegacyHeader]: LegacyHeader[K] };

const NUMBERED_LINE = /^(\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|\d{1,2}\.\d{1,2})\s+(?=\S)/u;

export function parseLegacyReport(source: readonly SourceParagraph[]): LegacyReport {
  const paragraphs = normalise(source);
  const placed = new Set<number>();
  const ignored = new Set<number>();
  const header: MutableHeader = { governingBody: null, issuingBody: null, numberAndSymbol: null, number: null, symbol: null, place: null, date: null };
  const agencyLines: string[] = [];
  let title: string | null = null;
  let summary: string | null = null;

  // 1. Front matter: header lines up to the document type line; without one, up to the first body paragraph.
  let cursor = 0;
  const titleAt = paragraphs.findIndex((p, i) => i < 60 && p.table === null && DOCUMENT_TYPE_LINE.test(p.text.toUpperCase()) && isUpperCase(p.text));
  for (; cursor < paragraphs.length; cursor += 1) {
    const p = paragraphs[cursor];
    if (!p) break;
    if (titleAt >= 0 && cursor === titleAt) {
      title = p.text;
      placed.add(p.id);
      cursor += 1;
      break;
    }
    if (isDecoration(p.text) && p.table === null) {
      ignored.add(p.id);
      continue;
    }
    if (p.table === null && /^V\/v\b/iu.test(p.text) && summary === null) {
      summary = p.text.replace(/^V\/v\s*:?\s*/iu, '');
      placed.add(p.id);
      continue;
    }
    if (p.table === null && readFrontLine(p, header, agencyLines)) {
      placed.add(p.id);
      continue;
    }
    if (titleAt >= 0) continue; // left unplaced: text before the title that is not a header field
    break;
  }
  Object.assign(header, agencyBodies(agencyLines));

  // 2. The summary (trích yếu) right after the title; without a title, an opening "Báo cáo …" line.
  const first = paragraphs[cursor];
  // After the title the trích yếu may be styled like a heading; it is never numbered.
  if (first && first.table === null && first.marker === '' && !readHeadingNumber(first.text) && first.text.length <= 500
    && (title !== null || (/^báo cáo\b/iu.test(first.text) && !isUpperCase(first.text)))) {
    let text = first.text.replace(/^V\/v\s*:?\s*/iu, '');
    placed.add(first.id);
    cursor += 1;
    // A summary printed on two lines ("Kết quả … tháng 11" / "và phương hướng …").
    for (let next = paragraphs[cursor]; next && next.table === null && next.marker === '' && /^\p{Ll}/u.test(next.text) && text.length + next.text.length <= 600; next = paragraphs[cursor]) {
      text = `${text} ${next.text}`;
      placed.add(next.id);
      cursor += 1;
    }
    summary = summary === null ? text : `${summary} ${text}`;
  }

  // 3. Body: sections, items, tables and plan lines until the closing, the recipients or the signature.
  const sections: LegacySection[] = [];
  const preambleItems: MutableItem[] = [];
  const plan: { text: string; paragraph: number }[] = [];
  const closing: string[] = [];
  const closingParagraphs: number[] = [];
  const stack: OpenSection[] = [];
  const shownOf = new Map<LegacySection, string>();
  let last: Continuable | null = null;
  let lastPlan: Continuable | null = null;
  let planHeading: string | null = null;
  for (; cursor < paragraphs.length; cursor += 1) {
    const p = paragraphs[cursor];
    if (!p) break;
    if (p.table === null && (/^Trên đây là/iu.test(p.text) || (/\.\/\.$/u.test(p.text) && !headingOf(p, false, false)))) {
      closing.push(p.text);
      closingParagraphs.push(p.index);
      placed.add(p.id);
      cursor += 1;
      // What follows the closing sentence before the recipients ("Kính đề nghị …") belongs to it.
      for (let next = paragraphs[cursor]; next && next.table === null && !endsBody(paragraphs, cursor) && !isDecoration(next.text); next = paragraphs[cursor]) {
        closing.push(next.text);
        closingParagraphs.push(next.index);
        placed.add(next.id);
        cursor += 1;
      }
      break;
    }
    if (endsBody(paragraphs, cursor)) break;
    const top = stack[stack.length - 1];
    const inPlan = stack.some((s) => s.isPlan);
    const inNumberedPart = stack.some((s) => s.section.numbering === 'roman' || s.section.numbering === 'part');
    const heading = p.table === null ? headingOf(p, inPlan, inNumberedPart) : null;
    if (heading) {
      while (stack.length > 0 && (stack[stack.length - 1]?.rank ?? -1) >= heading.rank) stack.pop();
      const parent = stack[stack.length - 1];
      const key = sectionKey(heading, parent, p.index);
      const isPlan = parent?.isPlan ? false : isPlanTitle(heading.title);
      const section: LegacySection = {
        id: parent ? `${parent.section.id}.${key}` : key,
        number: heading.number,
        numbering: heading.kind,
        title: heading.title,
        level: stack.length + 1,
        paragraph: p.index,
        isPlan: isPlan || (parent?.isPlan ?? false),
        items: [],
        sections: [],
      };
      (parent ? parent.section.sections : sections).push(section);
      // How messages name it: "I.4.b", "1.1", or an unnumbered heading's title in quotes.
      const shown = heading.kind === 'none' ? parent?.shown || `"${heading.title.length > 40 ? `${heading.title.slice(0, 40)}…` : heading.title}"`
        : heading.kind === 'decimal' || !parent?.shown || parent.shown.startsWith('"') ? heading.number : `${parent.shown}.${heading.number}`;
      shownOf.set(section, shown);
      if (isPlan && planHeading === null) planHeading = heading.title;
      stack.push({ section, rank: heading.rank, isPlan: section.isPlan, shown });
      placed.add(p.id);
      last = null;
      lastPlan = null;
      continue;
    }
    if (p.table === null && isDecoration(p.text)) {
      ignored.add(p.id);
      continue;
    }
    placed.add(p.id);
    // A line broken in two ("… chủ trương, đường" / "lời của Đảng …") continues the previous one.
    if (last && p.table === null && p.marker === '' && /^\p{Ll}/u.test(p.text) && !/[.;:!?]$/u.test(last.text)) {
      last.text = `${last.text} ${p.text}`;
      if (lastPlan) lastPlan.text = `${lastPlan.text} ${p.text}`;
      continue;
    }
    const item = toItem(p);
    if (!top) {
      preambleItems.push(item);
      last = item;
      lastPlan = null;
      continue;
    }
    top.section.items.push(item);
    last = item;
    lastPlan = null;
    // In the plan, every line is a plan line but a lead-in that ends with ":" ("… như sau:").
    if (inPlan && item.table === undefined && !(item.marker === '' && /:$/u.test(item.text))) {
      const line = { text: item.text, paragraph: item.paragraph };
      plan.push(line);
      lastPlan = line;
    }
  }

  // 4. After the body: recipients and the signature block, in either order.
  const recipients: string[] = [];
  const signer: { authority: string | null; title: string | null; name: string | null } = { authority: null, title: null, name: null };
  let inRecipients = false;
  for (; cursor < paragraphs.length; cursor += 1) {
    const p = paragraphs[cursor];
    if (!p) break;
    if (isDecoration(p.text) || p.table !== null) {
      if (p.table !== null) continue;
      ignored.add(p.id);
      continue;
    }
    if (isRecipientsLabel(p.text)) {
      inRecipients = true;
      placed.add(p.id);
      const rest = p.text.replace(/^Nơi\s+nhận\s*:?\s*/iu, '').trim();
      if (rest) recipients.push(cleanRecipient(rest));
      continue;
    }
    const authority = readAuthority(p.text);
    if (authority && signer.title === null && signer.name === null) {
      // "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH": both lines are the authority.
      signer.authority = signer.authority === null ? authority : `${signer.authority}\n${authority}`;
      inRecipients = false;
      placed.add(p.id);
      continue;
    }
    if (inRecipients && (p.marker !== '' || !isUpperCase(p.text))) {
      recipients.push(cleanRecipient(p.text.replace(/^[-+•]\s*/u, '')));
      placed.add(p.id);
      continue;
    }
    if (isSignatureNote(p.text)) {
      placed.add(p.id);
      continue;
    }
    if (signer.name === null && (signer.title !== null || signer.authority !== null) && isPersonName(p.text)) {
      signer.name = p.text.trim();
      placed.add(p.id);
      inRecipients = false;
      continue;
    }
    if (signer.title === null && signer.name === null && isSignerTitle(p.text)) {
      signer.title = p.text.trim();
      inRecipients = false;
      placed.add(p.id);
      continue;
    }
    inRecipients = false;
  }

  // 5. The period, and what the text cites, states and gets wrong.
  const fallbackYear = header.date ? Number(header.date.slice(0, 4)) : null;
  const bodyOpening = [...preambleItems.map((i) => i.text), ...firstItems(sections, 3)].filter((t) => t !== '').slice(0, 5);
  const reportPeriod = reportPeriodOf({ summary, title, closing: closing[0] ?? null, body: bodyOpening, planHeading, fallbackYear });
  const period = reportPeriod?.code ?? null;
  const planPeriod = planFor(planHeading, period, fallbackYear);

  const texts: ScannedText[] = [];
  const scan = (text: string, paragraph: number, section: string, sectionNumber: string, marker: string, kind: ScannedText['kind'], table?: Table): void => {
    texts.push(scanText(text, paragraph, section, sectionNumber, marker, kind, table));
  };
  for (const item of preambleItems) scan(item.text, item.paragraph, '', '', item.marker, 'item', item.table);
  const visit = (list: readonly LegacySection[]): void => {
    for (const s of list) {
      const shown = shownOf.get(s) ?? '';
      scan(s.title, s.paragraph, s.id, shown, '', 'heading');
      for (const item of s.items) scan(item.text, item.paragraph, s.id, shown, item.marker, s.isPlan ? 'plan' : 'item', item.table);
      visit(s.sections);
    }
  };
  visit(sections);
  closing.forEach((text, i) => scan(text, closingParagraphs[i] ?? -1, '', '', '', 'closing'));

  const documents = collectDocuments(texts);
  const numbers: LegacyNumber[] = texts.flatMap((t) => t.kind === 'heading' ? [] : t.numbers.map((n) => ({
    value: n.value, text: n.text, isPercent: n.isPercent, before: n.before, after: n.after, section: t.section, paragraph: t.paragraph, offset: n.offset,
  })));
  const findings = textFindings(texts, documents, period ?? '');

  // 6. Coverage: every paragraph placed or listed; rules and underlines count for neither.
  let total = 0;
  let landed = 0;
  const unplaced: UnplacedFragment[] = [];
  for (const p of paragraphs) {
    if (ignored.has(p.id)) continue;
    const size = p.text.replace(/\s+/g, '').length;
    total += size;
    if (placed.has(p.id)) landed += size;
    else unplaced.push({ paragraph: p.index, text: p.text });
  }

  return {
    header,
    title,
    summary,
    period,
    periodSource: reportPeriod?.source ?? null,
    periodCumulative: reportPeriod?.cumulative ?? false,
    issuer: issuerOf(header, signer.authority, closing, preambleItems),
    preamble: preambleItems.map((p) => p.text),
    preambleItems,
    sections,
    plan: plan.map((l, i): LegacyPlanLine => ({ order: i + 1, text: l.text, forPeriod: planPeriod, paragraph: l.paragraph })),
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

function scanText(text: string, paragraph: number, section: string, sectionNumber: string, marker: string, kind: ScannedText['kind'], table?: Table): ScannedText {
  if (table) {
    // Each cell on its own; a figure's words are its row's label and its column's heading.
    const references: DocumentReference[] = [];
    const numbers: ScannedText['numbers'][number][] = [];
    const head = table[0] ?? [];
    table.forEach((row, r) => {
      row.forEach((cell, c) => {
        const refs = findDocumentReferences(cell);
        references.push(...refs);
        if (r === 0 || c === 0) return;
        const label = `${row[0] ?? ''} ${head[c] ?? ''}`.trim();
        for (const n of findStatedNumbers(cell, refs)) numbers.push({ ...n, before: label, after: `${cell.slice(n.offset + n.text.length).trim()} ${row.slice(c + 1).join(' ')}`.trim() });
      });
    });
    return { text, paragraph, section, sectionNumber, marker, kind, references, numbers };
  }
  const references = findDocumentReferences(text);
  return { text, paragraph, section, sectionNumber, marker, kind, references, numbers: findStatedNumbers(text, references) };
}

function toItem(p: Paragraph): MutableItem {
  if (p.table) return { paragraph: p.index, marker: 'table', text: p.text, table: p.table };
  if (p.marker === '') {
    const numbered = NUMBERED_LINE.exec(p.text);
    if (numbered) return { paragraph: p.index, marker: numbered[1] ?? '', text: p.text.slice(numbered[0].length) };
  }
  return { paragraph: p.index, marker: p.marker, text: p.text };
}

function firstItems(sections: readonly LegacySection[], count: number): string[] {
  const out: string[] = [];
  const visit = (list: readonly LegacySection[]): void => {
    for (const s of list) {
      if (out.length >= count || s.isPlan) return;
      for (const item of s.items) if (out.length < count && item.table === undefined) out.push(item.text);
      visit(s.sections);
    }
  };
  visit(sections);
  return out;
}

/** The period the plan is for: as its heading states it, else the one after the report's. */
function planFor(planHeading: string | null, period: string | null, fallbackYear: number | null): string | null {
  const year = fallbackYear ?? (period ? Number(period.slice(0, 4)) : null);
  const stated = planHeading ? findPeriodPhrases(planHeading, year)[0] : undefined;
  if (stated) return formatPeriod(stated.period);
  if (!period) return null;
  const parsed = tryParsePeriod(period);
  return parsed.ok ? followingPeriod(parsed.period) : null;
}

function normalise(source: readonly SourceParagraph[]): Paragraph[] {
  const raw: (Paragraph & { layout?: boolean })[] = [];
  let id = 0;
  source.forEach((p, index) => {
    if (p.table && p.table.length > 0) {
      const rows = p.table.map((row) => row.map((cell) => cell.replace(/[\u00a0\t]/g, ' ').replace(/[ ]+/g, ' ').trim()));
      const text = rows.map((row) => row.join(' | ')).join('\n');
      if (text.replace(/[|\s]/g, '') === '') return;
      raw.push({ id: id++, index, text, marker: '', headingDepth: 0, bold: false, table: rows });
      return;
    }
    const one = normaliseText(p, index, id);
    if (one) {
      raw.push(one);
      id += 1;
    }
  });
  // Tables before the title and tables holding header or signature lines are layout: read their cells as lines, column by column.
  const titleAt = raw.findIndex((p, i) => i < 60 && p.table === null && DOCUMENT_TYPE_LINE.test(p.text.toUpperCase()) && isUpperCase(p.text));
  const out: Paragraph[] = [];
  let next = 0;
  raw.forEach((p, position) => {
    if (p.table === null) {
      out.push({ ...p, id: next++ });
      return;
    }
    const layout = (titleAt >= 0 && position < titleAt) || (titleAt < 0 && position === 0 && looksLikeLayout(p.table)) || looksLikeLayout(p.table);
    if (!layout) {
      out.push({ ...p, id: next++ });
      return;
    }
    const columns = Math.max(...p.table.map((row) => row.length));
    for (let c = 0; c < columns; c += 1) {
      for (const row of p.table) {
        for (const line of (row[c] ?? '').split('\n')) {
          const cell = normaliseText({ text: line }, p.index, next);
          if (cell) {
            out.push({ ...cell, id: next++ });
          }
        }
      }
    }
  });
  return out;
}

function normaliseText(p: SourceParagraph, index: number, id: number): Paragraph | null {
  let text = (p.text ?? '').replace(/[\u00a0\t]/g, ' ').replace(/\s+/g, ' ').trim();
  let marker = p.marker ?? '';
  if (p.marker === undefined || p.marker === null) {
    const m = /^([-+*•–])\s+(?=\S)/u.exec(text);
    if (m) {
      marker = m[1] === '•' || m[1] === '–' ? '-' : (m[1] ?? '');
      text = text.slice(m[0].length);
    }
  }
  if (text === '') return null;
  return { id, index, text, marker, headingDepth: p.headingDepth ?? 0, bold: p.bold ?? false, table: null };
}

/** A table whose cells hold header or signature lines: the two-column layout of Nghị định 30. */
function looksLikeLayout(table: Table): boolean {
  if (table.length > 8) return false;
  return table.some((row) => row.some((cell) => cell.split('\n').some((line) => {
    const t = line.trim();
    return isMotto(t) || isRecipientsLabel(t) || readAuthority(t) !== null || readNumberAndSymbol(t) !== null || readPlaceAndDate(t) !== null;
  })));
}

function readFrontLine(p: Paragraph, header: MutableHeader, agencyLines: string[]): boolean {
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
  if (isAgencyLine(p.text) && !readHeadingNumber(p.text) && agencyLines.length < 5) {
    agencyLines.push(p.text);
    return true;
  }
  return false;
}

function headingOf(p: Paragraph, inPlan: boolean, inNumberedPart: boolean): HeadingNumber | null {
  const styled = p.headingDepth > 0 || p.bold;
  if (p.marker !== '' && !(p.headingDepth > 0)) return null;
  const number = readHeadingNumber(p.text);
  if (number) {
    if (styled) return p.text.length <= 300 ? number : null;
    if (inPlan && number.kind !== 'part' && number.kind !== 'roman') return null;
    return looksLikePlainHeading(number, p.text) ? number : null;
  }
  // An unnumbered heading: a Markdown/DOCX heading, a short bold line that is not a
  // sentence, or a line in capitals ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ").
  const short = p.text.length <= 150 && !/[.;]$/u.test(p.text);
  const upper = short && isUpperCase(p.text) && p.text.split(/\s+/).length >= 2 && !isMotto(p.text);
  if (p.headingDepth > 0 || (p.bold && short) || upper) {
    // Capitals open a part, unless a numbered part ("I.", "Phần I") is open: then they are its sub-heading.
    const rank = upper ? (inNumberedPart ? RANK.arabic : RANK.roman) : RANK.none;
    return { kind: 'none', number: '', key: '', rank, title: p.text };
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

/** The closing, the recipients or the signature block starts at this paragraph. */
function endsBody(paragraphs: readonly Paragraph[], at: number): boolean {
  const p = paragraphs[at];
  if (!p) return true;
  if (p.table !== null) return false;
  if (isRecipientsLabel(p.text) || readAuthority(p.text)) return true;
  return startsSignature(paragraphs, at);
}

/** "GIÁM ĐỐC", maybe "(Đã ký)", then a name: the signature block with no recipients before it. */
function startsSignature(paragraphs: readonly Paragraph[], at: number): boolean {
  const p = paragraphs[at];
  if (!p || p.table !== null || p.marker !== '' || p.headingDepth > 0 || readHeadingNumber(p.text) || !isSignerTitle(p.text)) return false;
  let k = at + 1;
  while (k < paragraphs.length && k <= at + 4 && isSignatureNote(paragraphs[k]?.text ?? '')) k += 1;
  const next = paragraphs[k];
  if (next === undefined || next.table !== null || !isPersonName(next.text)) return false;
  // After the name: nothing, or the recipients.
  const after = paragraphs[k + 1];
  return after === undefined || isRecipientsLabel(after.text) || isDecoration(after.text);
}

/** Who issued the report: the header's body, else the body the closing or the opening names ("Sở Y tế báo cáo …"). */
function issuerOf(header: LegacyHeader, authority: string | null, closing: readonly string[], preamble: readonly LegacyItem[]): LegacyIssuer | null {
  if (header.issuingBody) return { name: header.issuingBody, parent: header.governingBody, source: 'header' };
  const body = /(?:^|[;,:.]\s*|\bcủa\s+)((?:Sở|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Phòng|Ban|Văn phòng|Trung tâm|Chi cục|Cục|Thanh tra|Bệnh viện|Trường)\s[^;,.:]{2,90}?)(?:\s+(?:kính\s+)?báo cáo|\s*\.\/\.|\s*[;.]\s*$|\s*$)/u;
  for (const text of closing) {
    const m = body.exec(text);
    if (m?.[1]) return { name: m[1].trim(), parent: null, source: 'closing' };
  }
  for (const item of preamble.slice(0, 3)) {
    const m = body.exec(item.text);
    if (m?.[1]) return { name: m[1].trim(), parent: null, source: 'body' };
  }
  // "TM. ỦY BAN NHÂN DÂN HUYỆN …" names the body when the header does not.
  const collective = authority?.split('\n').map((l) => /^TM\.\s+(.*)$/u.exec(l)?.[1]).find((l) => l && /\s(TỈNH|HUYỆN|XÃ|THÀNH PHỐ|THỊ XÃ|QUẬN|PHƯỜNG)\s/u.test(` ${l} `));
  return collective ? { name: collective, parent: null, source: 'signer' } : null;
}

function cleanRecipient(text: string): string {
  return text.trim().replace(/[;,.]+$/, '').trim();
}

function toSigner(s: { authority: string | null; title: string | null; name: string | null }): Signer | null {
  if (s.title === null && s.name === null && s.authority === null) return null;
  return { authority: s.authority, title: s.title ?? '', name: s.name ?? '' };
}
