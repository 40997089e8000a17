// The console's words and times. Every string a person reads comes from a catalogue (i18n/<locale>.json),
// chosen from the person's own choice (kept in this browser) or else the browser's languages; the server's
// API stays language-neutral (codes plus parameters), so the text is made here. Times are shown in the
// command centre's zone (a server setting), not the browser's: a wall in Ningbo reads Asia/Shanghai.
export const LOCALES = ['zh-CN', 'en'];
const CHOSEN = 'skyfleet.locale';
let messages = {};
let current = 'en';
let zone = 'UTC';
let clock = null;

/** The locale for a list of browser languages, a stored choice first. */
export function pick(languages, chosen) {
  if (LOCALES.includes(chosen)) return chosen;
  for (const l of languages || []) {
    if (/^zh\b/i.test(l)) return 'zh-CN';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** Loads the catalogue and translates the page's marked elements. */
export async function load(timeZone) {
  current = pick(navigator.languages || [navigator.language], localStorage.getItem(CHOSEN));
  zone = timeZone || 'UTC';
  clock = new Intl.DateTimeFormat(current, { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  messages = await (await fetch(`i18n/${current}.json`)).json();
  document.documentElement.lang = current;
  translate(document);
}

export function locale() { return current; }
export function timeZone() { return zone; }

/** Remembers a person's language and reloads the page in it (the token stays in this tab's session). */
export function choose(l) { localStorage.setItem(CHOSEN, l); location.reload(); }

export function has(key) { return Object.prototype.hasOwnProperty.call(messages, key); }

/** The message for a key with its {name} placeholders filled; the key itself if the catalogue lacks it. */
export function t(key, params) {
  if (!has(key)) { console.warn('no message for', key); return key; }
  const m = messages[key];
  return params ? m.replace(/\{(\w+)\}/g, (_, n) => (params[n] ?? '')) : m;
}

/** An API enum value (UNIT_STATUS_AVAILABLE) in words; the value itself if unknown. */
export function term(value) { return !value ? '' : has('enum.' + value) ? t('enum.' + value) : String(value); }

/** A time (epoch ms, an ISO string or a Date) as hh:mm:ss in the command centre's zone. */
export function time(t) {
  if (t === undefined || t === null || t === '') return '';
  const d = t instanceof Date ? t : new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : clock.format(d);
}

// Parameters that name an API enum in its domain spelling, and the enum's prefix.
const ENUM_PARAMS = { type: 'INCIDENT_TYPE_', priority: 'INCIDENT_PRIORITY_', target_class: 'TARGET_CLASS_',
  mission_state: 'MISSION_STATE_' };
const TIME_PARAMS = ['deadline'];

/**
 * A message rendered from a code and its parameters (timeline entries, alerts): enum values in words,
 * times in the zone; a key with a ".bare" variant is used bare when a parameter it shows is empty.
 * Null if the catalogue has no such code (the caller then shows the server's English text).
 */
export function render(prefix, code, params) {
  const key = prefix + code;
  if (!has(key)) return null;
  const p = { ...(params || {}) };
  for (const [name, enumPrefix] of Object.entries(ENUM_PARAMS)) if (p[name]) p[name] = term(enumPrefix + p[name]);
  for (const name of TIME_PARAMS) if (p[name]) p[name] = time(p[name]);
  const empty = [...messages[key].matchAll(/\{(\w+)\}/g)].some(([, n]) => !p[n]);
  return t(empty && has(key + '.bare') ? key + '.bare' : key, p);
}

/** Fills elements marked data-i18n (text), data-i18n-title and data-i18n-placeholder under a root. */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t(e.dataset.i18nTitle); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  if (root.title !== undefined && has('page.title')) root.title = t('page.title');
}
