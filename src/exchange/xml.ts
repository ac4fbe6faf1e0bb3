// A small, non-validating XML reader and the escaping the writers need. Enough for ADX
// and files like it: the XML declaration, comments, processing instructions, CDATA,
// attributes quoted with ' or ", the five named entities and character references.
// DOCTYPE (and so ENTITY) declarations are refused: they are how "billion laughs" and
// external-entity attacks get in, and no data file needs them.

export interface XmlElement {
  /** As written, with any prefix (`adx:group`). */
  readonly name: string;
  /** Without the prefix (`group`): ADX files may or may not use one. */
  readonly localName: string;
  /** Attributes in document order, values decoded. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Text directly inside the element (all text nodes joined), decoded. */
  readonly text: string;
  /** 1-based line of the start tag, for messages. */
  readonly line: number;
}

export type XmlParseResult =
  | { readonly ok: true; readonly root: XmlElement }
  | { readonly ok: false; readonly line: number; readonly column: number; readonly message: string };

interface MutableElement {
  name: string;
  localName: string;
  attributes: Map<string, string>;
  children: MutableElement[];
  text: string;
  line: number;
}

class XmlSyntaxError extends Error {
  constructor(readonly position: number, message: string) {
    super(message);
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const SPACE = /[ \t\r\n]*/y;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Parses a whole document; the messages are Vietnamese and name the line and column. */
export function parseXml(source: string): XmlParseResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  try {
    return { ok: true, root: new Reader(text).document() };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    const before = text.slice(0, error.position);
    const line = before.split('\n').length;
    const column = error.position - before.lastIndexOf('\n');
    return { ok: false, line, column, message: `${error.message} (dòng ${line}, cột ${column})` };
  }
}

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  document(): XmlElement {
    let root: MutableElement | undefined;
    for (;;) {
      this.skipSpace();
      if (this.at >= this.text.length) break;
      if (this.startsWith('<?')) this.skipPast('?>', 'Chỉ dẫn xử lý (<?…?>) chưa đóng');
      else if (this.startsWith('<!--')) this.skipPast('-->', 'Chú thích (<!--…-->) chưa đóng');
      else if (this.startsWith('<!')) this.fail('Tệp có khai báo DOCTYPE/ENTITY; vì an toàn, không nhận khai báo này');
      else if (this.startsWith('<')) {
        if (root) this.fail('Tệp XML chỉ được có một phần tử gốc');
        root = this.element();
      } else this.fail('Có nội dung ngoài phần tử gốc');
    }
    if (!root) this.fail('Tệp XML không có phần tử nào');
    return root;
  }

  private element(): MutableElement {
    const line = this.text.slice(0, this.at).split('\n').length;
    this.at++; // '<'
    const name = this.name('Thiếu tên thẻ sau "<"');
    const element: MutableElement = { name, localName: name.slice(name.indexOf(':') + 1), attributes: new Map(), children: [], text: '', line };
    for (;;) {
      const spaced = this.skipSpace();
      if (this.startsWith('/>')) {
        this.at += 2;
        return element;
      }
      if (this.startsWith('>')) {
        this.at++;
        break;
      }
      if (!spaced) this.fail(`Thẻ <${name}> sai cú pháp`);
      const attribute = this.name(`Thẻ <${name}> có thuộc tính sai cú pháp`);
      this.skipSpace();
      if (this.text[this.at] !== '=') this.fail(`Thuộc tính "${attribute}" thiếu dấu "="`);
      this.at++;
      this.skipSpace();
      const quote = this.text[this.at];
      if (quote !== '"' && quote !== "'") this.fail(`Giá trị của thuộc tính "${attribute}" phải nằm trong dấu nháy`);
      const end = this.text.indexOf(quote, this.at + 1);
      if (end < 0) this.fail(`Giá trị của thuộc tính "${attribute}" chưa đóng dấu nháy`);
      const raw = this.text.slice(this.at + 1, end);
      if (raw.includes('<')) this.fail(`Giá trị của thuộc tính "${attribute}" chứa ký tự "<"`);
      if (element.attributes.has(attribute)) this.fail(`Thuộc tính "${attribute}" bị lặp lại`);
      element.attributes.set(attribute, this.decode(raw, this.at + 1));
      this.at = end + 1;
    }
    // Content: text, children, comments, CDATA, up to the matching end tag.
    for (;;) {
      if (this.at >= this.text.length) this.fail(`Thẻ <${name}> chưa đóng`);
      if (this.startsWith('</')) {
        this.at += 2;
        const closing = this.name('Thẻ đóng thiếu tên');
        if (closing !== name) this.fail(`Thẻ đóng </${closing}> không khớp với <${name}>`);
        this.skipSpace();
        if (this.text[this.at] !== '>') this.fail(`Thẻ đóng </${closing}> sai cú pháp`);
        this.at++;
        return element;
      }
      if (this.startsWith('<!--')) this.skipPast('-->', 'Chú thích (<!--…-->) chưa đóng');
      else if (this.startsWith('<![CDATA[')) {
        const end = this.text.indexOf(']]>', this.at);
        if (end < 0) this.fail('Khối CDATA chưa đóng');
        element.text += this.text.slice(this.at + 9, end);
        this.at = end + 3;
      } else if (this.startsWith('<?')) this.skipPast('?>', 'Chỉ dẫn xử lý (<?…?>) chưa đóng');
      else if (this.startsWith('<!')) this.fail('Khai báo DOCTYPE/ENTITY không được phép');
      else if (this.startsWith('<')) element.children.push(this.element());
      else {
        const next = this.text.indexOf('<', this.at);
        const end = next < 0 ? this.text.length : next;
        element.text += this.decode(this.text.slice(this.at, end), this.at);
        this.at = end;
      }
    }
  }

  private decode(raw: string, position: number): string {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&\s]*);?/g, (whole, body: string, offset: number) => {
      const here = position + offset;
      if (!whole.endsWith(';')) this.failAt(here, `Ký tự "&" phải viết là "&amp;"`);
      const named = NAMED_ENTITIES[body];
      if (named !== undefined) return named;
      const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
      if (numeric) {
        const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
        if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
      }
      return this.failAt(here, `Thực thể "&${body};" không được hỗ trợ`);
    });
  }

  private name(problem: string): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.text);
    if (!match) this.fail(problem);
    this.at += match[0].length;
    return match[0];
  }

  /** Skips whitespace; true when there was some. */
  private skipSpace(): boolean {
    SPACE.lastIndex = this.at;
    const length = SPACE.exec(this.text)?.[0].length ?? 0;
    this.at += length;
    return length > 0;
  }

  private skipPast(end: string, problem: string): void {
    const found = this.text.indexOf(end, this.at);
    if (found < 0) this.fail(problem);
    this.at = found + end.length;
  }

  private startsWith(prefix: string): boolean {
    return this.text.startsWith(prefix, this.at);
  }

  private fail(message: string): never {
    return this.failAt(this.at, message);
  }

  private failAt(position: number, message: string): never {
    throw new XmlSyntaxError(position, message);
  }
}

/** Escapes text for an attribute value in double quotes, or for element content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r\n\t]/g, (c) => XML_ESCAPES[c] ?? c);
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
  // In attributes, raw line breaks and tabs would be normalised to spaces on reading.
  '\r': '&#13;', '\n': '&#10;', '\t': '&#9;',
};
