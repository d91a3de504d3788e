# Sourced by setup.sh: run a long step with one progress line instead of its output (issue 17 item 12: pip and
# setuptools filled the terminal with warnings at first start). The full output goes to a log; on failure its
# last lines are shown with the log's path. The log is appended to.
quiet_run() {
  local label="$1" log="$2"
  shift 2
  printf '%s\n' "$label"
  mkdir -p "$(dirname "$log")"
  "$@" >>"$log" 2>&1 && return 0
  local rc=$?
  echo "失败 / failed (exit $rc). 最后几行 / last lines of $log:" >&2
  tail -n 20 "$log" >&2
  return "$rc"
}
