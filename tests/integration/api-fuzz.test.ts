// Random JSON into every API method (tests/helpers/api-fuzz.ts): bounded here so it runs in
// `npm test`; `npm run soak` runs the same for minutes.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fuzzCounty, fuzzMethod, METHODS, type FuzzCounty } from '../helpers/api-fuzz';

let county: FuzzCounty;

beforeAll(async () => {
  county = await fuzzCounty();
});
afterAll(() => county.backend.close());

describe('random API input', () => {
  it.each(METHODS)('%s answers as data and leaves the file sound', async (method) => {
    await fuzzMethod(county, method, 20);
  });
});
