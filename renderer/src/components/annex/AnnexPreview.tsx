// The print HTML in a sandboxed frame (no scripts, opaque origin): the backend's document
// shown as it is, scaled to fit the panel. The scaling is a screen-only style added here, so
// the document itself stays byte for byte the one that is printed.
import { zh } from '../../i18n/zh';
import { useElementWidth } from '../../lib/useElementSize';

/** Widest sheet of the preview (A3 landscape, 420 mm at 96 dpi) plus its margins. */
const WIDEST_SHEET_PX = 1587 + 40;
const A4_SHEET_PX = 794 + 40;

function withZoom(html: string, zoom: number): string {
  const style = `<style>@media screen { html { zoom: ${zoom.toFixed(3)}; } }</style>`;
  return html.includes('</head>') ? html.replace('</head>', `${style}</head>`) : style + html;
}

interface Props {
  html: string;
  hasA3: boolean;
}

export function AnnexPreview({ html, hasA3 }: Props) {
  const { ref, width } = useElementWidth<HTMLDivElement>(800);
  const zoom = Math.min(1, (width - 24) / (hasA3 ? WIDEST_SHEET_PX : A4_SHEET_PX));
  return (
    <div ref={ref} className="annex-preview">
      <iframe
        title={zh.annex.previewFrame}
        sandbox=""
        srcDoc={withZoom(html, zoom)}
        className="annex-preview-frame"
        data-testid="annex-preview-frame"
      />
    </div>
  );
}
