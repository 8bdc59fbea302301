/** Engine records → analysed exchanges, as the HAR layer would hand them to the policy layer (no HAR needed). */
import type { ExchangeRecord } from '../../src/cors';
import type { AnalysedExchange, CaptureFacts } from '../../src/har';
import { analyseBuilt } from '../../src/har/analyze';
import { LIVE_CHROMIUM } from '../../src/har';

const CAPTURE: CaptureFacts = { producer: LIVE_CHROMIUM, sanitized: 'no', errorsRecorded: true, source: 'live' };

/** `originUnknown`: ids whose page origin the capture does not show. */
export function analysed(records: readonly ExchangeRecord[], originUnknown: readonly number[] = []): AnalysedExchange[] {
  return records.map((record, id) =>
    analyseBuilt(
      {
        record,
        hopEntries: record.hops.map((_, i) => i),
        preflightEntries: record.hops.map(() => null),
        entries: [],
        originUnknown: originUnknown.includes(id),
        requestMissing: false,
        start: id,
        resourceType: 'fetch',
        bodies: record.hops.map(() => null),
        notCors: null,
        modeUnproven: false,
      },
      id,
      { ...CAPTURE, errorsRecorded: record.errorsRecorded },
    ),
  );
}
