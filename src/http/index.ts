/**
 * HTTP primitives every layer shares: tokens and field values, invisible characters, whether a request got a
 * response, and the browsers' preflight-cache caps. Pure and dependency-free, below the engine.
 */
export { isFieldValue, isToken, TCHAR } from './token';
export { escapeInvisibleChar, INVISIBLE_CHAR, showInvisible } from './invisible';
export { MAX_AGE_CAP, SUGGESTED_MAX_AGE } from './max-age';
export { hasResponse } from './response';
