// The layout map on screen: the shared scene painted on a canvas. During a drag or a wheel
// the painted canvas is only moved and scaled by CSS (the compositor keeps up at any county
// size); when the gesture pauses, the scene is drawn again at the new zoom, crisp and with
// symbols at their own size. Legend, scale bar and north arrow sit on a second canvas above.
// Measured in tests/bench/map.ts; why canvas and not SVG elements: docs/ARCHITECTURE.md.
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { drawMap, hitAt, hitsInBox, mapFurniture, paintScene, type LonLat, type MapDrawing, type MapLayer, type MapScene, type MapView, type SceneHit } from '@shared/map';

export interface MapClick {
  at: LonLat;
  hit: SceneHit | null;
}

interface Props {
  drawing: MapDrawing;
  layers: ReadonlySet<MapLayer>;
  selected: string | null;
  /** A school to bring into view (search); changes of the object re-centre. */
  focus: { at: LonLat } | null;
  crosshair: boolean;
  onClick: (click: MapClick) => void;
  /** When given, a drag with Shift held draws a box and hands over the villages inside it instead of panning. */
  onBoxSelect?: ((villages: string[]) => void) | undefined;
  height: number;
}

const FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
/** Pause after the last wheel or move before the crisp redraw. */
const SETTLE_MS = 160;
const MIN_ZOOM = 0.5;
const MAX_ZOOM = 40;

interface Gesture {
  /** CSS offset and scale on top of the painted view, in px. */
  dx: number;
  dy: number;
  k: number;
}

const NO_GESTURE: Gesture = { dx: 0, dy: 0, k: 1 };

function useWidth(ref: React.RefObject<HTMLDivElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    observer.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function MapCanvas({ drawing, layers, selected, focus, crosshair, onClick, onBoxSelect, height }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const mapCanvas = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box);
  const [zoom, setZoom] = useState({ zoom: 1, panX: 0, panY: 0 });
  const gesture = useRef<Gesture>(NO_GESTURE);
  const settleTimer = useRef<number | undefined>(undefined);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  /** A box being dragged, corners in px of the map. */
  const [selectBox, setSelectBox] = useState<{ from: [number, number]; to: [number, number] } | null>(null);

  const view: MapView = useMemo(() => ({ width: Math.max(1, width), height, ...zoom }), [width, height, zoom]);
  const scene: MapScene = useMemo(() => drawMap(drawing, view, { layers, furniture: false, selected }), [drawing, view, layers, selected]);

  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useEffect(() => {
    const canvas = mapCanvas.current;
    const top = overlay.current;
    if (!canvas || !top || width === 0) return;
    for (const c of [canvas, top]) {
      c.width = Math.round(view.width * ratio);
      c.height = Math.round(view.height * ratio);
    }
    const ctx = canvas.getContext('2d');
    if (ctx) paintScene<Path2D>(ctx, scene, (d) => new Path2D(d), ratio, FONT);
    canvas.style.transform = '';
    gesture.current = NO_GESTURE;
    const ctxTop = top.getContext('2d');
    if (ctxTop) {
      ctxTop.setTransform(1, 0, 0, 1, 0, 0);
      ctxTop.clearRect(0, 0, top.width, top.height);
      const furniture = { ...scene, items: mapFurniture(drawing, view, { layers, furniture: true }, scene.metresPerPx) };
      paintScene<Path2D>(ctxTop, furniture, (d) => new Path2D(d), ratio, FONT, false);
    }
  }, [scene, ratio, width, view, drawing, layers]);

  // Bring a searched school into view at a zoom where names are written.
  useEffect(() => {
    if (!focus || !scene.projection) return;
    const p = scene.projection.point(focus.at);
    if (!p) return;
    const k = Math.max(zoom.zoom, 4) / zoom.zoom;
    setZoom((z) => ({ zoom: z.zoom * k, panX: view.width / 2 - (p[0] - z.panX) * k, panY: view.height / 2 - (p[1] - z.panY) * k }));
    // Only a new focus moves the map, not each redraw: the effect reads the scene of the moment.
  }, [focus]);

  const applyGesture = () => {
    const canvas = mapCanvas.current;
    const g = gesture.current;
    if (canvas) canvas.style.transform = `translate(${g.dx}px, ${g.dy}px) scale(${g.k})`;
    window.clearTimeout(settleTimer.current);
    settleTimer.current = window.setTimeout(() => {
      const done = gesture.current;
      setZoom((z) => ({ zoom: z.zoom * done.k, panX: z.panX * done.k + done.dx, panY: z.panY * done.k + done.dy }));
    }, SETTLE_MS);
  };

  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const rect = box.current?.getBoundingClientRect();
    if (!rect) return;
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const g = gesture.current;
    const factor = Math.exp(-e.deltaY * 0.0015);
    const total = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom.zoom * g.k * factor)) / (zoom.zoom * g.k);
    // Keep the point under the cursor where it is.
    gesture.current = { k: g.k * total, dx: x - (x - g.dx) * total, dy: y - (y - g.dy) * total };
    applyGesture();
  };
  const wheelRef = useRef(onWheel);
  wheelRef.current = onWheel;
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // A passive React listener cannot stop the page from scrolling: attach it directly.
    const listener = (e: WheelEvent) => wheelRef.current(e);
    el.addEventListener('wheel', listener, { passive: false });
    return () => el.removeEventListener('wheel', listener);
  }, []);

  const local = (e: ReactPointerEvent<HTMLDivElement>): [number, number] => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top];
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    if (onBoxSelect && e.shiftKey) {
      const at = local(e);
      setSelectBox({ from: at, to: at });
      return;
    }
    drag.current = { x: e.clientX, y: e.clientY, moved: false };
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (selectBox) {
      const to = local(e);
      setSelectBox((b) => (b ? { ...b, to } : b));
      return;
    }
    const d = drag.current;
    if (!d) return;
    const mx = e.clientX - d.x;
    const my = e.clientY - d.y;
    if (!d.moved && Math.hypot(mx, my) < 4) return;
    d.moved = true;
    d.x = e.clientX;
    d.y = e.clientY;
    const g = gesture.current;
    gesture.current = { ...g, dx: g.dx + mx, dy: g.dy + my };
    applyGesture();
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (selectBox) {
      setSelectBox(null);
      // The scene on screen is the settled one: a box is only drawn between gestures.
      const villages = hitsInBox(scene, 'village', selectBox.from, local(e));
      onBoxSelect?.(villages);
      return;
    }
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved || !scene.projection) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const at = scene.projection.invert(x, y);
    if (at) onClick({ at, hit: hitAt(scene, x, y) });
  };

  const zoomBy = (factor: number) => {
    const g = gesture.current;
    const x = view.width / 2;
    const y = view.height / 2;
    gesture.current = { k: g.k * factor, dx: x - (x - g.dx) * factor, dy: y - (y - g.dy) * factor };
    applyGesture();
  };

  return (
    <div
      ref={box}
      className={`map-canvas-box${crosshair ? ' placing' : ''}`}
      style={{ height }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      data-testid="map-canvas"
      data-schools={scene.drawn.schools}
      data-villages={scene.drawn.villages}
      data-townships={drawing.townships.length}
      data-rings={scene.items.filter((i) => i.group === 'rings').length}
      data-zoom={zoom.zoom.toFixed(2)}
    >
      <canvas ref={mapCanvas} className="map-canvas" style={{ width: view.width, height: view.height }} />
      <canvas ref={overlay} className="map-overlay" style={{ width: view.width, height: view.height }} />
      {selectBox && (
        <div
          className="map-box-select"
          data-testid="map-box-select"
          style={{
            left: Math.min(selectBox.from[0], selectBox.to[0]),
            top: Math.min(selectBox.from[1], selectBox.to[1]),
            width: Math.abs(selectBox.to[0] - selectBox.from[0]),
            height: Math.abs(selectBox.to[1] - selectBox.from[1]),
          }}
        />
      )}
      <div className="map-zoom-buttons" onPointerDown={(e) => e.stopPropagation()}>
        <button type="button" onClick={() => zoomBy(1.6)} aria-label="放大">
          +
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.6)} aria-label="缩小">
          −
        </button>
        <button type="button" onClick={() => setZoom({ zoom: 1, panX: 0, panY: 0 })} aria-label="全县" data-testid="map-reset">
          ⌂
        </button>
      </div>
    </div>
  );
}
