// Every vehicle on one canvas. States arrive in bursts from the feed; they only update the models and
// mark the layer dirty, and the canvas is redrawn at most once per animation frame, so 500 vehicles at
// 4 updates a second each cost one draw per frame, not 2,000 DOM updates a second.
import { t } from './i18n.js';

const TRAIL_POINTS = 40;
const COLOURS = { ok: '#4fb3ff', ground: '#c792ea', warn: '#f0b429', crit: '#ef4e4e', lost: '#7b8794' };

export class Vehicles {
  constructor() {
    this.byId = new Map();
    this.clockOffsetMs = 0;   // server clock minus browser clock, from the states' serverTimeMs
    this.selectedId = null;
    this.listeners = [];
  }

  /** Applies a batch of states from the feed. */
  apply(states) {
    for (const s of states) {
      let v = this.byId.get(s.id);
      if (!v) { v = { trail: [] }; this.byId.set(s.id, v); }
      Object.assign(v, s);
      if (s.serverTimeMs) this.clockOffsetMs = s.serverTimeMs - Date.now();
      if (typeof s.latDeg === 'number') {
        const last = v.trail[v.trail.length - 1];
        if (!last || last.lat !== s.latDeg || last.lng !== s.lonDeg) {
          // each trail point keeps its projection at the zoom it was last drawn at: projected once, not every frame
          v.trail.push({ lat: s.latDeg, lng: s.lonDeg, zoom: -1, x: 0, y: 0 });
          if (v.trail.length > TRAIL_POINTS) v.trail.shift();
        }
      }
    }
    this.listeners.forEach(l => l());
  }

  /** Seconds since the vehicle was last heard, on the server's clock. */
  silenceS(v) {
    return v.lastHeartbeatMs ? Math.max(0, (Date.now() + this.clockOffsetMs - v.lastHeartbeatMs) / 1000) : null;
  }

  colour(v) {
    if (v.link === 'LOST') return COLOURS.lost;
    if (v.batteryPercent !== undefined && v.batteryPercent < 12) return COLOURS.crit;
    if (v.batteryPercent !== undefined && v.batteryPercent < 25) return COLOURS.warn;
    return v.surface ? COLOURS.ground : COLOURS.ok;
  }

  onChange(l) { this.listeners.push(l); }
}

export const VehicleLayer = L.Layer.extend({
  initialize(vehicles) { this._vehicles = vehicles; this._frame = null; this._drawn = new Map(); this.drawMs = []; },

  onAdd(map) {
    this._map = map;
    this._canvas = L.DomUtil.create('canvas', 'vehicle-canvas');
    this._canvas.style.pointerEvents = 'none';
    map.getPane('vehicles').appendChild(this._canvas);
    map.on('move zoom resize', this.requestDraw, this);
    this._vehicles.onChange(() => this.requestDraw());
    this._tick = setInterval(() => this.requestDraw(), 1000);  // the "lost for N s" labels keep counting
    this.requestDraw();
  },

  onRemove(map) {
    map.off('move zoom resize', this.requestDraw, this);
    clearInterval(this._tick);
    this._canvas.remove();
  },

  requestDraw() {
    if (this._frame === null) {
      this._frame = L.Util.requestAnimFrame(() => {
        this._frame = null;
        const t0 = performance.now();
        this._draw();
        this.drawMs.push(performance.now() - t0);   // the last few hundred draws, for anyone checking smoothness
        if (this.drawMs.length > 600) this.drawMs.splice(0, 300);
      });
    }
  },

  /** The vehicle whose icon is under a container point, if any. */
  hit(point) {
    let best = null, bestD = 14 * 14;
    for (const [id, p] of this._drawn) {
      const d = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
      if (d < bestD) { best = id; bestD = d; }
    }
    return best;
  },

  /** Where each vehicle was last drawn, in container pixels (for tests and hit-testing). */
  drawnAt(id) { return this._drawn.get(id); },

  pixelAt(x, y) {
    const r = window.devicePixelRatio || 1;
    return Array.from(this._canvas.getContext('2d').getImageData(Math.round(x * r), Math.round(y * r), 1, 1).data);
  },

  _draw() {
    const map = this._map, size = map.getSize(), c = this._canvas, r = window.devicePixelRatio || 1;
    if (c.width !== size.x * r || c.height !== size.y * r) {
      c.width = size.x * r; c.height = size.y * r;
      c.style.width = size.x + 'px'; c.style.height = size.y + 'px';
    }
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    const ctx = c.getContext('2d');
    ctx.setTransform(r, 0, 0, r, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const all = [...this._vehicles.byId.values()].filter(v => typeof v.latDeg === 'number');
    const labels = all.length <= 80 || map.getZoom() >= 16;
    const bounds = map.getBounds().pad(0.1);
    this._drawn.clear();
    // Drawn in batches by colour, one path per colour for the trails and one for the icons, so the
    // canvas gets a handful of fill/stroke calls per frame however many vehicles there are.
    const trails = new Map(), icons = new Map();
    const zoom = map.getZoom();
    // projected pixels to container pixels: minus the pixel origin, plus where the map pane has been dragged to
    const offset = L.point(0, 0).subtract(map.containerPointToLayerPoint([0, 0])).subtract(map.getPixelOrigin());
    const batch = (m, colour) => { let p = m.get(colour); if (!p) { p = new Path2D(); m.set(colour, p); } return p; };
    for (const v of all) {
      if (!bounds.contains([v.latDeg, v.lonDeg])) continue;
      const colour = this._vehicles.colour(v);
      const p = map.latLngToContainerPoint([v.latDeg, v.lonDeg]);
      this._drawn.set(v.id, { x: p.x, y: p.y, colour });
      if (v.trail.length >= 2) {
        const path = batch(trails, colour);
        v.trail.forEach((t, i) => {
          if (t.zoom !== zoom) { const q = map.project(t, zoom); t.x = q.x; t.y = q.y; t.zoom = zoom; }
          if (i === 0) path.moveTo(t.x + offset.x, t.y + offset.y); else path.lineTo(t.x + offset.x, t.y + offset.y);
        });
      }
      this._icon(batch(icons, colour), v, p);
    }
    ctx.lineWidth = 1.5;
    for (const [colour, path] of trails) { ctx.strokeStyle = colour + '88'; ctx.stroke(path); }
    ctx.strokeStyle = '#0f1620';
    for (const [colour, path] of icons) { ctx.fillStyle = colour; ctx.fill(path); ctx.stroke(path); }
    const selected = this._drawn.get(this._vehicles.selectedId);
    if (selected) {
      ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 2;
      ctx.beginPath(); ctx.arc(selected.x, selected.y, 13, 0, 2 * Math.PI); ctx.stroke();
    }
    for (const v of all) {
      const p = this._drawn.get(v.id);
      if (p && (labels || v.id === this._vehicles.selectedId)) this._label(ctx, v, p);
    }
  },

  /** Adds a vehicle's icon, turned to its heading, to a path: a drone's arrowhead or a robot's square with a nose. */
  _icon(path, v, p) {
    const h = ((v.headingDeg || 0) * Math.PI) / 180, c = Math.cos(h), s = Math.sin(h);
    const shape = v.surface ? [[-6, -6], [6, -6], [6, 6], [-6, 6], null, [-4, -6], [0, -11], [4, -6]]
      : [[0, -11], [8, 8], [0, 4], [-8, 8]];
    let first = true;
    for (const pt of shape) {
      if (pt === null) { path.closePath(); first = true; continue; }
      const x = p.x + pt[0] * c - pt[1] * s, y = p.y + pt[0] * s + pt[1] * c;
      if (first) { path.moveTo(x, y); first = false; } else path.lineTo(x, y);
    }
    path.closePath();
  },

  _label(ctx, v, p) {
    const parts = [v.id];
    if (!v.surface && typeof v.altRelM === 'number') parts.push(`${Math.round(v.altRelM)} m`);
    if (typeof v.batteryPercent === 'number') parts.push(`${Math.round(v.batteryPercent)} %`);
    if (v.link === 'LOST') parts.push(t('vehicle.lostFor', { s: Math.round(this._vehicles.silenceS(v) || 0) }));
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = v.link === 'LOST' ? '#7b8794' : '#dde6ef';
    ctx.fillText(parts.join(' · '), p.x + 12, p.y + 4);
  },
});
