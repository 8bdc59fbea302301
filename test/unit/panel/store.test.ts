import { expect, test } from 'vitest';
import { batchDelay } from '../../../panel/store';

test.each([
  [0, 40],
  [1000, 44],
  [10_000, 80],
  [45_000, 220],
  [50_000, 240],
  [200_000, 250],
])('with %i exchanges listed, entries wait %i ms to be analysed together', (listed, ms) => {
  expect(batchDelay(listed)).toBe(ms);
});
