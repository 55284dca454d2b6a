// XLSX and DOCX are both Office Open XML packages: zip parts named in [Content_Types].xml,
// a root relationship to the main part, and the document's properties. This writes that
// frame around the parts each format makes.
import { escapeXml } from './escape';
import { XML_HEADER, zipParts } from './zip';

/** Relationship types of the main parts (styles, footer, worksheet …) live under this. */
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Relationship {
  id: string;
  /** Full type URI, usually `${REL_NS}/…`. */
  type: string;
  target: string;
}

/** A `.rels` part. */
export function relationships(list: readonly Relationship[]): string {
  return (
    XML_HEADER +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    list.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    '</Relationships>'
  );
}

export interface PackagePart {
  name: string;
  xml: string;
  /** Omitted for `.rels` parts, which the package's default covers. */
  contentType?: string;
}

/** A binary part (an image) under its own name; its type comes from its extension. */
export interface MediaPart {
  name: string;
  bytes: Uint8Array;
}

const MEDIA_TYPES: Record<string, string> = { png: 'image/png' };

/**
 * The package: `parts[0]` is the main part the root relationship points to; parts keep their
 * order in the zip and in [Content_Types].xml, after the package's own parts as Office writes them.
 */
export function officePackage(title: string, parts: readonly PackagePart[], media: readonly MediaPart[] = []): Uint8Array {
  const main = parts[0];
  if (!main) throw new RangeError('no parts');
  const override = (name: string, contentType: string) => `<Override PartName="/${name}" ContentType="${contentType}"/>`;
  const contentTypes =
    XML_HEADER +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    [...new Set(media.map((m) => m.name.split('.').pop() ?? ''))].map((ext) => `<Default Extension="${ext}" ContentType="${MEDIA_TYPES[ext] ?? 'application/octet-stream'}"/>`).join('') +
    parts.map((p) => (p.contentType ? override(p.name, p.contentType) : '')).join('') +
    override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>';
  const rootRels = relationships([
    { id: 'rId1', type: `${REL_NS}/officeDocument`, target: main.name },
    { id: 'rId2', type: `${PKG_REL_NS}/metadata/core-properties`, target: 'docProps/core.xml' },
    { id: 'rId3', type: `${REL_NS}/extended-properties`, target: 'docProps/app.xml' },
  ]);
  return zipParts({
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': rootRels,
    'docProps/core.xml': coreProperties(title),
    'docProps/app.xml': appProperties(),
    ...Object.fromEntries(parts.map((p) => [p.name, p.xml])),
    ...Object.fromEntries(media.map((m) => [m.name, m.bytes])),
  });
}

function coreProperties(title: string): string {
  return (
    XML_HEADER +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>县域学校布局规划</dc:creator>` +
    '</cp:coreProperties>'
  );
}

function appProperties(): string {
  return (
    XML_HEADER +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>县域学校布局规划</Application></Properties>'
  );
}
