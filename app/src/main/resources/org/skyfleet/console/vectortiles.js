// A vector tile package (Mapbox Vector Tiles, format pbf) drawn in the browser: each tile is fetched from the
// server (which sends it gzip-encoded, the browser inflates it), read with the vendored @mapbox/vector-tile, and
// painted on a canvas by layer name. Tiles come by the package's own grid, like a raster basemap's, so the
// datum rules are the same: the map's CRS (datum.js) moves everything else onto the package's datum.
// Past the package's deepest zoom the parent tile's features are drawn larger, so lines stay sharp.
import { VectorTile, PbfReader } from './vendor/mvt.js';

const TILE_PX = 256;
const SEA = '#0e2233';
// Areas, painted in this order (later over earlier); a layer not named here is drawn as a plain area or line.
const FILLS = [['land', '#1c2631'], ['landuse', '#1c2631'], ['green', '#1f3629'], ['park', '#213a2c'],
  ['landcover', '#1d3326'], ['water', '#12324c'], ['building', '#2e3b4b']];
const ROADS = { major: ['#5b6b7d', 16], minor: ['#425163', 8], path: ['#3a4a3f', 3] };
const ROAD_LAYERS = new Set(['road', 'roads', 'transportation']);
const LABEL_LAYERS = new Set(['label', 'place', 'place_label', 'water_name']);
const COAST = '#4a6a86';

/** The metres a pixel spans at a latitude and zoom (Web Mercator). */
function metresPerPx(latDeg, z) { return 156543.034 * Math.cos(latDeg * Math.PI / 180) / 2 ** z; }

export const VectorBasemap = L.GridLayer.extend({
  options: { nativeMaxZoom: 18 },

  initialize(url, options) {
    this._url = url;
    L.GridLayer.prototype.initialize.call(this, options);
  },

  createTile(coords, done) {
    const canvas = L.DomUtil.create('canvas', 'vectortile');
    canvas.width = canvas.height = TILE_PX;
    const z = Math.min(coords.z, this.options.nativeMaxZoom);
    const scale = 2 ** (coords.z - z);
    const x = Math.floor(coords.x / scale), y = Math.floor(coords.y / scale);
    const url = L.Util.template(this._url, { z, x, y });
    fetch(url).then(async (r) => {
      // a tile the package does not have is sea (the server answers 404 at once)
      const tile = r.ok ? new VectorTile(new PbfReader(new Uint8Array(await r.arrayBuffer()))) : null;
      this._draw(canvas, tile, coords, scale, (coords.x - x * scale) * TILE_PX, (coords.y - y * scale) * TILE_PX);
      done(null, canvas);
    }).catch((e) => done(e, canvas));
    return canvas;
  },

  _draw(canvas, tile, coords, scale, offsetX, offsetY) {
    const g = canvas.getContext('2d');
    g.fillStyle = SEA;
    g.fillRect(0, 0, TILE_PX, TILE_PX);
    if (!tile) return;
    const path = (layer, i) => {
      const f = layer.feature(i);
      const k = TILE_PX * scale / layer.extent;
      g.beginPath();
      for (const ring of f.loadGeometry()) {
        ring.forEach((p, j) => (j ? g.lineTo : g.moveTo).call(g, p.x * k - offsetX, p.y * k - offsetY));
      }
      return f;
    };
    const names = Object.keys(tile.layers);
    const filled = new Set();
    for (const [name, colour] of FILLS) {
      const layer = tile.layers[name];
      if (!layer) continue;
      filled.add(name);
      g.fillStyle = colour;
      for (let i = 0; i < layer.length; i++) {
        if (layer.feature(i).type === 3) { path(layer, i); g.fill('evenodd'); }
      }
      if (name === 'land') { // the coast: land's outline where it meets the sea
        g.strokeStyle = COAST; g.lineWidth = 1;
        for (let i = 0; i < layer.length; i++) { if (layer.feature(i).type === 3) { path(layer, i); g.stroke(); } }
      }
    }
    const latDeg = 90 - 360 * Math.atan(Math.exp(-(1 - 2 * (coords.y + 0.5) / 2 ** coords.z) * Math.PI)) / Math.PI;
    const mPerPx = metresPerPx(latDeg, coords.z);
    g.lineCap = g.lineJoin = 'round';
    for (const cls of ['path', 'minor', 'major']) {
      for (const name of names.filter(n => ROAD_LAYERS.has(n))) {
        const layer = tile.layers[name];
        for (let i = 0; i < layer.length; i++) {
          const c = layer.feature(i).properties.class;
          if ((ROADS[c] ? c : 'minor') !== cls) continue;
          g.strokeStyle = ROADS[cls][0];
          g.lineWidth = Math.max(1, ROADS[cls][1] / mPerPx);
          path(layer, i); g.stroke();
        }
      }
    }
    // Layers this console has no style for are still shown, plainly: an area filled faintly, a line thin.
    for (const name of names.filter(n => !filled.has(n) && !ROAD_LAYERS.has(n) && !LABEL_LAYERS.has(n))) {
      const layer = tile.layers[name];
      g.fillStyle = 'rgba(120,140,160,0.15)'; g.strokeStyle = 'rgba(120,140,160,0.5)'; g.lineWidth = 1;
      for (let i = 0; i < layer.length; i++) {
        const type = layer.feature(i).type;
        if (type === 3) { path(layer, i); g.fill('evenodd'); } else if (type === 2) { path(layer, i); g.stroke(); }
      }
    }
    g.font = '12px system-ui, sans-serif';
    g.textAlign = 'center'; g.textBaseline = 'middle';
    g.lineWidth = 3; g.strokeStyle = SEA; g.fillStyle = '#c9d6e3';
    for (const name of names.filter(n => LABEL_LAYERS.has(n))) {
      const layer = tile.layers[name];
      for (let i = 0; i < layer.length; i++) {
        const f = layer.feature(i);
        const text = f.properties['name:zh'] || f.properties.name;
        if (f.type !== 1 || !text) continue;
        const k = TILE_PX * scale / layer.extent;
        for (const ring of f.loadGeometry()) {
          for (const p of ring) {
            g.strokeText(text, p.x * k - offsetX, p.y * k - offsetY);
            g.fillText(text, p.x * k - offsetX, p.y * k - offsetY);
          }
        }
      }
    }
  },
});
