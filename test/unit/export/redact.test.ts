/**
 * Redaction, on by default in every export: by header name in any case, by shape anywhere, and every secret
 * found removed wherever else it appears (URL, Referer, body, percent-encoded or not).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cardData, EXPORT_FORMATS, exportExchange, isSecretHeader, REDACTED, Redactor } from '../../../src/export';
import { explain } from '../../../src/explain';
import { analyseHarText } from '../../../src/har';
import { har } from '../../support/har-builder';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
const TOKEN = 's3cr3t-T0k3n-9f8e7d6c';

function exchangeWith(headers: [string, string][], opts: { url?: string; body?: string; mimeType?: string; responseHeaders?: [string, string][] } = {}) {
  const text = har([
    {
      method: opts.body ? 'POST' : 'GET',
      url: opts.url ?? 'http://127.0.0.1:8002/api?x=1',
      start: 0,
      requestHeaders: [['Host', '127.0.0.1:8002'], ['Origin', 'http://127.0.0.1:8001'], ...headers],
      responseHeaders: opts.responseHeaders ?? [],
      ...(opts.body ? { body: { mimeType: opts.mimeType ?? 'application/json', text: opts.body } } : {}),
    },
  ]);
  const x = analyseHarText(text).exchanges[0];
  if (!x) throw new Error('no exchange');
  return x;
}

/** Every export's text, the card's included. The bash curl and the report must exist: a refusal hides nothing. */
function everyExport(x: ReturnType<typeof exchangeWith>): string {
  const texts = EXPORT_FORMATS.map((f) => {
    const out = exportExchange(x, f);
    if (!out.ok && (f === 'curl' || f === 'markdown')) throw new Error(`${f} refused: ${out.reason}`);
    return out.ok ? out.value : '';
  });
  texts.push(JSON.stringify(cardData(x, explain(x))));
  return texts.join('\n');
}

describe('by header name', () => {
  test.each(['Authorization', 'AUTHORIZATION', 'authorization', 'aUtHoRiZaTiOn', 'Proxy-Authorization', 'Cookie', 'COOKIE', 'X-Api-Key', 'x-auth-token', 'X-CSRF-Token', 'X-Amz-Security-Token', 'My-Session-Id', 'Client-Secret'])('%s is a secret header, in any case', (name) => {
    expect(isSecretHeader(name)).toBe(true);
    const x = exchangeWith([[name, `Bearer ${TOKEN}`]]);
    const all = everyExport(x);
    expect(all).not.toContain(TOKEN);
    expect(all).toContain(REDACTED);
  });

  test.each(['Access-Control-Request-Headers', 'Access-Control-Allow-Credentials', 'Origin', 'Sec-Fetch-Mode', 'Content-Type', 'Vary'])('%s is not: it names headers or describes the request', (name) => {
    expect(isSecretHeader(name)).toBe(false);
  });

  test('Cookie keeps names, loses values; Set-Cookie keeps its attributes (SameSite matters for CORS)', () => {
    const r = new Redactor();
    expect(r.header({ name: 'Cookie', value: 'sid=abc123456; theme=dark' }).value).toBe(`sid=${REDACTED}; theme=${REDACTED}`);
    expect(r.header({ name: 'set-cookie', value: 'sid=abc123456; Path=/; SameSite=None; Secure' }).value).toBe(`sid=${REDACTED}; Path=/; SameSite=None; Secure`);
    expect(r.header({ name: 'Authorization', value: 'Basic dXNlcjpodW50ZXIyMjI=' }).value).toBe(`Basic ${REDACTED}`);
  });
});

describe('by shape', () => {
  test.each([
    ['a JWT in a custom header', [['X-Whatever', JWT]] as [string, string][], {}, JWT],
    ['a bearer token in a custom header', [['X-Forwarded-Auth-Thing', `Bearer ${TOKEN}`]] as [string, string][], {}, TOKEN],
    ['an API key in the query string', [], { url: `http://127.0.0.1:8002/api?api_key=${TOKEN}&page=2` }, TOKEN],
    ['an access_token in the query string', [], { url: `http://127.0.0.1:8002/api?access_token=${TOKEN}` }, TOKEN],
    ['a password in the URL', [], { url: `http://user:${TOKEN}@127.0.0.1:8002/api` }, TOKEN],
    ['a Stripe key in the body', [], { body: `{"key":"sk_live_${TOKEN.replace(/-/g, '')}"}` }, `sk_live_${TOKEN.replace(/-/g, '')}`],
    ['a password field in a JSON body', [], { body: `{"user":"bob","password":"${TOKEN}"}` }, TOKEN],
    ['a Set-Cookie in the response', [], { responseHeaders: [['Set-Cookie', `session=${TOKEN}; HttpOnly`]] as [string, string][] }, TOKEN],
  ])('%s', (_, headers, opts, secret) => {
    const all = everyExport(exchangeWith(headers, opts));
    expect(all).not.toContain(secret);
    expect(all).toContain(REDACTED);
  });
});

describe('a secret repeated elsewhere', () => {
  test('a bearer token repeated in the URL under an innocent name, in Referer, in the body, percent-encoded', () => {
    const secret = 'abc+def/ghi=jkl9';
    const x = exchangeWith(
      [
        ['Authorization', `Bearer ${secret}`],
        ['Referer', `http://127.0.0.1:8001/page?ref=${encodeURIComponent(secret)}`],
      ],
      { url: `http://127.0.0.1:8002/api?q=${encodeURIComponent(secret)}&raw=${secret}`, body: `{"note":"${secret}"}` },
    );
    const all = everyExport(x);
    expect(all).not.toContain(secret);
    expect(all).not.toContain(encodeURIComponent(secret));
  });

  test('a cookie value seen only in the response reaches no part of the request export', () => {
    const x = exchangeWith([], { url: `http://127.0.0.1:8002/api?s=${TOKEN}`, responseHeaders: [['Set-Cookie', `sid=${TOKEN}`]] });
    expect(everyExport(x)).not.toContain(TOKEN);
  });

  test('property: a random secret in Authorization never survives, whatever case the name has and wherever it is repeated', () => {
    fc.assert(
      fc.property(
        // Secrets as real ones are: at least 8 characters with a digit (shorter or all-letter values are replaced
        // where found but not hunted elsewhere, or "dark" would vanish from every text).
        fc.string({ unit: fc.constantFrom(...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-._~+/'.split('')), minLength: 7, maxLength: 40 }).map((s) => `${s}7`),
        fc.constantFrom('authorization', 'Authorization', 'AUTHORIZATION', 'AuThOrIzAtIoN', 'cookie', 'X-API-KEY', 'x-auth-token'),
        fc.constantFrom('query', 'path', 'referer', 'body', 'other-header'),
        (secret, name, where) => {
          const value = name.toLowerCase() === 'cookie' ? `sid=${secret}` : `Bearer ${secret}`;
          const enc = encodeURIComponent(secret);
          const headers: [string, string][] = [[name, value]];
          if (where === 'referer') headers.push(['Referer', `http://127.0.0.1:8001/?r=${enc}`]);
          if (where === 'other-header') headers.push(['X-Echo', secret]);
          const url = where === 'query' ? `http://127.0.0.1:8002/api?q=${enc}` : where === 'path' ? `http://127.0.0.1:8002/api/${enc}` : 'http://127.0.0.1:8002/api';
          const all = everyExport(exchangeWith(headers, { url, ...(where === 'body' ? { body: `{"echo":"${secret}"}` } : {}) }));
          return all.includes(REDACTED) && !all.includes(secret) && !all.includes(enc) && !all.includes(enc.toLowerCase());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('what review found', () => {
  test.each(['authToken', 'apiToken', 'sessionToken', 'secretKey', 'privateKey', 'newPassword', 'X-Authorization'])('camelCase and compound names count: %s', (name) => {
    const x = exchangeWith([[name.startsWith('X-') ? name : `X-${name}`, 'plainvalue42x']], { url: `http://127.0.0.1:8002/api?${name}=qv9secret77`, body: `{"${name}":"bv9secret88"}` });
    const all = everyExport(x);
    for (const v of ['plainvalue42x', 'qv9secret77', 'bv9secret88']) expect(all).not.toContain(v);
  });

  test('a form body without a Content-Type header is redacted by its recorded type, in curl and the report too', () => {
    const x = exchangeWith([], { body: 'user=bob&password=hunter2', mimeType: 'application/x-www-form-urlencoded' });
    expect(everyExport(x)).not.toContain('hunter2');
  });

  test('a token in the URL fragment, a key as the user name, a relative Location, a Link header', () => {
    const x = exchangeWith([], {
      url: 'http://k3yAsUser99@127.0.0.1:8002/cb#access_token=frag9token1&state=x',
      responseHeaders: [['Location', '/next?code=1&token=loc9token2'], ['Link', '<https://cdn.example/x?access_token=link9token3>; rel=preload']],
    });
    const all = everyExport(x);
    for (const v of ['k3yAsUser99', 'frag9token1', 'loc9token2', 'link9token3']) expect(all).not.toContain(v);
  });

  test('a known secret is found in every encoding: lower-case %xx, a raw / in a query, JSON \\/', () => {
    const secret = 'abc/def+ghi=jkl9';
    const x = exchangeWith([['Authorization', `Bearer ${secret}`]], { url: 'http://127.0.0.1:8002/api?a=abc/def%2bghi%3djkl9&b=abc%2Fdef%2Bghi%3Djkl9', body: '{"n":"abc\\/def+ghi=jkl9"}' });
    const all = everyExport(x);
    expect(all).not.toMatch(/def(%2b|\+)ghi/i);
  });

  test('CORS headers are never rewritten, and a short cookie value does not vanish from the text', () => {
    const x = exchangeWith([['Cookie', 'site=app.example; consent=accepted']], { url: 'https://api.example/x', responseHeaders: [['Access-Control-Allow-Origin', 'https://app.example']] });
    const md = exportExchange(x, 'markdown');
    expect(md.ok && md.value).toContain('`https://app.example`');
    const curl = exportExchange(x, 'curl');
    expect(curl.ok && curl.value).toContain(`-H 'Cookie: site=${REDACTED}; consent=${REDACTED}'`);
    expect(curl.ok && curl.value).toContain("-H 'Origin: http://127.0.0.1:8001'");
  });
});

test('switched off, nothing is redacted and the exports say so', () => {
  const x = exchangeWith([['Authorization', `Bearer ${TOKEN}`]]);
  const curl = exportExchange(x, 'curl', { redact: false });
  expect(curl.ok && curl.value).toContain(`Bearer ${TOKEN}`);
  const md = exportExchange(x, 'markdown', { redact: false });
  expect(md.ok && md.value).toContain('**not redacted**');
});
