#!/usr/bin/env bash
# e2e-click.sh [TALUS]: the end-to-end click test (TAP).
# Starts the built talus in the current X display and D-Bus session (build-aux/dev test provides
# both), asks it where the lateral ankle is drawn (TALUS_DEBUG_PRINT_POINTS=1 prints window
# coordinates of each region's hit point), clicks there with xdotool, reads the selected region
# back from the exported window action over D-Bus, and quits the app through app.quit.
set -u

talus=${1:-${TALUS_BINARY:-}}
bus_name=io.github.talusanatomy.Talus
app_path=/io/github/talusanatomy/Talus
log=$(mktemp)
pid=

cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  fi
  rm -f "$log"
}
trap cleanup EXIT

echo "1..1"
fail() {
  echo "not ok 1 - click on the lateral ankle selects lateral-ankle: $*"
  sed 's/^/# talus: /' "$log"
  exit 1
}

[[ -x $talus ]] || fail "no talus binary at '$talus'"
[[ -n ${DISPLAY:-} ]] || fail "DISPLAY is not set (run under build-aux/dev test or xvfb-run)"
[[ -n ${DBUS_SESSION_BUS_ADDRESS:-} ]] || fail "no session bus (run under dbus-run-session)"
for tool in xdotool gdbus; do
  command -v $tool >/dev/null || fail "$tool not found"
done

TALUS_DEBUG_PRINT_POINTS=1 "$talus" >"$log" 2>&1 &
pid=$!

for _ in $(seq 1 200); do
  grep -q '^TALUS_POINTS_DONE' "$log" && break
  kill -0 "$pid" 2>/dev/null || fail "talus exited early"
  sleep 0.1
done
grep -q '^TALUS_POINTS_DONE' "$log" || fail "talus printed no points within 20 s"

read -r x y < <(awk '$1 == "TALUS_POINT" && $2 == "lateral-ankle" { print $3, $4 }' "$log")
[[ -n ${x:-} && -n ${y:-} ]] || fail "no point for lateral-ankle"

wid=$(xdotool search --sync --onlyvisible --name '^Talus$' 2>/dev/null | head -n 1)
[[ -n $wid ]] || fail "no visible window named Talus"

xdotool mousemove --window "$wid" "$x" "$y" sleep 0.3 click 1 || fail "xdotool could not click"

state=
for _ in $(seq 1 30); do
  state=$(gdbus call --session --dest $bus_name --object-path $app_path/window/1 \
            --method org.gtk.Actions.Describe select-region 2>&1)
  [[ $state == *"'lateral-ankle'"* ]] && break
  sleep 0.1
done
[[ $state == *"'lateral-ankle'"* ]] || fail "clicked at $x,$y; select-region is: $state"

gdbus call --session --dest $bus_name --object-path $app_path \
  --method org.gtk.Actions.Activate quit '[]' '{}' >/dev/null || fail "app.quit over D-Bus failed"

for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "talus did not quit after app.quit"
wait "$pid"
status=$?
pid=
[[ $status -eq 0 ]] || fail "talus exited with status $status"

echo "ok 1 - click on the lateral ankle at $x,$y selects lateral-ankle ($state)"
