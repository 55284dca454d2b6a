// Saves bytes the backend produced as a file: a blob link the page clicks itself. Browser
// mode has no save dialog, so the browser saves it to its download folder; the desktop shell
// turns it into Chromium's save dialog (see electron/main/security.ts). No network request.

export const MIME = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  json: 'application/json',
} as const;

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: the download starts asynchronously and needs the URL a moment longer.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: mime }), fileName);
}
