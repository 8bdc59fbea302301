// Zoo request URLs are `/c/<id>/<step>?n=<nonce>`: every recorder maps a captured request back to its case this way.

/** `/c/<id>/<step>?n=<nonce>` → {caseId, nonce}, or null for anything that is not a case request. @param {string} url */
export function caseOf(url) {
  try {
    const u = new URL(url);
    const m = /^\/c\/([^/]+)\/[^/]+$/.exec(u.pathname);
    return m && u.searchParams.get('n') ? { caseId: decodeURIComponent(m[1]), nonce: u.searchParams.get('n') } : null;
  } catch { return null; }
}
