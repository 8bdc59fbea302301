// Zoo request URLs are `/c/<id>/<step>?n=<nonce>`: every recorder maps a captured request back to its case this way.

/** `/c/<id>/<step>?n=<nonce>` → {caseId, nonce}, or null for anything that is not a case request. @param {string} url */
export function caseOf(url) {
  try {
    const u = new URL(url);
    const m = /^\/c\/([^/]+)\/[^/]+$/.exec(u.pathname);
    return m && u.searchParams.get('n') ? { caseId: decodeURIComponent(m[1]), nonce: u.searchParams.get('n') } : null;
  } catch { return null; }
}

/**
 * The zoo cases a recording runs: all of them, or those `--only` names. An unknown id stops the recorder with one
 * line, before any browser starts.
 * @template {{ id: string }} C
 * @param {readonly C[]} all
 * @param {readonly string[] | null | undefined} only
 * @returns {C[]}
 */
export function selectCases(all, only) {
  if (!only) return [...all];
  const unknown = only.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length) {
    console.error(`unknown case id(s): ${unknown.join(', ')}`);
    process.exit(1);
  }
  return all.filter((c) => only.includes(c.id));
}
