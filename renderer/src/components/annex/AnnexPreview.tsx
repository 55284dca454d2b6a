// The print HTML in a sandboxed frame (no scripts, opaque origin): the backend's document
// shown as it is, at the zoom the planner picks. The zoom is a screen-only style added here,
// so the document itself stays byte for byte the one that is printed.
//
// A second, off-screen frame holds the document unzoomed. It may be read by this page (same
// origin, still no scripts), which is how the sheets are measured for the page count and
// page-by-page stepping, and it is what the browser prints.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Segmented, Space, Spin, Tooltip, Typography } from 'antd';
import { LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { zh } from '../../i18n/zh';
import { printHtml } from '../../api/desktop';
import { useElementHeight, useElementWidth } from '../../lib/useElementSize';
import { measureSheets, pageAt, type SheetLayout, type ZoomMode, zoomFor } from './previewLayout';

const t = zh.annex;

/**
 * Scaled as a picture (a transform), not with CSS `zoom`: under `zoom` the text is laid out at
 * the reduced size, where the browser's minimum font size and pixel rounding make it wider
 * than the printed text, so narrow columns (预期性, 序号) wrapped character by character in the
 * preview though not on paper. The html box is widened by 1/zoom so centred sheets stay centred.
 */
function withZoom(html: string, zoom: number): string {
  const z = zoom.toFixed(3);
  const style = `<style>@media screen { html { width: calc(100% / ${z}); transform: scale(${z}); transform-origin: 0 0; overflow: hidden; } }</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}

interface Props {
  html: string;
  hasA3: boolean;
}

export function AnnexPreview({ html, hasA3 }: Props) {
  const { ref: widthRef, width } = useElementWidth<HTMLDivElement>(800);
  const { ref: scrollRef, height } = useElementHeight<HTMLDivElement>(600);
  const printFrame = useRef<HTMLIFrameElement>(null);
  const [mode, setMode] = useState<ZoomMode>('width');
  const [layout, setLayout] = useState<SheetLayout | null>(null);
  const [page, setPage] = useState(0);
  const [printing, setPrinting] = useState(false);

  useEffect(() => setLayout(null), [html]);
  const zoom = zoomFor(mode, layout, hasA3, width, height);
  const pages = layout?.pageTops.length ?? 0;

  const onMeasureFrameLoad = useCallback(() => {
    const doc = printFrame.current?.contentDocument;
    if (doc) setLayout(measureSheets(doc));
  }, []);

  const goTo = (index: number) => {
    if (!layout || !scrollRef.current) return;
    const i = Math.max(0, Math.min(pages - 1, index));
    scrollRef.current.scrollTop = (layout.pageTops[i] ?? 0) * zoom;
    setPage(i);
  };

  const print = async () => {
    setPrinting(true);
    try {
      // The desktop shell shows the system print dialog for the document itself; the
      // browser prints the off-screen frame, which holds the same document unzoomed.
      if (!(await printHtml(html))) printFrame.current?.contentWindow?.print();
    } finally {
      setPrinting(false);
    }
  };

  // A whole plan's annexes are tens of sheets: the frame takes seconds to load and draw them,
  // during which it is an empty grey box under a page count that is already there. Until it
  // has loaded the document it shows a spinner (which also keeps the page unsettled).
  const visibleDoc = withZoom(html, zoom);
  const [loadedDoc, setLoadedDoc] = useState<string | null>(null);

  const frameHeight = layout ? Math.ceil(layout.height * zoom) + 8 : undefined;
  const frameWidth = layout ? Math.max(width - 2, Math.ceil(layout.width * zoom)) : undefined;

  return (
    <div ref={widthRef} className="annex-preview-box">
      <Space className="annex-preview-tools" wrap size={8}>
        <Segmented<ZoomMode>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'width', label: t.zoomWidth },
            { value: 'actual', label: t.zoomActual },
            { value: 'page', label: t.zoomPage },
          ]}
          data-testid="annex-zoom"
        />
        <Space size={4}>
          <Tooltip title={t.prevPage}>
            <Button size="small" icon={<LeftOutlined />} aria-label={t.prevPage} disabled={page <= 0} onClick={() => goTo(page - 1)} />
          </Tooltip>
          <Typography.Text className="num" data-testid="annex-page-count" data-pages={pages}>
            {pages > 0 ? t.pageOf(page + 1, pages) : t.counting}
          </Typography.Text>
          <Tooltip title={t.nextPage}>
            <Button size="small" icon={<RightOutlined />} aria-label={t.nextPage} disabled={page >= pages - 1} onClick={() => goTo(page + 1)} />
          </Tooltip>
        </Space>
        <Tooltip title={t.printHelp}>
          <Button size="small" icon={<PrinterOutlined />} loading={printing} onClick={() => void print()} data-testid="annex-print">
            {t.print}
          </Button>
        </Tooltip>
      </Space>
      <Spin spinning={loadedDoc !== visibleDoc}>
        <div
          ref={scrollRef}
          className="annex-preview"
          onScroll={(e) => layout && setPage(pageAt(layout, e.currentTarget.scrollTop / zoom))}
          data-testid="annex-preview-scroll"
        >
          <iframe
            title={t.previewFrame}
            sandbox=""
            srcDoc={visibleDoc}
            onLoad={(e) => setLoadedDoc(e.currentTarget.srcdoc)}
            className="annex-preview-frame"
            style={frameHeight ? { height: frameHeight, width: frameWidth } : undefined}
            data-testid="annex-preview-frame"
          />
        </div>
      </Spin>
      <iframe
        ref={printFrame}
        title={t.printFrame}
        sandbox="allow-same-origin allow-modals"
        srcDoc={html}
        onLoad={onMeasureFrameLoad}
        className="annex-print-frame"
        aria-hidden
        tabIndex={-1}
      />
    </div>
  );
}
