export { analyseHar, analyseHarText, analyseParsed, type Analysis, type AnalysedExchange, type CaptureFacts } from './analyze';
export { NOT_CORS_SHORT, NOT_CORS_TEXT, type NotCorsReason } from './not-cors';
export { LIVE_CHROMIUM, LIVE_FIREFOX, rulesOf, type Producer, type ProducerFacts, type ProducerId, PRODUCERS, producerOf } from './producer';
export type { Sanitized } from './sanitized';
export { repeats } from './header-list';
export { HarError, parseHar, parseHarText, type ParsedHar, type SkippedEntry } from './parse';
export { LiveAnalysis, type LiveOptions, type LiveSnapshot } from './live';
export type { Entry } from './entry';
