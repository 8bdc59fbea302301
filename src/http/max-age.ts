/**
 * How long each browser keeps a preflight answer, whatever Access-Control-Max-Age says. A value above the cap
 * is silently shortened, which is why a server's "cache for a day" still sends a preflight every two hours in
 * Chrome. Chromium: services/network/cors/preflight_result.cc (kMaxAgeCap); Firefox: the preflight cache of
 * nsCORSListenerProxy.cpp.
 */
/** Seconds a preflight answer is kept at most, per browser. */
export const MAX_AGE_CAP: Readonly<Record<'chrome' | 'firefox', number>> = {
  chrome: 7200,
  firefox: 86400,
};

/**
 * The Max-Age CORS Lens suggests, in an exchange's fix and in a server policy alike: ten minutes spares all but
 * one preflight per URL and method every ten minutes, and bounds how long a browser goes on trusting an answer
 * after the server changes it (an origin removed, a method withdrawn).
 */
export const SUGGESTED_MAX_AGE = 600;
