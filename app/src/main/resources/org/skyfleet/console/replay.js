// Replay: an incident or a mission played back from stored history. The server sends the window, the
// timeline (codes and parameters) and every vehicle's and unit's track already thinned to a point budget;
// here each is interpolated in time, so the map shows where everything was at the replay time and the
// trail behind it, and the timeline lists only what had happened by then. Play at 1x..60x or scrub.
import { rpc } from './api.js';
import { t, term, time } from './i18n.js';
import { timelineText } from './incidents.js';

export const SPEEDS = [1, 2, 5, 10, 30, 60];
const VEHICLE_COLOUR = '#4cc9f0';
const UNIT_COLOUR = '#f0b429';

/** The index of the last point at or before tMs (-1 when none): binary search, the points being in time order. */
function lastAtOrBefore(points, tMs) {
  let lo = 0, hi = points.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].t <= tMs) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

/** Where a track puts its subject at tMs, linearly between its points; null before its first point. */
export function positionAt(points, tMs) {
  const i = lastAtOrBefore(points, tMs);
  if (i < 0) return null;
  if (i === points.length - 1) return { lat: points[i].lat, lon: points[i].lon };
  const a = points[i], b = points[i + 1];
  const f = b.t > a.t ? (tMs - a.t) / (b.t - a.t) : 0;
  return { lat: a.lat + f * (b.lat - a.lat), lon: a.lon + f * (b.lon - a.lon) };
}

export class Replay {
  /** @param el the panel's controls by role: subject, load, play, speed, scrub, time, status, timeline */
  constructor(map, el) {
    this.map = map;
    this.el = el;
    this.layer = L.layerGroup().addTo(map);
    this.replay = null;
    this.tracks = [];
    this.nowMs = 0;
    this.playing = false;
    this.speed = 1;
    for (const s of SPEEDS) {
      const o = document.createElement('option');
      o.value = String(s);
      o.textContent = t('replay.speed', { speed: s });
      el.speed.append(o);
    }
    el.speed.onchange = () => { this.speed = Number(el.speed.value); };
    el.load.onclick = () => this.loadChosen();
    el.play.onclick = () => (this.playing ? this.pause() : this.play());
    el.scrub.oninput = () => { this.pause(); this.seek(this.fromMs + Number(el.scrub.value)); };
    el.subject.onfocus = () => this.refreshSubjects();
    el.close.onclick = () => this.clear();
  }

  /** Offers every incident (open and closed) and mission to replay. */
  async refreshSubjects() {
    const [incidents, missions] = await Promise.all([rpc('IncidentService/ListIncidents', { include_closed: true }),
      rpc('MissionService/ListMissions')]);
    const chosen = this.el.subject.value;
    const options = [];
    for (const i of incidents.incidents || []) {
      options.push(this.option(`incident:${i.incident_id}`, t('replay.incident', { id: i.incident_id,
        subject: i.subject_description || term(i.type), state: term(i.state) })));
    }
    for (const m of missions.missions || []) {
      options.push(this.option(`mission:${m.mission_id}`, t('replay.mission', { id: m.mission_id, vehicle: m.vehicle_id,
        state: term(m.state) })));
    }
    this.el.subject.replaceChildren(...options);
    if (options.some(o => o.value === chosen)) this.el.subject.value = chosen;
  }

  option(value, text) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    return o;
  }

  loadChosen() {
    const [kind, ...rest] = (this.el.subject.value || '').split(':');
    if (kind) this.load(kind, rest.join(':'));
  }

  /** Fetches a replay ('incident' or 'mission' and its id) and shows its start. */
  async load(kind, id) {
    this.pause();
    this.el.status.className = 'muted';
    this.el.status.textContent = t('replay.loading');
    try {
      const answer = kind === 'mission' ? await rpc('ReplayService/GetMissionReplay', { mission_id: id })
        : await rpc('ReplayService/GetIncidentReplay', { incident_id: id });
      this.show(answer.replay);
      this.el.status.textContent = t('replay.loaded', { tracks: this.tracks.length, points: this.replay.points || 0,
        from: time(this.fromMs), to: time(this.toMs) }) + (this.replay.open ? ' ' + t('replay.stillOpen') : '');
    } catch (e) {
      this.el.status.className = 'error';
      this.el.status.textContent = e.status === 403 ? t('error.notAllowed') : e.message;
    }
  }

  show(replay) {
    this.replay = replay;
    this.fromMs = Date.parse(replay.from);
    this.toMs = Date.parse(replay.to);
    this.timeline = (replay.timeline || []).map(e => ({ ...e, ms: Date.parse(e.time) })).sort((a, b) => a.ms - b.ms);
    this.layer.clearLayers();
    this.shownCount = undefined;
    this.tracks = (replay.tracks || []).filter(tr => (tr.points || []).length).map(tr => {
      const unit = tr.subject === 'REPLAY_SUBJECT_UNIT';
      const colour = unit ? UNIT_COLOUR : VEHICLE_COLOUR;
      const points = tr.points.map(p => ({ t: Number(p.time_unix_ms), lat: p.lat_deg, lon: p.lon_deg }));
      const style = { color: colour, weight: 2, opacity: 0.8, dashArray: unit ? '4 4' : null };
      // the trail up to the last point passed changes only when a point is passed; the head, from it to the
      // subject, changes every frame: a frame redraws two points per track, not the whole trail
      const trail = L.polyline([], style).addTo(this.layer);
      const head = L.polyline([], style).addTo(this.layer);
      const marker = L.circleMarker([points[0].lat, points[0].lon], { radius: unit ? 6 : 7, color: '#0b1320', weight: 2,
        fillColor: colour, fillOpacity: 1 }).bindTooltip(tr.subject_id);
      return { id: tr.subject_id, unit, points, trail, head, marker, passed: -2 };
    });
    const all = this.tracks.flatMap(tr => tr.points.map(p => [p.lat, p.lon]));
    if (all.length) this.map.fitBounds(L.latLngBounds(all).pad(0.2), { animate: false, maxZoom: 17 });
    this.el.scrub.min = '0';
    this.el.scrub.max = String(Math.max(0, this.toMs - this.fromMs));
    this.el.scrub.step = '100';
    this.el.scrub.disabled = false;
    this.el.play.disabled = false;
    this.el.close.disabled = false;
    this.seek(this.fromMs);
  }

  /** Shows the replay at tMs (clamped to its window): positions, trails, and the timeline until then. */
  seek(tMs) {
    if (!this.replay) return;
    this.nowMs = Math.min(this.toMs, Math.max(this.fromMs, tMs));
    this.el.scrub.value = String(this.nowMs - this.fromMs);
    this.el.time.textContent = t('replay.at', { time: time(this.nowMs), speed: this.speed });
    for (const tr of this.tracks) {
      const at = positionAt(tr.points, this.nowMs);
      const i = lastAtOrBefore(tr.points, this.nowMs);
      if (i !== tr.passed) {
        tr.trail.setLatLngs(tr.points.slice(0, i + 1).map(p => [p.lat, p.lon]));
        tr.passed = i;
      }
      tr.head.setLatLngs(at && i >= 0 ? [[tr.points[i].lat, tr.points[i].lon], [at.lat, at.lon]] : []);
      tr.at = at;
      if (at) {
        tr.marker.setLatLng([at.lat, at.lon]);
        if (!this.layer.hasLayer(tr.marker)) tr.marker.addTo(this.layer);
      } else if (this.layer.hasLayer(tr.marker)) this.layer.removeLayer(tr.marker);
    }
    this.renderTimeline();
  }

  renderTimeline() {
    const shown = this.timeline.filter(e => e.ms <= this.nowMs);
    if (shown.length === this.shownCount) return; // the DOM only changes when an entry comes or goes
    this.shownCount = shown.length;
    this.el.timeline.replaceChildren(...shown.map(e => {
      const li = document.createElement('li');
      li.dataset.code = e.code || '';
      li.dataset.timeMs = String(e.ms);
      li.textContent = `${time(e.ms)} ${timelineText(e)}`;
      return li;
    }));
    if (shown.length) this.el.timeline.lastElementChild.scrollIntoView({ block: 'nearest' });
  }

  play() {
    if (!this.replay) return;
    if (this.nowMs >= this.toMs) this.seek(this.fromMs);
    this.playing = true;
    this.el.play.textContent = t('replay.pause');
    let last = performance.now();
    const step = (now) => {
      if (!this.playing) return;
      this.seek(this.nowMs + (now - last) * this.speed);
      last = now;
      if (this.nowMs >= this.toMs) { this.pause(); return; }
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  }

  pause() {
    this.playing = false;
    this.el.play.textContent = t('replay.play');
  }

  /** Leaves the replay: the live map alone again. */
  clear() {
    this.pause();
    this.replay = null;
    this.tracks = [];
    this.shownCount = undefined;
    this.layer.clearLayers();
    this.el.timeline.replaceChildren();
    this.el.status.textContent = '';
    this.el.time.textContent = '';
    this.el.scrub.disabled = true;
    this.el.play.disabled = true;
    this.el.close.disabled = true;
  }

  /** Where a subject is drawn now (WGS84 and map pixels), for tests and a person at the browser's console. */
  drawnAt(id) {
    const tr = this.tracks.find(x => x.id === id);
    if (!tr || !tr.at || !this.layer.hasLayer(tr.marker)) return null;
    const ll = tr.marker.getLatLng();
    const px = this.map.latLngToContainerPoint(ll);
    return { latDeg: ll.lat, lonDeg: ll.lng, x: px.x, y: px.y, trailPoints: tr.trail.getLatLngs().length + (tr.head.getLatLngs().length ? 1 : 0) };
  }
}
