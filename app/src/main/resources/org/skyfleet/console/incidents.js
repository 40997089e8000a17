// Open incidents with their timelines; a search waiting for a person can be approved or rejected here.
import { rpc } from './api.js';
import { short } from './overlays.js';

export function renderIncidents(el, incidents, onSelect, refresh) {
  const open = incidents.filter(i => i.state !== 'INCIDENT_STATE_CLOSED');
  if (open.length === 0) { el.textContent = 'none open'; el.className = 'muted'; return; }
  el.className = '';
  el.replaceChildren(...open.map(i => {
    const box = document.createElement('div');
    box.className = 'incident';
    box.dataset.incidentId = i.incident_id;
    const head = document.createElement('div');
    head.textContent = `${i.incident_id} · ${short(i.priority)} · ${i.subject_description || short(i.type)}`;
    head.style.cursor = 'pointer';
    head.onclick = () => onSelect({ type: 'incident', id: i.incident_id });
    box.append(head);
    if (i.search && i.search.state) {
      const s = document.createElement('div');
      s.className = 'muted';
      s.textContent = `search: ${short(i.search.state)}, ${(i.search.assignments || []).length} drones, `
        + `${Math.round(100 * (i.search.cumulative_probability_of_success || 0))} % searched`;
      box.append(s);
      if (i.search.state === 'SEARCH_STATE_AWAITING_APPROVAL') {
        const row = document.createElement('div');
        row.className = 'row';
        const status = document.createElement('span');
        for (const [label, method] of [['Approve search', 'ApproveSearch'], ['Reject search', 'RejectSearch']]) {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = label;
          b.onclick = async () => {
            try { await rpc(`IncidentService/${method}`, { incident_id: i.incident_id, reason: 'decided in the console' }); refresh(); }
            catch (e) { status.className = 'error'; status.textContent = e.status === 403 ? 'not allowed for your role' : e.message; }
          };
          row.append(b);
        }
        row.append(status);
        box.append(row);
      }
    }
    // sightings come by the dozen: counted, while the steps a commander follows are listed
    const timeline = i.timeline || [];
    const sightings = timeline.filter(t => t.kind === 'TIMELINE_KIND_SIGHTING').length;
    if (sightings) {
      const s = document.createElement('div');
      s.className = 'muted';
      s.textContent = `${sightings} sightings, ${(i.track_ids || []).length} tracks`;
      box.append(s);
    }
    const ol = document.createElement('ol');
    for (const t of timeline.filter(e => e.kind !== 'TIMELINE_KIND_SIGHTING').slice(-20).reverse()) {
      const li = document.createElement('li');
      li.textContent = `${(t.time || '').substring(11, 19)} ${t.text}`;
      ol.append(li);
    }
    box.append(ol);
    return box;
  }));
}
