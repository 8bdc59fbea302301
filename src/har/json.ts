/** Untrusted JSON, read field by field: the HAR layer's one test for "an object with fields". */
export type Json = unknown;

export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
