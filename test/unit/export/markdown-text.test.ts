/**
 * The Markdown escaper against real renderers. Each case is rendered by marked and by markdown-it (raw HTML on
 * and off) and parsed as a browser parses HTML: the value must come back exactly, inside code, in a table whose
 * rows keep their shape, with no element, link or emphasis made from it.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cap } from '../../../src/explain';
import { mdBlock, mdCell, mdCode, mdProse } from '../../../src/export/markdown-text';
import { showInvisible } from '../../../src/http';
import { inspect, render, RENDERERS } from '../../support/markdown-render';

const TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td', 'code']);

function cellRoundTrip(value: string): void {
  const md = `| a | b |\n| --- | --- |\n| ${mdCell(value)} | end |\n`;
  for (const renderer of RENDERERS) {
    const r = inspect(render(md, renderer));
    const where = `${renderer}: ${JSON.stringify(md)}`;
    expect(r.rows, where).toHaveLength(2);
    expect(r.rows[1]?.map((c) => c.text), where).toEqual([showInvisible(value), 'end']);
    expect(r.rows[1]?.[0]?.tags.every((t) => t === 'code'), where).toBe(true);
    expect(r.tags.filter((t) => !TABLE_TAGS.has(t)), where).toEqual([]);
  }
}

// Inputs drawn from where the renderers differ: escapes before pipes, links without a scheme, emphasis runs,
// backtick runs, spaces CommonMark strips, and HTML.
const HOSTILE: readonly string[] = [
  'a\\|<img src=x onerror=alert(1)>',
  'a\\\\|b',
  '\\|',
  '|',
  '||',
  'a|b|c',
  'trailing backslash\\',
  '\\',
  '`',
  '``',
  'a`b``c```d',
  '`|`',
  ' spaced ',
  '  ',
  ' ',
  '//evil.example/x',
  'http://evil.example/',
  'www.evil.example',
  'mail@evil.example',
  '<script>alert(1)</script>',
  '<!-- comment -->',
  '<details open>',
  '*bold* _em_ __strong__ ~~del~~',
  'X-__ZQ__-',
  '[link](javascript:alert(1))',
  '![img](http://x/y.png)',
  '&lt;img&gt; &amp;',
  '# not a heading',
  '> not a quote',
  '\u202eevil\u2066',
  'tab\there',
  'é 漢字 😀',
];

describe('mdCell: the exact value in one cell, whatever it holds', () => {
  test.each(HOSTILE.map((v) => [v]))('%j', (value) => cellRoundTrip(value));

  test('an empty value is an empty cell', () => cellRoundTrip(''));

  const piece = fc.constantFrom(...HOSTILE, '\\', '|', '`', '*', '_', '<', '>', '&', '[', ']', '(', ')', '!', ':', '/', ' ', 'a', '\u0000', '\u001b');
  test('property: any string of hostile pieces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (value) => cellRoundTrip(value)),
      { numRuns: 300, seed: 9 },
    );
  });

  test('property: any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (value) => cellRoundTrip(value.replace(/[\r\n]/g, ''))),
      { numRuns: 300, seed: 10 },
    );
  });
});

describe('mdCode: captured text inline in prose stays code', () => {
  test.each(HOSTILE.filter((v) => v.trim() !== '').map((v) => [v]))('%j', (value) => {
    const md = `before ${mdCode(value)} after\n`;
    for (const renderer of RENDERERS) {
      const r = inspect(render(md, renderer));
      expect(r.tags, renderer).toEqual(['p', 'code']);
      expect(r.outsideCode, renderer).toBe('before  after\n');
    }
  });
});

describe('mdBlock: a fence no backtick run inside can close', () => {
  test.each([['```\nnot the end\n```'], ['````'], ['a\n``` x\nb'], ['<script>x</script>\n[a](b)']])('%j', (text) => {
    for (const renderer of RENDERERS) {
      const r = inspect(render(`${mdBlock(text, 'text')}\n\nafter\n`, renderer));
      expect(r.tags.slice(0, 2), renderer).toEqual(['pre', 'code']);
      expect(r.outsideCode.trim(), renderer).toBe('after');
    }
  });
});

describe('mdProse: the project\'s words as prose, the captured values in code', () => {
  test('in a paragraph and in a cell', () => {
    const sentence = `Access-Control-Allow-Origin is ${cap("'//evil.example/x'")}, but the origin is ${cap('a\\|<b>*x*</b>')}.`;
    for (const renderer of RENDERERS) {
      const p = inspect(render(`${mdProse(sentence)}\n`, renderer));
      expect(p.outsideCode, renderer).toBe('Access-Control-Allow-Origin is , but the origin is .\n');
      expect(p.tags, renderer).toEqual(['p', 'code', 'code']);
      const t = inspect(render(`| a |\n| --- |\n| ${mdProse(sentence, 'cell')} |\n`, renderer));
      expect(t.rows[1]?.map((c) => c.text), renderer).toEqual(["Access-Control-Allow-Origin is '//evil.example/x', but the origin is a\\|<b>*x*</b>."]);
    }
  });
});
