// Policy mode for the zoo: the servers reconfigured from a server policy (src/policy, `policyReport()` or its
// JSON), the way a backend developer would apply it. The case table still decides everything that is not CORS
// (status, body, Location, other headers, delays, dropped connections); only the CORS lines are the policy's:
// - a preflight is answered with the policy's preflightStatus and preflightResponse lines, before anything the
//   case's route would do (the policy's "preflight-before-auth" note: no 401, no redirect, no 404 for OPTIONS);
// - every other response, redirects and errors included, loses the case's Access-Control-* and Vary lines and
//   carries the policy's actualResponse lines instead.
// The placeholder value stands for the request's Origin when that Origin is on the policy's list; otherwise
// Access-Control-Allow-Origin and -Credentials are left out (test/support/policy-harness.ts does the same in the
// engine, so the engine's claim and this server are configured alike).
// Plain JS so the recorder (scripts/record-fixtures.mjs --policy) can load it unbuilt; types in policy-mode.d.mts.
import fs from 'node:fs';

/** The contract's stand-in for the request's Origin (src/policy/types.ts REQUEST_ORIGIN; a test keeps them equal). */
export const REQUEST_ORIGIN = "<the request's Origin, from the list>";

/** `prefix` covers itself and everything below it, segment by segment (src/policy/split.ts covers()). */
function covers(prefix, path) {
  return prefix === '/' || path === prefix || path.startsWith(`${prefix}/`);
}

/** The policy (or part, where the target is split) a server configured from `policies` answers `path` with. */
function partFor(policies, target, path) {
  const p = policies.find((q) => q.target === target);
  if (!p) return null;
  return p.parts.length === 0 ? p : (p.parts.find((q) => q.paths.some((prefix) => covers(prefix, path))) ?? null);
}

/** The lines for one request: its Origin put in for the placeholder when listed, the origin lines left out when not. */
function fill(lines, part, origin) {
  const allowed = part !== null && origin !== null && part.origins.includes(origin);
  return lines
    .filter((l) => allowed || !/^access-control-allow-(origin|credentials)$/i.test(l.name))
    .flatMap((l) => [l.name, l.value === REQUEST_ORIGIN ? origin : l.value]);
}

/** Flat [name, value, ...] header list without the case's own CORS answer. */
function withoutCors(flat) {
  const out = [];
  for (let i = 0; i < flat.length; i += 2) if (!/^(access-control-|vary$)/i.test(flat[i])) out.push(flat[i], flat[i + 1]);
  return out;
}

/**
 * The zoo's `answer` hook for a server configured from `policies`.
 * @param {readonly import('./policy-mode.d.mts').PolicyLike[]} policies
 * @returns {import('./policy-mode.d.mts').Answer}
 */
export function policyMode(policies) {
  return (req, reply) => {
    const part = partFor(policies, req.server, req.path);
    if (req.preflight) {
      // What the network does to the request is not the policy's to change: keep the delay, and a dropped connection.
      const headers = ['Cache-Control', 'no-store', ...fill(part?.preflightResponse ?? [], part, req.origin)];
      return { status: part?.preflightStatus ?? 204, headers, body: '', delay: reply.delay, destroy: reply.destroy };
    }
    return { ...reply, headers: [...withoutCors(reply.headers), ...fill(part?.actualResponse ?? [], part, req.origin)] };
  };
}

/**
 * Policy mode from a JSON file: a policy report (`{"policies": [...]}`, as `policyReport()` returns it) or the
 * bare list of policies.
 * @param {string} file
 */
export function loadPolicyMode(file) {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const policies = Array.isArray(doc) ? doc : doc?.policies;
  const usable = Array.isArray(policies) && policies.every((p) => typeof p?.target === 'string' && Array.isArray(p.origins) && Array.isArray(p.parts) && Array.isArray(p.preflightResponse) && Array.isArray(p.actualResponse));
  if (!usable) throw new Error(`${file}: not a server policy (expected {"policies": [{target, origins, parts, preflightResponse, actualResponse, ...}]})`);
  return policyMode(policies);
}
