// Firefox's CORS console messages, read from the installed Firefox: the `CORS*` strings of
// security.properties inside omni.ja (a plain zip), and a matcher from a console line back to its key and
// arguments. Firefox logs "Cross-Origin Request Blocked: ... at URL. (Reason: ...)" with no key attached
// (WebDriver BiDi's log.entryAdded gives the text only); the key is found by matching the text against every
// template.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Where the en-US security.properties sits inside omni.ja (ESR 153; mozilla-central keeps it in
 * dom/locales/en-US/chrome/security/, packaged under the `global` locale). */
export const SECURITY_PROPERTIES = 'chrome/en-US/locale/en-US/global/security/security.properties';

/**
 * One file out of a zip, with node:zlib (stored or deflated entries); `unzip -p` if that fails.
 * @param {string} zipFile @param {string} name @returns {string}
 */
export function readZipEntry(zipFile, name) {
  try {
    const buf = fs.readFileSync(zipFile);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
    if (eocd < 0) throw new Error('no end of central directory');
    const count = buf.readUInt16LE(eocd + 10);
    let off = buf.readUInt32LE(eocd + 16);
    for (let n = 0; n < count; n++) {
      if (buf.readUInt32LE(off) !== 0x02014b50) throw new Error('bad central directory entry');
      const method = buf.readUInt16LE(off + 10);
      const csize = buf.readUInt32LE(off + 20);
      const nameLen = buf.readUInt16LE(off + 28);
      const extraLen = buf.readUInt16LE(off + 30);
      const commentLen = buf.readUInt16LE(off + 32);
      const local = buf.readUInt32LE(off + 42);
      const entry = buf.toString('utf8', off + 46, off + 46 + nameLen);
      if (entry === name) {
        const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(dataAt, dataAt + csize);
        return (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
      }
      off += 46 + nameLen + extraLen + commentLen;
    }
    throw new Error(`${name} not in ${zipFile}`);
  } catch (e) {
    try { return execFileSync('unzip', ['-p', zipFile, name], { encoding: 'utf8' }); } catch { throw e; }
  }
}

/** Java-style .properties (the subset Mozilla uses): `key=value`, # comments, \uXXXX escapes. @param {string} text */
export function parseProperties(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const i = line.indexOf('=');
    if (i < 0) continue;
    out[line.slice(0, i).trim()] = line.slice(i + 1).trim().replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
  }
  return out;
}

/** The omni.ja next to a Firefox executable (symlinks followed), or Debian's. @param {string} executable */
export function findOmniJa(executable) {
  const dirs = [path.dirname(fs.realpathSync(executable)), '/usr/lib/firefox-esr', '/usr/lib/firefox'];
  for (const d of dirs) { const f = path.join(d, 'omni.ja'); if (fs.existsSync(f)) return f; }
  return null;
}

/**
 * The CORS strings of the installed Firefox and a matcher for console text.
 * @param {string} omniJa
 */
export function loadCorsMessages(omniJa) {
  const all = parseProperties(readZipEntry(omniJa, SECURITY_PROPERTIES));
  /** @type {Record<string, string>} */
  const messages = Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('CORS')));
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // %1$S is the URL, %2$S the argument (status code, origin, header, token); matched lazily, anchored both ends.
  const matchers = Object.entries(messages).map(([key, tpl]) => {
    const order = [];
    const re = new RegExp(`^${tpl.split(/(%\d\$S)/).map((p) => { const m = /^%(\d)\$S$/.exec(p); if (!m) return esc(p); order.push(Number(m[1])); return '([\\s\\S]*?)'; }).join('')}$`);
    return { key, re, order };
  });
  return {
    messages,
    /** @param {string} text @returns {{key: string, url: string | null, arg: string | null} | null} */
    match(text) {
      const hits = [];
      for (const { key, re, order } of matchers) {
        const m = re.exec(text.trim());
        if (!m) continue;
        /** @type {Record<number, string>} */
        const args = {};
        order.forEach((n, i) => { args[n] = m[i + 1]; });
        hits.push({ key, url: args[1] ?? null, arg: args[2] ?? null });
      }
      if (hits.length > 1) throw new Error(`console text matches ${hits.map((h) => h.key).join(' and ')}: ${text}`);
      return hits[0] ?? null;
    },
  };
}

/**
 * The documentation links Firefox's web console puts next to each CORS message: devtools' errordocs.js (in
 * browser/omni.ja) maps the message's category (the key) to an MDN page.
 * @param {string} browserOmniJa  <firefox dir>/browser/omni.ja
 * @returns {Record<string, string>} key → URL
 */
export function loadCorsDocLinks(browserOmniJa) {
  const src = readZipEntry(browserOmniJa, 'chrome/devtools/modules/devtools/server/actors/errordocs.js');
  const base = /const baseCorsErrorUrl\s*=\s*"([^"]+)"/.exec(src)?.[1];
  const medium = /const corsParams\s*=\s*"\?"\s*\+\s*getMdnLinkParams\("([^"]+)"\)/.exec(src)?.[1];
  const table = /const CorsErrorDocs\s*=\s*\{([\s\S]*?)\};/.exec(src)?.[1];
  if (!base || !table) throw new Error('errordocs.js: no CORS table found');
  // devtools/shared/mdn.mjs: utm_source=devtools, utm_medium=<medium>, utm_campaign=default
  const params = medium ? `?utm_source=devtools&utm_medium=${medium}&utm_campaign=default` : '';
  /** @type {Record<string, string>} */
  const out = {};
  for (const m of table.matchAll(/(\w+):\s*"([^"]+)"/g)) out[m[1]] = base + m[2] + params;
  return out;
}
