// Calls to the server with the signed-in bearer token. The token lives in sessionStorage: it goes with
// the tab, not the browser profile.
const KEY = 'skyfleet.token';

export class ApiError extends Error {
  constructor(status, body) {
    super(`${status} ${body && body.message ? body.message : ''}`.trim());
    this.status = status;
    this.body = body;
  }
}

export function token() { return sessionStorage.getItem(KEY); }
export function setToken(t) { if (t) sessionStorage.setItem(KEY, t); else sessionStorage.removeItem(KEY); }

async function request(method, path, body) {
  const headers = { 'Authorization': `Bearer ${token() || ''}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  const json = text ? JSON.parse(text) : {};
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

/** A unary gRPC method through the server's JSON bridge, e.g. rpc('MissionService/PlanMission', {...}). */
export function rpc(method, body) { return request('POST', `/api/v1/rpc/skyfleet.v1.${method}`, body || {}); }
export function whoami() { return request('GET', '/api/v1/console/whoami'); }
export function acknowledge(alertId) { return request('POST', `/api/v1/console/alerts/${alertId}/ack`, {}); }
export async function settings() { return (await fetch('/api/v1/console/settings')).json(); }
