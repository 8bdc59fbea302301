// Types for sanitize-har.mjs (plain JS so the Node scripts can use it unbuilt), for the tests that import it.
export declare const SANITIZED_REQUEST_HEADERS: readonly string[];
export declare const SANITIZED_RESPONSE_HEADERS: readonly string[];
export declare function sanitizeEntry(entry: unknown): unknown;
export declare function sanitizeHar<T>(har: T): T;
export declare function sanitizedAway(entry: unknown): string[];
