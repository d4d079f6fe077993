// A small XML tree reader for the parts of a .docx (WordprocessingML is regular, namespaced, entity-light XML).

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gu;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/gu, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const code = e.startsWith('#x') ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Parses XML into a tree; throws on mismatched tags (a corrupt part). */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const m of xml.matchAll(TOKEN)) {
    const top = stack[stack.length - 1] as XmlElement;
    if (m[6] !== undefined) {
      top.children.push(decodeEntities(m[6]));
    } else if (m[1] !== undefined) {
      top.children.push(m[1]);
    } else if (m[3] !== undefined) {
      const name = m[3];
      if (m[2] === '/') {
        if (top.name !== name) throw new Error(`XML: </${name}> closes <${top.name}>`);
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(ATTR)) attrs[a[1] as string] = decodeEntities(a[2] ?? a[3] ?? '');
      const el: XmlElement = { name, attrs, children: [] };
      top.children.push(el);
      if (m[5] !== '/') stack.push(el);
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${(stack[stack.length - 1] as XmlElement).name}> is not closed`);
  return root;
}

export const elements = (node: XmlElement, name?: string): XmlElement[] =>
  node.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));

export const child = (node: XmlElement | undefined, name: string): XmlElement | undefined => (node ? elements(node, name)[0] : undefined);

/** The first descendant along a path of element names: `path(p, 'w:pPr', 'w:pStyle')`. */
export function path(node: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let at = node;
  for (const n of names) at = child(at, n);
  return at;
}

export function* descendants(node: XmlElement, name: string): Generator<XmlElement> {
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) yield c;
    else yield* descendants(c, name);
  }
}
