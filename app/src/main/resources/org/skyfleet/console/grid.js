// The offline background: a coordinate grid with labels, drawn on a canvas, at a spacing that keeps
// roughly 6-12 lines across the view. With a tile server configured it is drawn over the tiles, lighter.
const STEPS = [10, 5, 2, 1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005, 0.002, 0.001, 0.0005, 0.0002, 0.0001];

export const GridLayer = L.Layer.extend({
  onAdd(map) {
    this._map = map;
    this._canvas = L.DomUtil.create('canvas', 'grid-canvas');
    this._canvas.style.pointerEvents = 'none';
    map.getPane('grid').appendChild(this._canvas);
    map.on('moveend zoomend resize', this._draw, this);
    this._draw();
  },
  onRemove(map) {
    map.off('moveend zoomend resize', this._draw, this);
    this._canvas.remove();
  },
  _draw() {
    const map = this._map, size = map.getSize(), c = this._canvas;
    const ratio = window.devicePixelRatio || 1;
    c.width = size.x * ratio; c.height = size.y * ratio;
    c.style.width = size.x + 'px'; c.style.height = size.y + 'px';
    L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
    const ctx = c.getContext('2d');
    ctx.scale(ratio, ratio);
    const b = map.getBounds();
    const span = Math.max(b.getEast() - b.getWest(), b.getNorth() - b.getSouth());
    const step = STEPS.find(s => span / s >= 6) || STEPS[STEPS.length - 1];
    const digits = Math.max(0, Math.ceil(-Math.log10(step)));
    ctx.strokeStyle = 'rgba(141,160,179,0.25)';
    ctx.fillStyle = 'rgba(141,160,179,0.8)';
    ctx.font = '11px system-ui, sans-serif';
    ctx.lineWidth = 1;
    for (let lon = Math.ceil(b.getWest() / step) * step; lon <= b.getEast(); lon += step) {
      const x = Math.round(map.latLngToContainerPoint([b.getCenter().lat, lon]).x) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, size.y); ctx.stroke();
      ctx.fillText(lon.toFixed(digits) + '°', x + 3, 12);
    }
    for (let lat = Math.ceil(b.getSouth() / step) * step; lat <= b.getNorth(); lat += step) {
      const y = Math.round(map.latLngToContainerPoint([lat, b.getCenter().lng]).y) + 0.5;
      ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(size.x, y); ctx.stroke();
      ctx.fillText(lat.toFixed(digits) + '°', 3, y - 3);
    }
  },
});
