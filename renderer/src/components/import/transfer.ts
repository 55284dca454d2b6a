// Moving files between the page and the backend without a network request: in browser mode
// a chosen file is read here and sent in base64 chunks (the loopback host takes at most
// 1 MiB per call); downloads are Blob links.
import { invoke } from '../../api/client';
import { MIME, saveBlob } from '../../lib/download';

/** Bytes per chunk: base64 makes ~683 KiB of it, well under the host's 1 MiB. */
const CHUNK = 512 * 1024;
export const MAX_UPLOAD_MB = 60;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const STEP = 0x8000;
  for (let i = 0; i < bytes.length; i += STEP) binary += String.fromCharCode(...bytes.subarray(i, i + STEP));
  return btoa(binary);
}

/** Sends the file to the backend; resolves to the upload id for `import.open`. */
export async function uploadFile(file: File, onProgress: (percent: number) => void, cancelled: () => boolean): Promise<string | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let uploadId: string | undefined;
  let offset = 0;
  do {
    if (cancelled()) return null;
    const chunk = bytes.subarray(offset, offset + CHUNK);
    const r = await invoke('import.upload', { uploadId, fileName: file.name, size: bytes.length, offset, data: toBase64(chunk) });
    uploadId = r.uploadId;
    offset += chunk.length;
    onProgress(bytes.length ? Math.round((offset / bytes.length) * 100) : 100);
  } while (offset < bytes.length);
  return uploadId ?? null;
}

export function downloadJson(fileName: string, value: unknown): void {
  saveBlob(new Blob([JSON.stringify(value, null, 2)], { type: MIME.json }), fileName);
}
