#!/usr/bin/env bash
# Takes docs/console.png: the commander console during the missing-person demo, in headless Chromium
# at 1920x1080, driven through chromedriver's W3C WebDriver API with curl. Needs chromium and
# chromium-driver (see .ci/run). Runs the demo on its own ports so it does not meet another one.
#   docs/console-screenshot.sh [OUT.png]     WAIT_FOR='regex on the demo output'  MAX_WAIT_S=240
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/console.png}"
wait_for="${WAIT_FOR:-unit acknowledged}"
max_wait_s="${MAX_WAIT_S:-240}"
http_port="${HTTP_PORT:-19190}"
driver_port="${DRIVER_PORT:-19515}"
log="$(mktemp)"
demo=""; driver=""; session=""
api="http://127.0.0.1:$driver_port"
cleanup() {
  if [ -n "$session" ]; then curl -s -X DELETE "$api/session/$session" >/dev/null || true; fi
  for pid in $driver $demo; do kill "$pid" 2>/dev/null || true; done
  rm -f "$log"
}
trap cleanup EXIT

./skyfleet demo --scenario scenarios/missing-person-forested-hill.json --time-scale 30 --call \
  --grpc-port 50151 --mavlink-port 14650 --http-port "$http_port" >"$log" 2>&1 &
demo=$!
url=""
for _ in $(seq 1 300); do
  url="$(grep -o "http://127.0.0.1:$http_port/console/#token=[^ ]*" "$log" || true)"
  [ -n "$url" ] && break
  sleep 1
done
[ -n "$url" ] || { echo "the demo printed no console link:" >&2; cat "$log" >&2; exit 1; }

/usr/bin/chromedriver --port="$driver_port" >/dev/null 2>&1 &
driver=$!
for _ in $(seq 1 50); do curl -sf "$api/status" >/dev/null && break; sleep 0.2; done
json() { python3 -c "import json,sys; v=json.load(sys.stdin)['value']; print($1)"; }
session="$(curl -s -X POST "$api/session" -H 'Content-Type: application/json' -d '{"capabilities":{"alwaysMatch":{
  "goog:chromeOptions":{"binary":"/usr/bin/chromium","args":["--headless=new","--window-size=1920,1080","--no-sandbox",
  "--disable-dev-shm-usage","--disable-gpu","--force-device-scale-factor=1"]}}}}' | json "v['sessionId']")"
# the window's frame is not page: grow the window until the page is 1920x1080
frame="$(curl -s -X POST "$api/session/$session/execute/sync" -H 'Content-Type: application/json' \
  -d '{"script":"return window.outerHeight - window.innerHeight;","args":[]}' | json "v")"
curl -s -X POST "$api/session/$session/window/rect" -H 'Content-Type: application/json' \
  -d "{\"width\":1920,\"height\":$((1080 + frame))}" >/dev/null
curl -s -X POST "$api/session/$session/url" -H 'Content-Type: application/json' -d "{\"url\":\"$url\"}" >/dev/null

waited=0
until grep -Eq "$wait_for" "$log" || [ "$waited" -ge "$max_wait_s" ]; do sleep 2; waited=$((waited + 2)); done
sleep 3  # one more poll of the slow layers, then frame everything as a person would with "Fit all"
fit="$(curl -s -X POST "$api/session/$session/element" -H 'Content-Type: application/json' \
  -d '{"using":"css selector","value":"#fitAll"}' | json "list(v.values())[0]")"
curl -s -X POST "$api/session/$session/element/$fit/click" -H 'Content-Type: application/json' -d '{}' >/dev/null
sleep 1
curl -s "$api/session/$session/screenshot" | python3 -c \
  "import base64,json,sys; sys.stdout.buffer.write(base64.b64decode(json.load(sys.stdin)['value']))" >"$out"
echo "wrote $out after ${waited}s (waited for /$wait_for/); the demo's last lines:"
tail -n 15 "$log"
