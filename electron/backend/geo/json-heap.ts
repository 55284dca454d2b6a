// How much V8 heap JSON.parse will take for a text, counted before parsing. JSON.parse is one
// native call that does not stop when the worker's heap cap is reached: past the cap it takes
// the whole process down (a fatal out-of-memory) instead of ending the worker. So a GeoJSON whose
// parse could reach the cap is refused before it is parsed; everything after JSON.parse is
// JavaScript, which the cap stops cleanly.
//
// Bytes per token, measured with node 20 (`JSON.parse` of 20 MB of each shape, used heap after
// minus before, ÷ its length): `{},` 22.3 per byte (67 per object), `[],` 14.3 (43 per array),
// `[[0]],` 18.3 (110 per two arrays), `[113.123456,34.123456],` 4.3 (99 per position),
// `0,` 5.0; rounded up below. The text itself is held as a string, two bytes a character
// once it has a character outside Latin-1 (any Chinese name).
const PER_OBJECT = 80;
const PER_ARRAY = 56;
const PER_VALUE = 16;
const PER_SOURCE_BYTE = 2;

export function jsonHeapEstimate(bytes: Uint8Array): number {
  let objects = 0;
  let arrays = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c) i++; // a backslash escapes the next byte
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) {
      inString = true;
      values++;
    } else if (b === 0x7b) objects++;
    else if (b === 0x5b) arrays++;
    else if (b === 0x2c || b === 0x3a) values++;
  }
  return objects * PER_OBJECT + arrays * PER_ARRAY + (values + 1) * PER_VALUE + bytes.length * PER_SOURCE_BYTE;
}
