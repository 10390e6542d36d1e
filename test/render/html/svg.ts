/**
 * A minimal XML reader for the charts' SVG: enough to check that tags are balanced and to find elements by
 * name and class with their attributes and text. Independent of the code under test (it shares nothing
 * with src/render/html/charts).
 */
export interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
  parent: Element | null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const decode = (s: string): string => s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ENTITIES[e] as string);

export function parseXml(xml: string): Element {
  const root: Element = { name: '#root', attrs: {}, children: [], text: '', parent: null };
  let current = root;
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (const m of xml.matchAll(tag)) {
    if (m.index !== consumed) throw new Error(`not well-formed at ${consumed}: ${xml.slice(consumed, consumed + 40)}`);
    consumed = m.index + m[0].length;
    if (m[5] !== undefined) {
      current.text += decode(m[5]);
      continue;
    }
    const [, closing, name, attrText, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      if (current.name !== name) throw new Error(`</${name}> closes <${current.name}>`);
      current = current.parent as Element;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of attrText.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1] as string] = decode(a[2] as string);
    const element: Element = { name, attrs, children: [], text: '', parent: current };
    current.children.push(element);
    if (!selfClosing) current = element;
  }
  if (consumed !== xml.length) throw new Error('trailing text');
  if (current !== root) throw new Error(`<${current.name}> is never closed`);
  return root;
}

export function all(element: Element, name: string, className?: string): Element[] {
  const out: Element[] = [];
  const visit = (e: Element): void => {
    if (e.name === name && (className === undefined || (e.attrs['class'] ?? '').split(' ').includes(className))) out.push(e);
    e.children.forEach(visit);
  };
  element.children.forEach(visit);
  return out;
}

/** All text inside an element, its children's included. */
export function textOf(element: Element): string {
  return element.text + element.children.map(textOf).join('');
}

export const num = (e: Element, attr: string): number => Number(e.attrs[attr]);
