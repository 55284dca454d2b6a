// The map as a PNG, painted from the same scene as the screen at print size (legend, scale bar
// and north arrow included), under a title line with the 制图日期: for slides and documents
// that take a picture. The vector version is the 布局规划图 annex (PDF).
import { drawMap, paintScene, type MapDrawing, type MapLayer } from '@shared/map';
import { saveBlob } from '../../lib/download';

const WIDTH = 1800;
const HEIGHT = 1250;
const TITLE_BAND = 80;
const SCALE = 2;
const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export async function exportMapPng(drawing: MapDrawing, layers: ReadonlySet<MapLayer>, title: string, date: string, fileName: string): Promise<void> {
  const map = document.createElement('canvas');
  map.width = WIDTH * SCALE;
  map.height = HEIGHT * SCALE;
  const mapCtx = map.getContext('2d');
  const sheet = document.createElement('canvas');
  sheet.width = WIDTH * SCALE;
  sheet.height = (HEIGHT + TITLE_BAND) * SCALE;
  const ctx = sheet.getContext('2d');
  if (!mapCtx || !ctx) throw new Error('无法创建画布，请改为导出 PDF 附件。');
  const scene = drawMap(drawing, { width: WIDTH, height: HEIGHT, zoom: 1, panX: 0, panY: 0 }, { layers, furniture: true });
  paintScene<Path2D>(mapCtx, scene, (d) => new Path2D(d), SCALE, FONT);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, sheet.width, sheet.height);
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#000000';
  ctx.textAlign = 'center';
  ctx.font = `30px ${FONT}`;
  ctx.fillText(title, WIDTH / 2, 46);
  ctx.textAlign = 'right';
  ctx.font = `16px ${FONT}`;
  ctx.fillText(`制图日期：${date}`, WIDTH - 16, 72);
  ctx.drawImage(map, 0, TITLE_BAND, WIDTH, HEIGHT);
  ctx.strokeStyle = '#000000';
  ctx.lineWidth = 1;
  ctx.strokeRect(0.5, TITLE_BAND + 0.5, WIDTH - 1, HEIGHT - 1);
  const blob = await new Promise<Blob | null>((resolve) => sheet.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG 生成失败，请改为导出 PDF 附件。');
  saveBlob(blob, fileName);
}
