// The alert feed: changes come over the live feed (a raise, or an acknowledgement by anyone); the
// commander acknowledges here, and the server checks the role and writes it to the audit journal.
// Each alert is rendered from its kind (the message code), subject and parameters in the console's language;
// a kind the catalogue does not know shows the server's English message.
import { acknowledge } from './api.js';
import { t, has, time, render } from './i18n.js';

const SHOWN = 100;

export function alertText(a) {
  return render('alert.msg.', a.kind, { subject: a.subject, ...(a.params || {}) }) ?? `${a.subject}: ${a.message}`;
}

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
    li.append(text('time', time(a.timeMs)), text('kind', has('alert.kind.' + a.kind) ? t('alert.kind.' + a.kind) : a.kind),
      text('msg', alertText(a)));
    if (a.ackedBy) {
      li.append(text('muted by', t('alert.ackedBy', { who: a.ackedBy.replace(/ \(.*\)$/, '') })));
    } else {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'ack';
      b.textContent = t('alert.ack');
      b.onclick = async (e) => {
        e.stopPropagation();
        b.disabled = true;
        try { this.apply([await acknowledge(a.id)]); }
        catch (err) { b.disabled = false; b.title = err.message; li.append(text('error', err.status === 403 ? t('error.notAllowed') : err.message)); }
      };
      li.append(b);
    }
    li.onclick = () => this.onSelect(a);
    return li;
  }
}
