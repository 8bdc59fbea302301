/**
 * The library: `import { analyseHar, explain } from 'cors-lens'`, for test code that records a HAR and fails on a
 * CORS failure. Everything exported here is a promise to users (semver); the rest of src/ may change, so this
 * stays small: analyse a HAR, explain an exchange, and the types those return.
 */
export { analyseHar, analyseHarText, type AnalysedExchange, type Analysis, type CaptureFacts } from './har/analyze';
export { HarError, type SkippedEntry } from './har/parse';
export { analyseHarChunks, type ChunkSource, type StreamOptions } from './har/stream';
export type { Truncation } from './har/har-reader';
export { explain, type ExplainOptions, type Explanation } from './explain/explain';
export type { Evaluation } from './cors/evaluate';
export type { Confidence, CorsErrorCode, Stage, StagedFailure, VerdictKind } from './cors/types';
export { VERSION as version } from './version';
