export { analyseHar, analyseHarText, analyseParsed, type Analysis, type AnalysedExchange } from './analyze';
export { HarError, parseHar, parseHarText, type ParsedHar, type SkippedEntry } from './parse';
export type { Entry } from './entry';
