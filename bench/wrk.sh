#!/usr/bin/env bash
# Drives a running Gongfu with wrk on loopback: each path, then /actuator/health under the same load right after it,
# at each connection count; prints one Markdown table row per path and load with req/s, p50 / p99 and the ratio to
# health — the figures docs/benchmarks.md states its goals in.
#
#   bench/wrk.sh [--base URL] [--user NAME] [--password P] [--connections "16 64"] [--duration 20s] [--threads 2] PATH...
#
# --user none reads the paths anonymously (the public portal). wrk is Debian's package (apt-get install wrk); the
# sign-in is the form's, with curl, and wrk sends the session's cookie with every request. Non-2xx answers are
# counted and printed (a redirect to /login means the session was refused).
set -euo pipefail

base=http://localhost:8080 user=leader password=gongfu-demo connections="16 64" duration=20s threads=2
paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --user) user=$2; shift 2 ;;
    --password) password=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) paths+=("$1"); shift ;;
  esac
done
[ ${#paths[@]} -gt 0 ] || { echo "usage: $0 [options] PATH..." >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }

cookie_header=()
if [ "$user" != none ]; then
  jar=$(mktemp)
  trap 'rm -f "$jar"' EXIT
  csrf=$(curl -fsS -c "$jar" "$base/login" | sed -n 's/.*name="_csrf"[[:space:]]*value="\([^"]*\)".*/\1/p' | head -n 1)
  [ -n "$csrf" ] || { echo "no CSRF token on $base/login" >&2; exit 1; }
  curl -fsS -o /dev/null -b "$jar" -c "$jar" --data-urlencode "username=$user" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf" "$base/login"
  session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -n 1)
  [ -n "$session" ] || { echo "signing in as $user gave no session" >&2; exit 1; }
  cookie_header=(-H "Cookie: JSESSIONID=$session")
fi

# "req/s p50_ms p99_ms non2xx" from wrk's --latency output
measure() {
  local out
  out=$(wrk -t"$threads" -c"$1" -d"$duration" --latency "${@:3}" "$base$2")
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
    /Non-2xx or 3xx responses/ { bad = $NF }
    END { printf "%s %.0f %.0f %d\n", rps, p50, p99, bad + 0 }' <<<"$out"
}

echo "| path | connections | req/s | p50 / p99 ms | non-2xx | health req/s | ratio |"
echo "|---|---|---|---|---|---|---|"
for c in $connections; do
  for p in "${paths[@]}"; do
    read -r rps p50 p99 bad < <(measure "$c" "$p" "${cookie_header[@]}")
    read -r hrps _ _ _ < <(measure "$c" /actuator/health)
    ratio=$(awk -v a="$rps" -v b="$hrps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
    echo "| \`$p\` | $c | $rps | $p50 / $p99 | $bad | $hrps | $ratio |"
  done
done
