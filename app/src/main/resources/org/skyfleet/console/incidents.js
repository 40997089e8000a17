// Open incidents with their timelines; a search waiting for a person can be approved or rejected here.
// Timeline entries are rendered from their code and parameters in the console's language; an entry the
// catalogue has no message for (written before codes, or by a newer server) shows the server's text.
import { rpc } from './api.js';
import { t, term, time, render } from './i18n.js';
import { etaText, openAssignments } from './routes.js';

export function timelineText(e) {
  if (e.code === 'NOTE' || !e.code) return e.text;
  return render('timeline.', e.code, e.params) ?? e.text;
}

export function renderIncidents(el, incidents, onSelect, refresh) {
  const open = incidents.filter(i => i.state !== 'INCIDENT_STATE_CLOSED');
  if (open.length === 0) { el.textContent = t('incidents.noneOpen'); el.className = 'muted'; return; }
  el.className = '';
  el.replaceChildren(...open.map(i => {
    const box = document.createElement('div');
    box.className = 'incident';
    box.dataset.incidentId = i.incident_id;
    const head = document.createElement('div');
    head.textContent = t('incidents.head', { id: i.incident_id, priority: term(i.priority), subject: i.subject_description || term(i.type) });
    head.style.cursor = 'pointer';
    head.onclick = () => onSelect({ type: 'incident', id: i.incident_id });
    box.append(head);
    if (i.search && i.search.state) {
      const s = document.createElement('div');
      s.className = 'muted';
      s.textContent = t('incidents.search', { state: term(i.search.state), drones: (i.search.assignments || []).length,
        percent: Math.round(100 * (i.search.cumulative_probability_of_success || 0)) });
      box.append(s);
      if (i.search.state === 'SEARCH_STATE_AWAITING_APPROVAL') {
        const row = document.createElement('div');
        row.className = 'row';
        const status = document.createElement('span');
        for (const [label, method] of [['incidents.approveSearch', 'ApproveSearch'], ['incidents.rejectSearch', 'RejectSearch']]) {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = t(label);
          b.onclick = async () => {
            // the reason goes to the audit journal, in the API's language
            try { await rpc(`IncidentService/${method}`, { incident_id: i.incident_id, reason: 'decided in the console' }); refresh(); }
            catch (e) { status.className = 'error'; status.textContent = e.status === 403 ? t('error.notAllowed') : e.message; }
          };
          row.append(b);
        }
        row.append(status);
        box.append(row);
      }
    }
    // the unit sent and how soon, by road or by the named straight-line fallback
    for (const a of openAssignments(i.incident_id)) {
      const r = document.createElement('div');
      r.className = 'route-eta';
      r.dataset.assignmentId = a.assignment_id;
      r.textContent = t('route.incidentLine', { unit: a.unit_id, eta: etaText(a) });
      box.append(r);
    }
        // sightings come by the dozen: counted, while the steps a commander follows are listed
    const timeline = i.timeline || [];
    const sightings = timeline.filter(e => e.kind === 'TIMELINE_KIND_SIGHTING').length;
    if (sightings) {
      const s = document.createElement('div');
      s.className = 'muted';
      s.textContent = t('incidents.sightings', { sightings, tracks: (i.track_ids || []).length });
      box.append(s);
    }
    const ol = document.createElement('ol');
    for (const e of timeline.filter(x => x.kind !== 'TIMELINE_KIND_SIGHTING').slice(-20).reverse()) {
      const li = document.createElement('li');
      li.dataset.code = e.code || '';
      li.textContent = `${time(e.time)} ${timelineText(e)}`;
      ol.append(li);
    }
    box.append(ol);
    return box;
  }));
}
