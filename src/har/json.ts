/** Untrusted JSON, read field by field: the HAR layer's one test for "an object with fields". */
export type Json = unknown;

export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What a value is, for an error naming it: "missing", "null", "an array", "an object", "a string"... */
export function describeJson(v: Json): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
