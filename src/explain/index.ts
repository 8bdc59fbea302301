/** The explanation layer: verdicts → plain language, Chrome's console line, the fix, and server snippets. */
export { type Brief, explain, explainBrief, explainMarked, type Explanation, type ExplainOptions } from './explain';
export { cap, plain, segments, type Segment } from './captured';
export { chromeConsoleMessage, type ConsoleMessageInput, type ResourceKind } from './console-message';
export { CODE_WORDS, type CodeWords, type ConsoleTemplate } from './code-words';
export { buildSnippets, snippetInput, snippetsFor, type Snippet, type SnippetInput, type Stack } from './snippets';
export { applyFix, fixFor, type Fix } from './fix';
export { describeOriginDifference } from './origin-diff';
export { preflightCause } from './preflight-cause';
export { describeWarnings, warningText } from './warning-text';
export { networkErrorMeaning } from './network-error';
export { apacheString, goString, javaString, jsString, nginxString, pyString } from './literals';
export { shortFailure, shortSummary, shortSummaryMarked } from './summary';
export { fixLines } from './fix-text';
export { clean } from './display';
export { captureNotes, SANITIZED_NOTE } from './capture-notes';
export { type FirefoxReason, firefoxReason } from './firefox-reason';
export { browserWords, type BrowserWords } from './browser-words';
export { type OtherBrowserView, otherBrowserDiffers, otherBrowserView } from './other-browser';
