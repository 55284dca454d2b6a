// Pictures in a worksheet: the sheet names a drawing part (its own relationship), the drawing
// anchors each picture at a cell with its size in EMU and names the image by relationship.
import { escapeXml } from './escape';
import type { MapImage } from './map-images';
import { REL_NS, relationships, type MediaPart, type PackagePart } from './office-package';
import { XML_HEADER } from './zip';

const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const EMU_PER_MM = 36_000;

export interface SheetPicture {
  image: MapImage;
  /** 1-based row of the picture's caption; the picture starts at column A of the row below. */
  row: number;
  name: string;
}

/** The drawing part of sheet `sheet` (1-based) with its relationships, and the sheet's link to it; images go into `media`. */
export function sheetDrawing(sheet: number, pictures: readonly SheetPicture[], media: MediaPart[]): PackagePart[] {
  const anchors = pictures.map((p, i) => {
    media.push({ name: `xl/media/map${media.length + 1}.png`, bytes: p.image.png });
    const cx = Math.round(p.image.widthMm * EMU_PER_MM);
    const cy = Math.round(p.image.heightMm * EMU_PER_MM);
    return {
      rel: { id: `rIdImage${i + 1}`, type: `${REL_NS}/image`, target: `../media/map${media.length}.png` },
      xml:
        `<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
        `<xdr:ext cx="${cx}" cy="${cy}"/>` +
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="${escapeXml(p.name)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
        `<xdr:blipFill><a:blip r:embed="rIdImage${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
        '<xdr:clientData/></xdr:oneCellAnchor>',
    };
  });
  const drawing = `xl/drawings/drawing${sheet}.xml`;
  return [
    {
      name: drawing,
      xml: `${XML_HEADER}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}">${anchors.map((a) => a.xml).join('')}</xdr:wsDr>`,
      contentType: 'application/vnd.openxmlformats-officedocument.drawing+xml',
    },
    { name: `xl/drawings/_rels/drawing${sheet}.xml.rels`, xml: relationships(anchors.map((a) => a.rel)) },
    { name: `xl/worksheets/_rels/sheet${sheet}.xml.rels`, xml: relationships([{ id: 'rIdDrawing', type: `${REL_NS}/drawing`, target: `../drawings/drawing${sheet}.xml` }]) },
  ];
}
