// Random input for every API method, through the dispatcher, on the sample county: the
// dispatcher must answer every call as data (a refusal carries a code and a Chinese message),
// the project file must stay sound, and the backend must go on answering. Shared by the
// bounded test (tests/integration/api-fuzz.test.ts) and `npm run soak` (tests/soak/api-fuzz.ts).
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { createBackend, type Backend } from '../../electron/backend';
import { contract, type MethodName } from '../../shared/api';
import { openSampleCounty, resultOf } from './backend';

export const METHODS = Object.keys(contract) as MethodName[];

/** Fields that name a file: always inside the fuzz folder, so no call writes elsewhere. */
const PATH_FIELDS = new Set(['path', 'outPath']);

const CJK = /[\u4e00-\u9fff]/;

function nested(depth: number, array: boolean): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = array ? [v] : { a: v };
  return v;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: -3, max: 12 }),
  fc.double(),
  fc.constantFrom('', ' ', '十五五', '中', 'new:1', '__proto__', 'constructor', '../../etc/passwd', '\0', '9909990001', 'x'.repeat(70)),
  fc.nat(3).map((n) => '汉'.repeat(10 ** (n + 3))),
  fc.integer({ min: 50, max: 3000 }).chain((d) => fc.boolean().map((a) => nested(d, a))),
);

/** Objects with the method's own keys (so some calls get past validation) or any keys at all. */
function inputFor(method: MethodName): fc.Arbitrary<unknown> {
  const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  const keys = Object.keys(shape);
  const own = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
    : fc.constant({});
  const polluting = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(`{"__proto__": ${JSON.stringify(v) ?? 'null'}, "constructor": {"prototype": {"polluted": true}}}`) as unknown);
  return fc.oneof(own, own, fc.object({ maxDepth: 3 }), hostileValue, polluting, fc.constantFrom(undefined, null, [], 'x', 0));
}

/** Path fields get a harmless name inside `dir`. */
function confine(input: unknown, dir: string): unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (PATH_FIELDS.has(k)) out[k] = typeof v === 'string' ? path.join(dir, `f${v.replace(/[^0-9A-Za-z.]/g, '').slice(0, 20)}.csplan`) : v;
    else if (k === 'source') out[k] = confine(v, dir);
    else out[k] = v;
  }
  return out;
}

export interface FuzzCounty {
  dir: string;
  projectPath: string;
  backend: Backend;
}

export async function fuzzCounty(): Promise<FuzzCounty> {
  const { dir, projectPath, backend } = await openSampleCounty('csp-fuzz-');
  return { dir, projectPath, backend };
}

function checkAnswer(method: string, res: unknown): void {
  assert.ok(res !== null && typeof res === 'object', `${method}: answer is not an object`);
  const r = res as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  assert.equal(typeof r.ok, 'boolean', `${method}: answer has no ok`);
  if (r.ok === false) {
    assert.equal(typeof r.error?.code, 'string', `${method}: refusal without a code`);
    assert.equal(typeof r.error?.message, 'string', `${method}: refusal without a message`);
    assert.match(r.error?.message as string, CJK, `${method}: refusal not in Chinese: ${String(r.error?.message)}`);
    // An internal error is an exception the backend did not expect: a bug, even though it came back as data.
    assert.notEqual(r.error?.code, 'INTERNAL', `${method}: ${String(r.error?.message)}`);
  }
}

/** Closes the backend, checks the file with SQLite itself, and opens it again in a new backend. */
export async function checkFile(county: FuzzCounty): Promise<void> {
  county.backend.close();
  const db = new Database(county.projectPath);
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.pragma('foreign_key_check'), []);
  } finally {
    db.close();
  }
  county.backend = createBackend({ dataDir: path.join(county.dir, 'data'), shell: 'cli' });
  await resultOf(county.backend.dispatch('project.open', { path: county.projectPath }));
  await resultOf(county.backend.dispatch('overview.get', {}));
}

/** `runs` random calls of `method`; throws (with fast-check's counterexample) on the first failure. */
export async function fuzzMethod(county: FuzzCounty, method: MethodName, runs: number, seed?: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(inputFor(method), async (input) => {
      const res = await county.backend.dispatch(method, confine(input, county.dir));
      checkAnswer(method, res);
      assert.equal(({} as Record<string, unknown>).polluted, undefined, `${method}: Object.prototype polluted`);
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  await checkFile(county);
}
