// Vessels heard by AIS on the map, with a fishing-fleet filter. Polled through the JSON bridge
// (VesselService/ListVessels): AIS reports every few seconds at most, so a poll every 5 s shows what is known.
import * as api from './api.js';
import { t, has } from './i18n.js';

const POLL_MS = 5000;
const KNOTS_PER_M_S = 3600 / 1852;

export class VesselLayer {
  constructor(map) {
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
    this.fishingOnly = false;
    this.vessels = [];
    this.control = this.buildControl().addTo(map);
  }

  buildControl() {
    const self = this;
    const Control = L.Control.extend({
      onAdd() {
        const box = L.DomUtil.create('div', 'leaflet-bar');
        box.classList.add('vessel-control');
        box.innerHTML = '';
        const title = L.DomUtil.create('strong', '', box);
        title.textContent = t('vessels.title');
        const label = L.DomUtil.create('label', '', box);
        const check = L.DomUtil.create('input', '', label);
        check.type = 'checkbox';
        check.id = 'fishingOnly';
        label.append(' ' + t('vessels.fishingOnly'));
        check.onchange = () => { self.fishingOnly = check.checked; self.refresh(); };
        self.countText = L.DomUtil.create('div', 'muted', box);
        L.DomEvent.disableClickPropagation(box);
        return box;
      },
    });
    return new Control({ position: 'topright' });
  }

  async refresh() {
    const reply = await api.rpc('VesselService/ListVessels', { filter: { fishing_only: this.fishingOnly } });
    this.vessels = reply.vessels || [];
    this.draw();
  }

  draw() {
    this.layer.clearLayers();
    let fishing = 0;
    for (const v of this.vessels) {
      if (v.fishing) fishing++;
      if (!v.has_position) continue;
      const marker = L.circleMarker([v.position.lat_deg, v.position.lon_deg], {
        radius: 5, weight: 1, color: '#0b2942', fillOpacity: 0.9,
        fillColor: v.fishing ? '#f0b429' : '#5fa8d3',
      });
      marker.bindPopup(() => this.popup(v));
      marker.options.mmsi = v.mmsi;
      this.layer.addLayer(marker);
    }
    if (this.countText) this.countText.textContent = t('vessels.count', { shown: this.vessels.length, fishing });
  }

  popup(v) {
    const rows = [
      [t('vessels.mmsi'), v.mmsi],
      [t('vessels.callSign'), v.call_sign || '-'],
      [t('vessels.speed'), v.speed_over_ground_m_s === undefined ? '-' : t('vessels.knots', { kn: (v.speed_over_ground_m_s * KNOTS_PER_M_S).toFixed(1) })],
      [t('vessels.course'), v.course_over_ground_deg === undefined ? '-' : `${v.course_over_ground_deg.toFixed(0)}°`],
      [t('vessels.status'), navStatus(v.nav_status)],
      [t('vessels.lastHeard'), t('vessels.secondsAgo', { s: Math.round(v.last_heard_age_s) })],
    ];
    if (v.port_fleet) rows.push([t('vessels.owner'), v.port_fleet.owner], [t('vessels.homePort'), v.port_fleet.home_port]);
    const box = document.createElement('div');
    const name = document.createElement('strong');
    name.textContent = v.name || t('vessels.unnamed');
    const dl = document.createElement('dl');
    dl.className = 'kv';
    for (const [k, value] of rows) {
      const dt = document.createElement('dt'); dt.textContent = k;
      const dd = document.createElement('dd'); dd.textContent = String(value);
      dl.append(dt, dd);
    }
    box.append(name, dl);
    return box;
  }

  start() {
    const tick = () => this.refresh().catch((e) => console.warn('refresh failed', 'vessels', e.message));
    tick();
    setInterval(tick, POLL_MS);
    return this;
  }
}

/** AIS navigational status in words; the number itself for the reserved codes the catalogue does not name. */
function navStatus(code) {
  const key = 'vessels.navStatus.' + code;
  return has(key) ? t(key) : String(code);
}
