/**
 * Who is capturing, for the live analysis: the panel runs in Chromium or in Firefox, and what the capture can show
 * differs (Firefox records no failure, and leaves some requests out of its live events). An extension page's
 * own URL tells them apart without asking the browser for anything: moz-extension: in Firefox.
 */
import { LIVE_CHROMIUM, LIVE_FIREFOX, type Producer } from '../src/har/producer';

export function liveProducer(protocol: string): Producer {
  return protocol === 'moz-extension:' ? LIVE_FIREFOX : LIVE_CHROMIUM;
}
