// The live feed: one WebSocket, signed in with the token as its first message, reconnecting with backoff.
// Messages are handed on as they come; the map batches them into its next animation frame.
export function connect(path, token, handlers) {
  let socket = null;
  let delay = 500;
  let stopped = false;

  function open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}${path}`);
    socket.onopen = () => { delay = 500; socket.send(token); };
    socket.onmessage = (e) => {
      const m = JSON.parse(e.data);
      if (m.t === 'hello') handlers.hello(m);
      else if (m.t === 'states') handlers.states(m.states, m.skipped);
      else if (m.t === 'alerts') handlers.alerts(m.alerts, m.missed);
    };
    socket.onclose = (e) => {
      handlers.down(e.code, e.reason);
      if (e.code === 4401 || e.code === 4403) { handlers.unauthorized(e.reason); return; }
      if (!stopped) setTimeout(open, delay = Math.min(delay * 2, 10000));
    };
  }
  open();
  return { close() { stopped = true; if (socket) socket.close(); } };
}
