// The alert feed: changes come over the live feed (a raise, or an acknowledgement by anyone); the
// commander acknowledges here, and the server checks the role and writes it to the audit journal.
import { acknowledge } from './api.js';

const SHOWN = 100;
const time = (ms) => new Date(ms).toISOString().substring(11, 19);

export class Alerts {
  constructor(list, badge, onSelect) {
    this.list = list;
    this.badge = badge;
    this.onSelect = onSelect;
    this.byId = new Map();
    this.dirty = false;
  }

  apply(changes) {
    for (const a of changes) this.byId.set(a.id, a);
    if (!this.dirty) { this.dirty = true; requestAnimationFrame(() => { this.dirty = false; this.render(); }); }
  }

  render() {
    const all = [...this.byId.values()].sort((a, b) => b.id - a.id);
    this.badge.textContent = all.filter(a => !a.ackedBy).length;
    this.list.replaceChildren(...all.slice(0, SHOWN).map(a => this.item(a)));
  }

  item(a) {
    const li = document.createElement('li');
    li.className = `${a.severity} ${a.ackedBy ? 'acked' : 'open'}`;
    li.dataset.alertId = a.id;
    li.dataset.kind = a.kind;
    li.dataset.subject = a.subject;
    const text = (cls, s) => { const e = document.createElement('span'); e.className = cls; e.textContent = s; return e; };
    li.append(text('time', time(a.timeMs)), text('kind', a.kind.replace(/_/g, ' ').toLowerCase()),
      text('msg', `${a.subject}: ${a.message}`));
    if (a.ackedBy) {
      li.append(text('muted by', `ack ${a.ackedBy.replace(/ \(.*\)$/, '')}`));
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'ack';
      b.textContent = 'Ack';
      b.onclick = async (e) => {
        e.stopPropagation();
        b.disabled = true;
        try { this.apply([await acknowledge(a.id)]); }
        catch (err) { b.disabled = false; b.title = err.message; li.append(text('error', err.status === 403 ? 'not allowed for your role' : err.message)); }
      };
      li.append(b);
    }
    li.onclick = () => this.onSelect(a);
    return li;
  }
}
