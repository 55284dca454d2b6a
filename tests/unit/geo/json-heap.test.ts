// The heap JSON.parse will take, counted before parsing: at least what was measured for each
// shape of text (json-heap.ts), and nothing counted inside strings.
import { describe, expect, it } from 'vitest';
import { jsonHeapEstimate } from '../../../electron/backend/geo/json-heap';

const bytes = (text: string) => new TextEncoder().encode(text);
const perByte = (unit: string, n = 10_000) => {
  const text = `[${unit.repeat(n).slice(0, -1)}]`;
  return jsonHeapEstimate(bytes(text)) / text.length;
};

describe('jsonHeapEstimate', () => {
  it('covers the measured heap per byte of each shape, plus the text itself', () => {
    // Measured with node 20: used heap after JSON.parse of 20 MB minus before, ÷ the length.
    expect(perByte('{},')).toBeGreaterThanOrEqual(22.3 + 1);
    expect(perByte('[],')).toBeGreaterThanOrEqual(14.3 + 1);
    expect(perByte('[[0]],')).toBeGreaterThanOrEqual(18.3 + 1);
    expect(perByte('[113.123456,34.123456],')).toBeGreaterThanOrEqual(4.3 + 1);
    expect(perByte('0,')).toBeGreaterThanOrEqual(5.0 + 1);
  });

  it('does not count brackets, braces or commas inside strings, nor an escaped quote as the end', () => {
    const plain = (inner: string) => jsonHeapEstimate(bytes(`["${'a'.repeat(inner.length)}"]`));
    for (const inner of ['[[[{{,,::', 'a\\"[[[[,,']) expect(jsonHeapEstimate(bytes(`["${inner}"]`))).toBe(plain(inner));
  });
});
