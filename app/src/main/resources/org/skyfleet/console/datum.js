// Basemap datums, as fleet-core's org.skyfleet.fleet.geo does it in Java (same formulas, same iterations):
// SkyFleet's positions are WGS-84; a basemap drawn in GCJ-02 (AMap, Tencent) or BD-09 (Baidu) would show
// them 300-600 m off. datumCrs() gives Leaflet a projection that converts every point it draws to the
// basemap's datum before projecting it, and every click back (iteratively), so vehicles, zones, plans and
// clicks all sit on the right street with no code of their own. WGS-84 and CGCS2000 (Tianditu) need nothing.
const A = 6378245.0;
const EE = 0.00669342162296594323;
const X_PI = Math.PI * 3000.0 / 180.0;

export const DATUMS = ['WGS84', 'GCJ02', 'BD09'];

function inChina(lat, lon) { return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271; }

function offsetNorth(x, y) {
  let d = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  d += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  d += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
  d += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
  return d;
}

function offsetEast(x, y) {
  let d = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  d += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
  d += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
  d += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
  return d;
}

export function wgs84ToGcj02(lat, lon) {
  if (!inChina(lat, lon)) return [lat, lon];
  const x = lon - 105.0, y = lat - 35.0, rad = lat * Math.PI / 180;
  const magic = 1 - EE * Math.sin(rad) * Math.sin(rad), sqrtMagic = Math.sqrt(magic);
  const dLat = offsetNorth(x, y) * 180.0 / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
  const dLon = offsetEast(x, y) * 180.0 / (A / sqrtMagic * Math.cos(rad) * Math.PI);
  return [lat + dLat, lon + dLon];
}

export function gcj02ToBd09(lat, lon) {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
  return [z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065];
}

/** Fixed-point inverse of a forward map f: x(k+1) = x(k) - (f(x(k)) - target). */
function invert(f, lat, lon, start, toleranceDeg, steps) {
  let [a, b] = start;
  for (let i = 0; i < steps; i++) {
    const [fa, fb] = f(a, b);
    const ea = fa - lat, eb = fb - lon;
    if (Math.abs(ea) < toleranceDeg && Math.abs(eb) < toleranceDeg) break;
    a -= ea; b -= eb;
  }
  return [a, b];
}

export function gcj02ToWgs84(lat, lon) { return invert(wgs84ToGcj02, lat, lon, [lat, lon], 1e-8, 30); }

export function bd09ToGcj02(lat, lon) {
  const x = lon - 0.0065, y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
  return invert(gcj02ToBd09, lat, lon, [z * Math.sin(theta), z * Math.cos(theta)], 1e-9, 20);
}

/** [lat, lon] from one datum to another; unchanged outside China's box. */
export function convert(from, to, lat, lon) {
  if (from === to || !inChina(lat, lon)) return [lat, lon]; // abroad, Baidu draws in WGS-84 too
  let wgs = from === 'GCJ02' ? gcj02ToWgs84(lat, lon)
    : from === 'BD09' ? gcj02ToWgs84(...bd09ToGcj02(lat, lon)) : [lat, lon];
  if (to === 'GCJ02') return wgs84ToGcj02(...wgs);
  if (to === 'BD09') return gcj02ToBd09(...wgs84ToGcj02(...wgs));
  return wgs;
}

/** Web Mercator (EPSG:3857) as Leaflet has it, seen through a datum: WGS-84 in and out, the basemap's datum on the tiles. */
export function datumCrs(datum) {
  if (!DATUMS.includes(datum) || datum === 'WGS84') return L.CRS.EPSG3857;
  const mercator = L.Projection.SphericalMercator;
  const projection = {
    bounds: mercator.bounds,
    project(latlng) { const [a, b] = convert('WGS84', datum, latlng.lat, latlng.lng); return mercator.project(L.latLng(a, b)); },
    unproject(point) { const g = mercator.unproject(point); const [a, b] = convert(datum, 'WGS84', g.lat, g.lng); return L.latLng(a, b); },
  };
  return L.extend({}, L.CRS.EPSG3857, { projection, code: 'EPSG:3857+' + datum });
}
