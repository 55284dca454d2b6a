// What the import will read, at most. A file past any of these is refused with a message
// saying which limit and what to do, before it can exhaust memory or time.
export const LIMITS = {
  /** On disk (path) or uploaded. */
  maxFileBytes: 100 * 1024 * 1024,
  /** Browser mode sends files in base64 chunks; the whole upload may not exceed this. */
  maxUploadBytes: 60 * 1024 * 1024,
  /** Zip (xlsx): entries, and the sizes they declare once decompressed. */
  maxZipEntries: 10_000,
  maxUncompressedBytes: 600 * 1024 * 1024,
  maxEntryBytes: 400 * 1024 * 1024,
  /** Excel's own maximum; a sheet declaring more is damaged or forged. */
  maxSheetRows: 1_048_576,
  maxSheetCols: 16_384,
  /** Non-empty cells in the whole workbook, and row slots (rows × their width) kept. */
  maxCells: 6_000_000,
  maxGridSlots: 24_000_000,
  maxMerges: 100_000,
  /** The parse worker: heap (MiB) and wall time before it is stopped. */
  workerHeapMb: 3072,
  workerTimeoutMs: 5 * 60 * 1000,
} as const;

export function megabytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
