// The console's start: sign in, build the map, open the live feed, poll the slow layers.
import * as api from './api.js';
import { connect } from './live.js';
import { GridLayer } from './grid.js';
import { Vehicles, VehicleLayer } from './vehicles.js';
import { Overlays } from './overlays.js';
import { Alerts } from './alerts.js';
import { Planner } from './planner.js';
import { renderDetails } from './details.js';
import { renderIncidents } from './incidents.js';
import * as i18n from './i18n.js';
import { t } from './i18n.js';
import { datumCrs, convert } from './datum.js';
import { VectorBasemap } from './vectortiles.js';
import { VesselLayer } from './vessels.js';
import { Gates } from './gates.js';
import { isWall, prepareWall, Wall } from './wall.js';
import { RobotLinks, signedIn } from './robots.js';
import { Pilot } from './pilot.js';
import { Replay } from './replay.js';
import { AssignmentRoutes } from './routes.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 2000;

// A link such as /console/#token=... (the demo prints one) signs in; the fragment never reaches a server log.
const fromLink = new URLSearchParams(location.hash.substring(1)).get('token');
if (fromLink) { api.setToken(fromLink); history.replaceState(null, '', location.pathname + location.search); }

let started = false;

async function signIn() {
  if (!api.token()) { askForToken(''); return; }
  try {
    const me = await api.whoami();
    $('who').textContent = t('bar.who', { subject: me.subject, role: i18n.has('role.' + me.role.toUpperCase()) ? t('role.' + me.role.toUpperCase()) : me.role });
    signedIn(me.subject, me.role);
    if (!started) { started = true; await start(); }
  } catch (e) {
    api.setToken(null);
    askForToken(e.status === 401 ? t('signin.refused', { reason: e.body.message }) : e.message);
  }
}

function askForToken(error) {
  $('signinError').textContent = error;
  if (!$('signin').open) $('signin').showModal();
}

$('signinForm').addEventListener('submit', () => { api.setToken($('token').value.trim()); $('token').value = ''; signIn(); });
$('signout').onclick = () => { api.setToken(null); location.reload(); };

let settings = null;
const BASEMAP = 'skyfleet.basemap';

async function start() {
  // The basemap named in the address (?basemap=ID: a wall's screen is set up by its link, no touch), else the one
  // chosen last time, else the first covering home decides the map's datum: everything drawn is converted to it.
  const basemaps = settings.basemaps || [];
  const covers = (b, p) => p && b.bounds && p.lon_deg >= b.bounds[0] && p.lat_deg >= b.bounds[1] && p.lon_deg <= b.bounds[2] && p.lat_deg <= b.bounds[3];
  const basemap = basemaps.find(b => b.id === new URLSearchParams(location.search).get('basemap'))
    || basemaps.find(b => b.id === localStorage.getItem(BASEMAP))
    || basemaps.find(b => covers(b, settings.home)) || basemaps[0];
  const datum = basemap ? basemap.datum : 'WGS84';
  const wall = isWall();
  if (wall) prepareWall();
  const map = L.map('map', { crs: datumCrs(datum), preferCanvas: true, zoomAnimation: false, attributionControl: basemaps.length > 0 })
    .setView(settings.home ? [settings.home.lat_deg, settings.home.lon_deg] : [51.5034, -0.1276], 14);
  map.createPane('grid').style.zIndex = 250;
  map.createPane('vehicles').style.zIndex = 450;
  const baseLayers = {};
  for (const b of basemaps) {
    // bounds: a package is asked only for tiles it can have (a miss is a 404, and a browser logs each one)
    const bounds = b.bounds ? L.latLngBounds([b.bounds[1], b.bounds[0]], [b.bounds[3], b.bounds[2]]) : undefined;
    const options = { minZoom: b.minZoom, maxZoom: 20, attribution: b.attribution, className: 'basemap', datum: b.datum, id: b.id, bounds };
    // a vector package (pbf) is drawn here from its features; a raster one is shown as its images
    const layer = b.format === 'pbf' ? new VectorBasemap(b.url, { ...options, nativeMaxZoom: b.maxZoom })
      : L.tileLayer(b.url, { ...options, maxNativeZoom: b.maxZoom });
    baseLayers[b.name] = layer;
    if (b === basemap) layer.addTo(map);
  }
  map.on('baselayerchange', (e) => {
    localStorage.setItem(BASEMAP, e.layer.options.id);
    if (e.layer.options.datum !== datum) location.reload(); // another datum: the map is projected afresh
  });
  new GridLayer().addTo(map);
  L.control.scale({ metric: true, imperial: false, maxWidth: 200 }).addTo(map);

  const vehicles = new Vehicles();
  const vehicleLayer = new VehicleLayer(vehicles).addTo(map);
  let selection = null;
  let pilot = null;
  const select = (s) => {
    selection = s;
    if (pilot && s && s.type === 'vehicle') pilot.select(s.id);
    vehicles.selectedId = s && s.type === 'vehicle' ? s.id : null;
    vehicleLayer.requestDraw();
    showDetails();
  };
  const overlays = new Overlays(map, select, baseLayers);
  const routes = new AssignmentRoutes(map, overlays.control);
  const robots = new RobotLinks(map, vehicles, overlays);
  const vessels = new VesselLayer(map).start();
  const gates = new Gates(map, wall ? null : $('gates')).start();
  const wallView = wall ? new Wall({ map, vehicles, overlays, vessels, gates, clockOffsetMs: () => vehicles.clockOffsetMs }).start() : null;
  const showDetails = () => renderDetails($('detailsBody'), selection, vehicles, overlays);
  const alerts = new Alerts($('alerts'), $('alertCount'), (a) => {
    const v = vehicles.byId.get(a.subject);
    if (v) { select({ type: 'vehicle', id: v.id }); map.panTo([v.latDeg, v.lonDeg]); }
    else if (Number.isFinite(a.latDeg)) { select({ type: 'track', id: a.subject }); map.panTo([a.latDeg, a.lonDeg]); }
  });
  const planner = new Planner(map, vehicles, {
    pattern: $('pattern'), altitude: $('altitude'), picks: $('planVehicles'), draw: $('draw'), finish: $('finish'),
    plan: $('plan'), approve: $('approve'), clear: $('clearPlan'), status: $('planStatus'),
  });

  pilot = new Pilot(map, vehicles, overlays, alerts, { panel: $('pilotBody'), warnings: $('pilotWarnings') });
  planner.onApproved = () => { $('launchPlan').disabled = false; };
  $('launchPlan').onclick = () => pilot.launch(planner.approvedIds || [], $('launchStatus'));

  const replay = new Replay(map, { subject: $('replaySubject'), load: $('replayLoad'), close: $('replayClose'),
    play: $('replayPlay'), speed: $('replaySpeed'), scrub: $('replayScrub'), time: $('replayTime'),
    status: $('replayStatus'), timeline: $('replayTimeline') });
  replay.refreshSubjects().catch(e => console.warn('refresh failed', e.message));

  map.on('click', (e) => {
    if (planner.isDrawing()) { planner.add(e.latlng); return; }
    if (pilot.wantsClick()) { pilot.click(e.latlng); return; }
    const id = vehicleLayer.hit(e.containerPoint);
    if (id) select({ type: 'vehicle', id });
  });

  // Frame the fleet as it reports in during the first seconds, until a person moves the map.
  let fitUntil = 0;
  let fitted = false;
  map.on('dragstart', () => { fitted = true; });
  $('fitAll').onclick = () => {
    fitted = true;
    const d = overlays.data, pts = [];
    for (const v of vehicles.byId.values()) if (typeof v.latDeg === 'number') pts.push([v.latDeg, v.lonDeg]);
    for (const u of d.units) if (u.position) pts.push([u.position.lat_deg, u.position.lon_deg]);
    for (const t of d.tracks) pts.push([t.position.lat_deg, t.position.lon_deg]);
    for (const i of d.incidents) if (i.location && i.state !== 'INCIDENT_STATE_CLOSED') pts.push([i.location.lat_deg, i.location.lon_deg]);
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.05), { animate: false });
  };
  let skipped = 0;
  connect(settings.livePath, api.token(), {
    hello: () => { $('feed').textContent = t('bar.feedLive'); $('feed').className = 'feed on'; },
    states: (states, missed) => {
      skipped += missed;
      vehicles.apply(states);
      if (!fitted) {
        const located = [...vehicles.byId.values()].filter(v => typeof v.latDeg === 'number');
        if (located.length) {
          if (!fitUntil) fitUntil = performance.now() + 3000;
          if (performance.now() > fitUntil) fitted = true;
          else map.fitBounds(L.latLngBounds(located.map(v => [v.latDeg, v.lonDeg])).pad(0.3), { maxZoom: 16, animate: false });
        }
      }
    },
    alerts: (changes) => alerts.apply(changes),
    down: () => { $('feed').textContent = t('bar.feedReconnecting'); $('feed').className = 'feed off'; },
    unauthorized: (reason) => { api.setToken(null); askForToken(t('signin.feedRefused', { reason })); },
  });

  // Lists and details change at a person's pace: once a second is plenty and keeps the DOM quiet.
  setInterval(() => {
    const all = [...vehicles.byId.values()];
    const lost = all.filter(v => v.link === 'LOST').length;
    $('counts').textContent = t('bar.counts', { vehicles: all.length, lost, tracks: overlays.data.tracks.length,
      officers: overlays.data.units.length, conflated: skipped });
    $('clock').textContent = t('bar.clock', { time: i18n.time(Date.now() + vehicles.clockOffsetMs), zone: i18n.timeZone() });
    renderVehicleList(all, (id) => { const v = vehicles.byId.get(id); select({ type: 'vehicle', id }); if (v && v.latDeg) map.panTo([v.latDeg, v.lonDeg]); });
    planner.refreshPicks();
    showDetails();
    pilot.tick(Date.now());
  }, 1000);

  const poll = async () => {
    try {
      await overlays.refresh();
      await routes.refresh(overlays.data.units);
      await robots.refresh();
      renderIncidents($('incidents'), overlays.data.incidents, select, poll);
    } catch (e) {
      if (e.status === 401) { api.setToken(null); askForToken(e.body.message); return; }
      console.warn('refresh failed', e.message);
    }
  };
  poll();
  setInterval(poll, POLL_MS);

  // A handle for tests and for a person at the browser's console.
  window.skyfleet = {
    map, vehicles, overlays, vessels, datum, convert, gates, wall: wallView, pilot, planner, replay, routes,
    vehicle: (id) => {
      const v = vehicles.byId.get(id);
      const drawn = vehicleLayer.drawnAt(id);
      return v && { id, link: v.link, latDeg: v.latDeg, lonDeg: v.lonDeg, x: drawn && drawn.x, y: drawn && drawn.y,
        colour: drawn && drawn.colour, pixel: drawn && vehicleLayer.pixelAt(drawn.x, drawn.y) };
    },
    ids: () => [...vehicles.byId.keys()],
    drawMs: () => vehicleLayer.drawMs.slice(),
  };
}

function renderVehicleList(all, onPick) {
  const list = $('vehicleList');
  const sorted = all.sort((a, b) => a.id.localeCompare(b.id));
  const items = sorted.slice(0, 500).map(v => {
    const li = document.createElement('li');
    li.textContent = `${v.surface ? '■' : '▲'} ${v.id}`;
    li.className = v.link === 'LOST' ? 'lost' : '';
    li.dataset.vehicleId = v.id;
    li.onclick = () => onPick(v.id);
    return li;
  });
  list.replaceChildren(...items);
}

// The words first (the sign-in dialog has some), then sign in.
(async () => {
  settings = await api.settings();
  await i18n.load(settings.timeZone);
  $('language').value = i18n.locale();
  $('language').onchange = () => i18n.choose($('language').value);
  signIn();
})();
