// Live video: the selected vehicle's camera beside the map, and a wall of up to 9 feeds. Each feed is
// fragmented MP4 over a WebSocket (token as the first message, as on the live feed) into Media Source
// Extensions; nothing is transcoded. A feed with no frame for NO_SIGNAL_MS shows "no signal" and
// reconnects by itself. Kept apart from the console's other modules: it reads the selection and the
// vehicle states from window.skyfleet once the console has started.
import * as api from './api.js';
import { t, has } from './i18n.js';
import { droneOnScene } from './response.js';

const NO_SIGNAL_MS = 1500;
const RETRY_MS = 1000;
// How far behind the newest frame playback may run: beyond CATCH_UP_S it plays faster, beyond JUMP_S it jumps.
const CATCH_UP_S = 0.15;
const JUMP_S = 1.0;
const WALL_MAX = 9;


const openWall = new URLSearchParams(location.hash.substring(1)).get('video') === 'grid';

/** One vehicle's live feed in a <video>, with its "no signal" veil and an overlay line. */
export class Player {
  constructor(vehicleId, container) {
    this.vehicleId = vehicleId;
    this.box = document.createElement('div');
    this.box.className = 'video-box';
    this.box.dataset.vehicleId = vehicleId;
    this.video = document.createElement('video');
    this.video.muted = true;
    this.video.autoplay = true;
    this.video.playsInline = true;
    this.caption = document.createElement('div');
    this.caption.className = 'video-caption';
    this.veil = document.createElement('div');
    this.veil.className = 'video-veil';
    this.veil.textContent = t('video.connecting');
    this.box.append(this.video, this.caption, this.veil);
    container.append(this.box);
    this.lastDataMs = 0;
    this.closed = false;
    this.connect();
    this.timer = setInterval(() => this.tick(), 250);
  }

  connect() {
    if (this.closed) return;
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/video/${encodeURIComponent(this.vehicleId)}/ws`);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => ws.send(api.token() || '');
    ws.onmessage = (e) => {
      if (typeof e.data === 'string') this.control(JSON.parse(e.data));
      else this.append(e.data);
    };
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.signal(false, e.code === 4404 ? t('video.noStream') : e.code === 4401 || e.code === 4403 ? t('video.refused') : t('video.noSignal'));
      if (!this.closed) setTimeout(() => this.connect(), e.code === 4401 || e.code === 4403 ? 10 * RETRY_MS : RETRY_MS);
    };
  }

  control(m) {
    if (m.t === 'init') this.open(m.mime);
    else if (m.t === 'status' && m.state !== 'LIVE') this.signal(false, t('video.noSignal'));
  }

  /** A new Media Source for this codec: the stream (re)started. */
  open(mime) {
    this.queue = [];
    this.buffer = null;
    if (!window.MediaSource || !MediaSource.isTypeSupported(mime)) { this.signal(false, mime); return; }
    const ms = new MediaSource();
    if (this.video.src) URL.revokeObjectURL(this.video.src);
    this.video.src = URL.createObjectURL(ms);
    ms.addEventListener('sourceopen', () => {
      this.buffer = ms.addSourceBuffer(mime);
      this.buffer.mode = 'segments';
      this.buffer.addEventListener('updateend', () => this.flush());
      this.flush();
    }, { once: true });
  }

  append(bytes) {
    if (!this.queue) return;
    this.lastDataMs = performance.now();
    this.queue.push(bytes);
    this.flush();
  }

  flush() {
    const b = this.buffer;
    if (!b || b.updating || !this.queue.length) return;
    try {
      b.appendBuffer(this.queue.length === 1 ? this.queue[0] : concat(this.queue));
      this.queue = [];
    } catch (err) {
      this.queue = []; // a full or broken buffer: wait for the next init
    }
  }

  /** Keeps to the live edge, trims what was shown, and says "no signal" when frames stop. */
  tick() {
    const v = this.video, b = v.buffered;
    if (b.length) {
      const end = b.end(b.length - 1), lag = end - v.currentTime;
      if (lag > JUMP_S || v.currentTime < b.start(0)) v.currentTime = Math.max(b.start(0), end - 0.05);
      else v.playbackRate = lag > CATCH_UP_S ? 1.5 : 1.0;
      this.lagS = lag;
      if (v.paused) v.play().catch(() => {});
      if (this.buffer && !this.buffer.updating && v.currentTime - b.start(0) > 30) {
        try { this.buffer.remove(b.start(0), v.currentTime - 10); } catch (err) { /* next tick */ }
      }
    }
    const live = this.lastDataMs && performance.now() - this.lastDataMs < NO_SIGNAL_MS;
    this.signal(live, live ? '' : (this.veil.textContent || t('video.noSignal')));
    const s = window.skyfleet && window.skyfleet.vehicles && window.skyfleet.vehicles.byId.get(this.vehicleId);
    const fixed = (x, unit) => (typeof x === 'number' ? `${Math.round(x)}${unit}` : '–');
    this.caption.textContent = `${this.vehicleId}  ${t('video.alt')} ${fixed(s && s.altRelM, ' m')}  ${t('video.hdg')} ${fixed(s && s.headingDeg, '°')}  `
      + `${t('video.bat')} ${fixed(s && s.batteryPercent, ' %')}`;
  }

  signal(live, why) {
    this.veil.hidden = live;
    if (!live && why) this.veil.textContent = why;
    if (!live && this.lastDataMs && performance.now() - this.lastDataMs >= NO_SIGNAL_MS && why !== t('video.noStream')) this.veil.textContent = t('video.noSignal');
  }

  /** What a test reads: frames decoded so far, and whether "no signal" shows. */
  state() {
    const q = this.video.getVideoPlaybackQuality ? this.video.getVideoPlaybackQuality() : { totalVideoFrames: 0 };
    return { vehicleId: this.vehicleId, frames: q.totalVideoFrames, noSignal: !this.veil.hidden, veil: this.veil.textContent, lagS: this.lagS,
      width: this.video.videoWidth, height: this.video.videoHeight };
  }

  close() {
    this.closed = true;
    clearInterval(this.timer);
    if (this.ws) { const ws = this.ws; this.ws = null; ws.close(); }
    if (this.video.src) URL.revokeObjectURL(this.video.src);
    this.box.remove();
  }
}

function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) { out.set(new Uint8Array(c), at); at += c.byteLength; }
  return out.buffer;
}

/** Sets an element's text now if the catalogue is in, and marks it for the console's translate() otherwise. */
function label(element, key) {
  element.dataset.i18n = key;
  if (has(key)) element.textContent = t(key);
}

async function streams() {
  const res = await fetch('/api/v1/video/streams', { headers: { Authorization: `Bearer ${api.token() || ''}` } });
  return res.ok ? (await res.json()).streams : [];
}

// The selected vehicle's feed, in a panel at the top of the side bar.
const panel = document.createElement('section');
panel.id = 'videoPanel';
panel.className = 'panel';
panel.hidden = true;
const heading = document.createElement('h2');
label(heading, 'video.video');
panel.append(heading);
let selected = null;

// The wall: up to 9 feeds over the map.
const wall = document.createElement('div');
wall.id = 'videoWall';
wall.hidden = true;
let wallPlayers = [];

async function showWall(on) {
  wallPlayers.forEach(p => p.close());
  wallPlayers = [];
  wall.hidden = !on;
  wall.replaceChildren();
  if (!on) return;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'video-wall-close';
  close.textContent = t('video.close');
  close.onclick = () => showWall(false);
  wall.append(close);
  const ids = (await streams()).map(s => s.vehicleId).slice(0, WALL_MAX);
  if (!ids.length) { const p = document.createElement('p'); p.textContent = t('video.none'); wall.append(p); }
  wall.dataset.count = String(ids.length);
  wallPlayers = ids.map(id => new Player(id, wall));
}

// Which vehicles stream, refreshed every few seconds: a vehicle without video opens no socket.
let streaming = new Set();
async function refreshStreaming() {
  if (!window.skyfleet || !api.token()) return; // not signed in yet
  try { streaming = new Set((await streams()).map(s => s.vehicleId)); } catch (err) { /* next time */ }
}

function follow() {
  const picked = window.skyfleet && window.skyfleet.vehicles ? window.skyfleet.vehicles.selectedId : null;
  const id = picked && streaming.has(picked) ? picked : null;
  if (id === (selected && selected.vehicleId)) return;
  if (selected) selected.close();
  selected = id ? new Player(id, panel) : null;
  panel.hidden = !selected;
}

// The incident page: each open incident in the incidents panel shows the live feeds of its drones (the one over
// its scene as first responder, those its search assigned) that stream, up to INCIDENT_FEEDS_MAX. The panel is redrawn on every poll; the feeds outlive
// the redraw (their box moves into the new incident element), so a redraw never reconnects a feed.
const INCIDENT_FEEDS_MAX = 4;
const incidentFeeds = new Map(); // incident id -> { box, players: Map(vehicle id -> Player) }

function incidentDrones() {
  const data = window.skyfleet && window.skyfleet.overlays && window.skyfleet.overlays.data;
  const out = new Map();
  for (const i of (data && data.incidents) || []) {
    if (i.state === 'INCIDENT_STATE_CLOSED') continue;
    const responder = i.type === 'INCIDENT_TYPE_MISSING_PERSON' ? null : droneOnScene(i.incident_id);
    const searching = ((i.search && i.search.assignments) || []).map(a => a.vehicle_id);
    const ids = [...new Set([responder, ...searching].filter(id => id))].filter(id => streaming.has(id));
    out.set(i.incident_id, ids.slice(0, INCIDENT_FEEDS_MAX));
  }
  return out;
}

function followIncidents() {
  const wanted = incidentDrones();
  for (const [id, feeds] of incidentFeeds) {
    if (!wanted.has(id)) { feeds.players.forEach(p => p.close()); feeds.box.remove(); incidentFeeds.delete(id); }
  }
  for (const [id, drones] of wanted) {
    let feeds = incidentFeeds.get(id);
    if (!feeds) {
      if (!drones.length) continue;
      const box = document.createElement('div');
      box.className = 'incident-feeds';
      box.dataset.incidentId = id;
      const title = document.createElement('div');
      title.classList.add('muted', 'incident-feeds-title');
      label(title, 'video.incidentFeeds');
      box.append(title);
      feeds = { box, players: new Map() };
      incidentFeeds.set(id, feeds);
    }
    for (const [v, p] of feeds.players) if (!drones.includes(v)) { p.close(); feeds.players.delete(v); }
    for (const v of drones) if (!feeds.players.has(v)) feeds.players.set(v, new Player(v, feeds.box));
    const holder = [...document.querySelectorAll('#incidents .incident')].find(e => e.dataset.incidentId === id);
    if (holder && feeds.box.parentElement !== holder) {
      holder.append(feeds.box);
      feeds.players.forEach(p => p.video.play().catch(() => { /* muted autoplay: resumes on the next frame */ }));
    }
  }
}

function install() {
  const side = document.getElementById('side');
  if (side) side.prepend(panel);
  document.getElementById('layout').append(wall);
  const button = document.createElement('button');
  button.type = 'button';
  button.id = 'videoWallButton';
  label(button, 'video.wall');
  button.onclick = () => showWall(wall.hidden);
  const bar = document.getElementById('bar');
  bar.insertBefore(button, document.getElementById('signout'));
  refreshStreaming();
  setInterval(refreshStreaming, 3000);
  setInterval(follow, 250);
  setInterval(followIncidents, 1000);
  const incidentsPanel = document.getElementById('incidents');
  if (incidentsPanel) new MutationObserver(followIncidents).observe(incidentsPanel, { childList: true });
  if (openWall) {
    const wait = setInterval(() => { if (window.skyfleet) { clearInterval(wait); showWall(true); } }, 200);
  }
  window.skyfleetVideo = {
    players: () => [selected, ...wallPlayers, ...[...incidentFeeds.values()].flatMap(f => [...f.players.values()])]
      .filter(Boolean).map(p => p.state()),
    /** The feeds shown on each incident: incident id -> vehicle ids. */
    incidentFeeds: () => Object.fromEntries([...incidentFeeds].map(([id, f]) => [id, [...f.players.keys()]])),
    showWall,
    /** The time burned into a feed's current picture and the pixel variance there, read through a canvas. */
    sample: (vehicleId) => {
      const p = [selected, ...wallPlayers].find(x => x && x.vehicleId === vehicleId);
      if (!p || !p.video.videoWidth) return null;
      const c = document.createElement('canvas');
      c.width = p.video.videoWidth;
      c.height = p.video.videoHeight;
      const g = c.getContext('2d', { willReadFrequently: true });
      g.drawImage(p.video, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let sum = 0, sq = 0;
      const n = d.length / 4;
      for (let i = 0; i < d.length; i += 4) { const y = (d[i] + d[i + 1] + d[i + 2]) / 3; sum += y; sq += y * y; }
      const mean = sum / n;
      return { variance: sq / n - mean * mean, mean, rgba: d, width: c.width };
    },
  };
}

install();
