export { analyseHar, analyseHarText, analyseParsed, type Analysis, type AnalysedExchange } from './analyze';
export { HarError, parseHar, parseHarText, type ParsedHar, type SkippedEntry } from './parse';
export { LiveAnalysis, type LiveOptions, type LiveSnapshot } from './live';
export type { Entry } from './entry';
