// Browser mode has no save dialog: the exported file arrives as base64 and is handed to the
// browser as a download of a Blob (no network request, nothing left in the page).

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function downloadBase64(fileName: string, base64: string, format: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME[format] ?? 'application/octet-stream' }));
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
