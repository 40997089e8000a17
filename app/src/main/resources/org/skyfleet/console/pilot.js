// Flying from the console: the selected vehicle's lease, commands and mission, through the same RPCs as
// gRPC (the bridge opens them to the roles the server's role table names, and the server audits each with
// the signed-in person as the actor). A refusal is the server's own message, shown beside the control that
// caused it. Also the live state a pilot needs and the warning strip over the map.
import { rpc } from './api.js';
import { t, term } from './i18n.js';
import { alertText } from './alerts.js';

const LOW_BATTERY_PERCENT = 25;
// time left is counted down to the return reserve the simulator and the demo's failsafes use
const RESERVE_PERCENT = 20;
const DRAIN_WINDOW_MS = 120000;
const LEASE_TTL_S = 600;
const PREDICTION_SHOWN_MS = 60000;
const LIVE_MISSION = ['MISSION_STATE_APPROVED', 'MISSION_STATE_UPLOADING', 'MISSION_STATE_UPLOADED', 'MISSION_STATE_FLYING',
  'MISSION_STATE_PAUSED'];

let sent = 0;
const commandId = () => `console-${Date.now().toString(36)}-${(sent++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
// a control's outcome line: plain while waiting, then 'error' or 'ok'
const mark = (out, state) => { out.className = state ? `refusal ${state}` : 'refusal'; };
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };

export class Pilot {
  /** @param els panel (the pilot section's body), warnings (the strip over the map), launch (the plan's launch row) */
  constructor(map, vehicles, overlays, alerts, els) {
    this.map = map;
    this.vehicles = vehicles;
    this.overlays = overlays;
    this.alerts = alerts;
    this.els = els;
    this.vehicleId = null;
    this.lease = null;
    this.goingTo = false;
    this.drain = new Map();
    this.refusals = {};
    this.build();
  }

  /** One control: a button and, beside it, where its refusal (or its result) is shown. */
  control(parent, name, key, action, cls) {
    const box = el('span', 'ctl');
    const b = el('button', cls || '', t(key));
    b.type = 'button';
    b.id = `pilot-${name}`;
    b.onclick = () => action();
    const out = el('span', 'refusal');
    out.id = `pilot-${name}-refusal`;
    this.refusals[name] = out;
    box.append(b, out);
    parent.append(box);
    return b;
  }

  build() {
    const p = this.els.panel;
    this.status = el('dl', 'kv');
    this.status.id = 'pilotStatus';
    const lease = el('div', 'row');
    this.reason = el('input');
    this.reason.id = 'pilotReason';
    this.reason.placeholder = t('pilot.reason');
    this.reason.size = 24;
    this.control(lease, 'take', 'pilot.take', () => this.run('take', () => rpc('FleetService/AcquireControl',
      { vehicle_id: this.vehicleId, ttl_s: LEASE_TTL_S })));
    this.control(lease, 'release', 'pilot.release', () => this.run('release', () => rpc('FleetService/ReleaseControl',
      { vehicle_id: this.vehicleId })));
    this.control(lease, 'takeOver', 'pilot.takeOver', () => this.run('takeOver', () => rpc('FleetService/TakeOverControl',
      { vehicle_id: this.vehicleId, ttl_s: LEASE_TTL_S, reason: this.reason.value.trim() })));
    lease.append(this.reason);

    const fly = el('div', 'row');
    this.alt = el('input');
    this.alt.id = 'pilotAlt';
    this.alt.type = 'number'; this.alt.value = '30'; this.alt.min = '5'; this.alt.max = '120'; this.alt.step = '5';
    this.alt.title = t('pilot.alt');
    this.control(fly, 'arm', 'pilot.arm', () => this.command('arm', { arm: {} }));
    this.control(fly, 'takeoff', 'pilot.takeoff', () => this.command('takeoff', { takeoff: { alt_rel_m: Number(this.alt.value) || 30 } }));
    fly.append(this.alt);
    this.control(fly, 'goTo', 'pilot.goTo', () => this.armGoTo());
    this.control(fly, 'hold', 'pilot.hold', () => this.command('hold', { hold: {} }));
    this.control(fly, 'rtl', 'pilot.rtl', () => this.command('rtl', { return_to_launch: {} }));
    this.control(fly, 'land', 'pilot.land', () => this.command('land', { land: {} }));
    const stop = el('div', 'row');
    this.control(stop, 'stop', 'pilot.stop', () => { this.confirmBox.hidden = false; }, 'danger');
    this.confirmBox = el('span', 'confirm');
    this.confirmBox.hidden = true;
    const yes = el('button', 'danger', t('pilot.stopConfirm'));
    yes.type = 'button'; yes.id = 'pilot-stopConfirm';
    yes.onclick = () => { this.confirmBox.hidden = true; this.command('stop', { emergency_stop: { confirm_motors_stop_and_vehicle_falls: true } }); };
    const no = el('button', '', t('pilot.cancel'));
    no.type = 'button';
    no.onclick = () => { this.confirmBox.hidden = true; };
    this.confirmBox.append(yes, no);
    stop.append(this.confirmBox);

    const mission = el('div', 'row');
    this.control(mission, 'upload', 'pilot.upload', () => this.onMission('upload', 'UploadMission'));
    this.control(mission, 'start', 'pilot.start', () => this.onMission('start', 'StartMission'));
    this.control(mission, 'pause', 'pilot.pause', () => this.onMission('pause', 'PauseMission'));
    this.control(mission, 'resume', 'pilot.resume', () => this.onMission('resume', 'ResumeMission'));
    this.control(mission, 'abort', 'pilot.abort', () => this.onMission('abort', 'AbortMission', { reason: this.reason.value.trim() }));
    p.replaceChildren(this.status, lease, fly, stop, mission);
    this.show();
  }

  select(id) {
    if (id === this.vehicleId) return;
    this.vehicleId = id;
    this.lease = null;
    this.goingTo = false;
    for (const out of Object.values(this.refusals)) { out.textContent = ''; out.className = 'refusal'; }
    this.refreshLease();
    this.show();
  }

  /** Runs one action; its outcome goes beside its control: the server's refusal, the vehicle's answer, or done. */
  async run(name, work, judge) {
    const out = this.refusals[name];
    out.textContent = '…';
    out.className = 'refusal';
    try {
      const r = await work();
      const wrong = judge ? judge(r) : null;
      out.textContent = wrong || t('pilot.done');
      mark(out, wrong ? 'error' : 'ok');
    } catch (e) {
      out.textContent = e.body && e.body.message ? e.body.message : e.message;
      mark(out, 'error');
    }
    this.refreshLease();
  }

  command(name, body) {
    return this.run(name, () => rpc('FleetService/SendCommand', { command_id: commandId(), vehicle_id: this.vehicleId, ...body }),
      (r) => (r.result === 'COMMAND_RESULT_ACCEPTED' ? null
        : t('pilot.answered', { result: term(r.result), detail: r.detail || '' })));
  }

  mission() {
    return this.overlays.data.missions.filter(m => m.vehicle_id === this.vehicleId && LIVE_MISSION.includes(m.state)).pop();
  }

  onMission(name, method, extra) {
    const m = this.mission();
    if (!m) { this.refusals[name].textContent = t('pilot.noMission'); mark(this.refusals[name], 'error'); return; }
    return this.run(name, () => rpc(`MissionService/${method}`, { mission_id: m.mission_id, ...(extra || {}) }), (r) => {
      const c = r.command_result;
      return !c || c === 'COMMAND_RESULT_UNSPECIFIED' || c === 'COMMAND_RESULT_ACCEPTED'
        ? (r.mission && r.mission.state === 'MISSION_STATE_FAILED' ? term(r.mission.state) : null)
        : t('pilot.answered', { result: term(c), detail: '' });
    }).then(() => this.overlays.refresh());
  }

  armGoTo() {
    this.goingTo = true;
    this.refusals.goTo.textContent = t('pilot.clickTarget');
    this.refusals.goTo.className = 'refusal';
  }

  wantsClick() { return this.goingTo && this.vehicleId !== null; }

  /** A map click while "go to" waits: the target, at the altitude box's height above home. */
  click(latlng) {
    this.goingTo = false;
    return this.command('goTo', { go_to: { target: { lat_deg: latlng.lat, lon_deg: latlng.lng, alt_rel_m: Number(this.alt.value) || 30 } } });
  }

  async refreshLease() {
    const id = this.vehicleId;
    if (!id) return;
    try {
      const r = await rpc('FleetService/GetControl', { vehicle_id: id });
      if (id === this.vehicleId) this.lease = r.lease || null;
    } catch (e) {
      if (id === this.vehicleId) this.lease = null;
    }
  }

  /** Battery drain over the last two minutes, as minutes left to the reserve; undefined until it is measurable. */
  minutesLeft(v, now) {
    if (typeof v.batteryPercent !== 'number') return undefined;
    const samples = this.drain.get(v.id) || [];
    samples.push([now, v.batteryPercent]);
    while (samples.length > 2 && now - samples[0][0] > DRAIN_WINDOW_MS) samples.shift();
    this.drain.set(v.id, samples);
    const [t0, p0] = samples[0];
    const perMs = (p0 - v.batteryPercent) / (now - t0);
    if (!(perMs > 0) || now - t0 < 10000) return undefined;
    return Math.max(0, (v.batteryPercent - RESERVE_PERCENT) / perMs / 60000);
  }

  /** Once a second: the selected vehicle's state and lease, and the warning strip for the whole fleet. */
  tick(now) {
    for (const v of this.vehicles.byId.values()) if (v.id !== this.vehicleId) this.minutesLeft(v, now);
    this.show(now);
    this.warn(now);
    if (this.vehicleId && (now - (this.leaseAt || 0)) >= 2000) { this.leaseAt = now; this.refreshLease(); }
  }

  show(now) {
    const v = this.vehicleId && this.vehicles.byId.get(this.vehicleId);
    this.els.panel.classList.toggle('idle', !v);
    if (!v) { this.status.replaceChildren(el('dd', 'muted', t('pilot.pick'))); return; }
    const left = this.minutesLeft(v, now || Date.now());
    const m = this.mission();
    const rows = [
      ['pilot.vehicle', v.id],
      ['pilot.mode', `${v.mode || '?'} · ${t(v.armed ? 'pilot.armed' : 'pilot.disarmed')}`],
      ['pilot.battery', typeof v.batteryPercent !== 'number' ? undefined : left === undefined
        ? t('pilot.batteryValue', { percent: v.batteryPercent.toFixed(0) })
        : t('pilot.batteryLeft', { percent: v.batteryPercent.toFixed(0), min: left.toFixed(0), reserve: RESERVE_PERCENT })],
      ['pilot.link', v.link === 'LOST' ? t('pilot.linkLost', { s: Math.round(this.vehicles.silenceS(v)) })
        : t('pilot.linkAge', { ms: typeof v.positionAgeMs === 'number' ? v.positionAgeMs : '?' })],
      ['pilot.mission', m ? t('pilot.missionValue', { id: m.mission_id, state: term(m.state), done: m.items_done || 0,
        total: (m.items || []).length }) : t('pilot.noMission')],
      ['pilot.lease', this.lease ? t('pilot.leaseHeld', { subject: this.lease.holder_subject, role: this.lease.holder_role })
        : t('pilot.leaseNone')],
    ];
    const nodes = [];
    for (const [k, value] of rows) {
      if (value === undefined) continue;
      const dd = el('dd', '', value);
      dd.dataset.field = k.substring(6);
      nodes.push(el('dt', '', t(k)), dd);
    }
    this.status.replaceChildren(...nodes);
  }

  warn(now) {
    const items = [];
    for (const v of this.vehicles.byId.values()) {
      if (v.link === 'LOST') items.push(['lost', t('pilot.warn.linkLost', { id: v.id })]);
      else if (typeof v.batteryPercent === 'number' && v.batteryPercent < LOW_BATTERY_PERCENT) {
        items.push(['battery', t('pilot.warn.lowBattery', { id: v.id, percent: v.batteryPercent.toFixed(0) })]);
      }
    }
    for (const a of this.alerts.byId.values()) {
      if (a.kind === 'GEOFENCE_PREDICTED_BREACH' && !a.ackedBy && now + this.vehicles.clockOffsetMs - a.timeMs < PREDICTION_SHOWN_MS) {
        items.push(['fence', alertText(a)]);
      }
    }
    const strip = this.els.warnings;
    strip.hidden = items.length === 0;
    strip.replaceChildren(...items.slice(0, 6).map(([kind, text]) => { const s = el('span', `warn ${kind}`, text); return s; }));
  }

  /**
   * The plan's approved missions launched together: each vehicle's lease taken (kept if this person holds it),
   * then one LaunchMissions call that uploads, arms and starts them all, with a line per vehicle.
   */
  async launch(missionIds, out) {
    out.textContent = '…';
    out.className = 'muted';
    await this.overlays.refresh(); // the missions just approved, with their vehicles
    const missions = missionIds.map(id => this.overlays.data.missions.find(m => m.mission_id === id)).filter(Boolean);
    const lines = [];
    for (const m of missions) {
      try { await rpc('FleetService/AcquireControl', { vehicle_id: m.vehicle_id, ttl_s: LEASE_TTL_S }); } catch (e) {
        lines.push(t('pilot.launchLease', { vehicle: m.vehicle_id, error: e.body && e.body.message ? e.body.message : e.message }));
      }
    }
    try {
      const r = await rpc('MissionService/LaunchMissions', { mission_ids: missionIds, arm_before_start: true });
      for (const x of r.results) {
        lines.push(x.started ? t('pilot.launched', { vehicle: x.vehicle_id, id: x.mission_id })
          : t('pilot.notLaunched', { vehicle: x.vehicle_id || x.mission_id, error: x.refusal }));
      }
      out.className = r.results.every(x => x.started) ? 'ok' : 'error';
    } catch (e) {
      lines.push(e.body && e.body.message ? e.body.message : e.message);
      out.className = 'error';
    }
    out.textContent = lines.join('\n');
    this.overlays.refresh();
  }
}
