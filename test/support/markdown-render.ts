/**
 * Markdown as the places a report is pasted into render it: marked (many web apps) and markdown-it (Discourse
 * and many tools), with raw HTML allowed and not, then parsed as a browser would parse the HTML (parse5). Tests
 * ask the resulting tree what a reader would see: which elements exist, which text sits inside code, and the
 * cells of each table row.
 */
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export type Renderer = 'marked' | 'markdown-it' | 'markdown-it-no-html';

const markdownIt = new MarkdownIt({ html: true, linkify: true });
const markdownItNoHtml = new MarkdownIt({ html: false, linkify: true });
const marked = new Marked({ gfm: true });

export const RENDERERS: readonly Renderer[] = ['marked', 'markdown-it', 'markdown-it-no-html'];

export function render(markdown: string, renderer: Renderer): string {
  if (renderer === 'marked') return marked.parse(markdown, { async: false });
  return (renderer === 'markdown-it' ? markdownIt : markdownItNoHtml).render(markdown);
}

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function children(n: Node): Node[] {
  return 'childNodes' in n ? (n.childNodes as Node[]) : [];
}

export function textOf(n: Node): string {
  if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
  return children(n).map(textOf).join('');
}

function walk(n: Node, visit: (n: Node, ancestors: readonly Element[]) => void, ancestors: Element[] = []): void {
  visit(n, ancestors);
  const next = isElement(n) ? [...ancestors, n] : ancestors;
  for (const c of children(n)) walk(c, visit, next);
}

export interface Rendered {
  /** Every element's tag name, in document order. */
  readonly tags: readonly string[];
  /** Text that is not inside <code> or <pre>, joined. */
  readonly outsideCode: string;
  /** Text outside code but inside <em>, <strong>, <a> or <del>: emphasis or a link, joined. */
  readonly inMarkup: string;
  /** Each table row as its cells: the cell's text, and the tags inside it. */
  readonly rows: readonly (readonly { readonly text: string; readonly tags: readonly string[] }[])[];
  /** How many cells each row of each table has, table by table. */
  readonly tableShapes: readonly (readonly number[])[];
}

const MARKUP = new Set(['em', 'strong', 'a', 'del', 's']);

export function inspect(html: string): Rendered {
  const root = parseFragment(html) as unknown as Node;
  const tags: string[] = [];
  let outsideCode = '';
  let inMarkup = '';
  const rows: { text: string; tags: string[] }[][] = [];
  const tableShapes: number[][] = [];
  walk(root, (n, ancestors) => {
    if (isElement(n)) {
      tags.push(n.tagName);
      if (n.tagName === 'table') tableShapes.push([]);
      if (n.tagName === 'tr') {
        rows.push(
          children(n)
            .filter(isElement)
            .filter((c) => c.tagName === 'td' || c.tagName === 'th')
            .map((c) => {
              const inner: string[] = [];
              walk(c, (d) => {
                if (isElement(d) && d !== c) inner.push(d.tagName);
              });
              return { text: textOf(c), tags: inner };
            }),
        );
        tableShapes[tableShapes.length - 1]?.push(rows[rows.length - 1]?.length ?? 0);
      }
      return;
    }
    if (n.nodeName !== '#text') return;
    const text = (n as DefaultTreeAdapterMap['textNode']).value;
    if (ancestors.some((a) => a.tagName === 'code' || a.tagName === 'pre')) return;
    outsideCode += text;
    if (ancestors.some((a) => MARKUP.has(a.tagName))) inMarkup += text;
  });
  return { tags, outsideCode, inMarkup, rows, tableShapes };
}
