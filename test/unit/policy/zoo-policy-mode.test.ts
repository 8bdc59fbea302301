/**
 * The zoo in policy mode (test/zoo/policy-mode.mjs), over real HTTP: only the CORS lines change, to the policy's,
 * filled for the request's Origin as the contract says; status, Location, body and other headers stay the case's.
 * The browser proof that uses it is test/e2e/policy-chromium.test.ts.
 */
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_ORIGIN } from '../../../src/policy';
import { loadPolicyMode, type PolicyLike, REQUEST_ORIGIN as ZOO_REQUEST_ORIGIN } from '../../zoo/policy-mode.mjs';
// @ts-expect-error: plain ES module without types
import { startZoo } from '../../zoo/server.mjs';

interface Zoo {
  pageOrigin: string;
  apiOrigin: string;
  thirdOrigin: string;
  close(): Promise<void>;
}

interface Got {
  status: number;
  /** Raw header lines, lower-case names, in wire order. */
  lines: [string, string][];
  body: string;
}

function request(url: string, method: string, headers: Record<string, string>): Promise<Got> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        const lines: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) lines.push([(res.rawHeaders[i] ?? '').toLowerCase(), res.rawHeaders[i + 1] ?? '']);
        resolve({ status: res.statusCode ?? 0, lines, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const cors = (g: Got) => g.lines.filter(([n]) => n.startsWith('access-control-') || n === 'vary');

const dir = mkdtempSync(join(tmpdir(), 'cors-lens-policy-mode-'));
let zoo: Zoo;
let page = '';

/** A policy for the API as policyReport writes one: credentials, PUT with X-Custom, the page's origin only. */
function apiPolicy(api: string, origin: string): PolicyLike {
  const lines = {
    origins: [origin],
    preflightStatus: 204 as const,
    preflightResponse: [
      { name: 'Access-Control-Allow-Origin', value: REQUEST_ORIGIN },
      { name: 'Access-Control-Allow-Credentials', value: 'true' },
      { name: 'Access-Control-Allow-Methods', value: 'PUT' },
      { name: 'Access-Control-Allow-Headers', value: 'x-custom' },
      { name: 'Access-Control-Max-Age', value: '600' },
      { name: 'Vary', value: 'Origin' },
    ],
    actualResponse: [
      { name: 'Access-Control-Allow-Origin', value: REQUEST_ORIGIN },
      { name: 'Access-Control-Allow-Credentials', value: 'true' },
      { name: 'Vary', value: 'Origin' },
    ],
  };
  return { target: api, ...lines, parts: [] } satisfies PolicyLike;
}

beforeAll(async () => {
  // Two zoos: the first only to learn free ports, so the policy (which names origins) can be written first and
  // loaded from its file, as the recorder does.
  const probe = (await startZoo()) as Zoo;
  const ports = [probe.pageOrigin, probe.apiOrigin, probe.thirdOrigin].map((o) => Number(new URL(o).port));
  await probe.close();
  page = probe.pageOrigin;
  const file = join(dir, 'policy.json');
  const report: { policies: PolicyLike[] } = { policies: [apiPolicy(probe.apiOrigin, page)] };
  writeFileSync(file, JSON.stringify(report));
  zoo = (await startZoo({ pagePort: ports[0], apiPort: ports[1], thirdPort: ports[2], answer: loadPolicyMode(file) })) as Zoo;
});

afterAll(async () => {
  await zoo?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the zoo in policy mode', () => {
  it('writes the same placeholder as the policy contract', () => {
    expect(ZOO_REQUEST_ORIGIN).toBe(REQUEST_ORIGIN);
  });

  it('answers a listed Origin with the policy lines, the Origin put in for the placeholder', async () => {
    const g = await request(`${zoo.apiOrigin}/c/s-get-no-acao/a?n=1`, 'GET', { Origin: page });
    expect(g.status).toBe(200);
    expect(cors(g)).toEqual([['access-control-allow-origin', page], ['access-control-allow-credentials', 'true'], ['vary', 'Origin']]);
    expect(g.body).toBe('actual s-get-no-acao a\n');
  });

  it('leaves out the origin lines for an Origin not on the list, and for none', async () => {
    const other = await request(`${zoo.apiOrigin}/c/s-get-star/a?n=1`, 'GET', { Origin: 'http://127.0.0.1:9' });
    expect(cors(other)).toEqual([['vary', 'Origin']]);
    const none = await request(`${zoo.apiOrigin}/c/s-get-star/a?n=1`, 'GET', {});
    expect(cors(none)).toEqual([['vary', 'Origin']]);
  });

  it("answers a preflight 204 with the preflight lines, whatever the case's route did (404, no CORS)", async () => {
    const g = await request(`${zoo.apiOrigin}/c/pf-404-bare/a?n=1`, 'OPTIONS', { Origin: page, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-custom' });
    expect(g.status).toBe(204);
    expect(cors(g).map(([n]) => n)).toEqual(['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age', 'vary']);
  });

  it("keeps a redirect's status and Location, and replaces its CORS lines and Vary", async () => {
    const g = await request(`${zoo.apiOrigin}/c/r-cross-to-third-page/a?n=7`, 'GET', { Origin: page });
    expect(g.status).toBe(302);
    expect(g.lines).toContainEqual(['location', `${zoo.thirdOrigin}/c/r-cross-to-third-page/b?n=7`]);
    expect(cors(g)).toEqual([['access-control-allow-origin', page], ['access-control-allow-credentials', 'true'], ['vary', 'Origin']]);
    const vary = await request(`${zoo.apiOrigin}/c/w-reflect-vary-list/a?n=1`, 'GET', { Origin: page });
    expect(cors(vary)).toEqual([['access-control-allow-origin', page], ['access-control-allow-credentials', 'true'], ['vary', 'Origin']]);
  });

  it('sends no CORS line where no policy covers the target', async () => {
    const g = await request(`${zoo.thirdOrigin}/c/r-cross-to-third-star/b?n=1`, 'GET', { Origin: 'null' });
    expect(g.status).toBe(200);
    expect(cors(g)).toEqual([]);
  });
});
