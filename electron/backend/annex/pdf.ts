// The PDF seam of the annexes: the backend only knows a PdfPrinter. The desktop app passes
// Electron's webContents.printToPDF (electron/main/pdf.ts); the CLI and the loopback host
// pass the system Chromium (chromium.ts), which the app's main process never bundles.
import { AppError } from '../errors';

/** Prints a self-contained HTML document, honouring its @page sizes, margins and margin boxes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** Where no printer was configured: say so instead of failing obscurely. */
export const noPdfPrinter: PdfPrinter = () =>
  Promise.reject(new AppError('IO_ERROR', '当前运行方式没有配置 PDF 打印，请改为导出 Excel 或 Word。'));
