#!/usr/bin/env bash
# contrib/prometheus: the scrape config and the alert rules pass promtool with no finding, every
# alert has unit tests where it fires and where it stays quiet (and they pass), and the rules name
# only metrics pebble exposes.
source "$(dirname "$0")/lib.sh"
dir="$PEBBLE_SOURCE_DIR/contrib/prometheus"
command -v promtool >/dev/null || { echo "SKIPPED: promtool is not installed (package prometheus)" >&2; [ "${CI:-}" = "true" ] && exit 1; exit 77; }

# promtool_clean NAME ARGS...: promtool must succeed and say nothing but SUCCESS lines.
promtool_clean() {
  local name=$1 output
  shift
  output=$(promtool "$@" 2>&1) || { fail "$name: $output"; return; }
  grep -qi 'warn' <<<"$output" && fail "$name warns: $output"
  return 0
}
promtool_clean "promtool check config" check config "$dir/prometheus.yml"
promtool_clean "promtool check rules" check rules --lint=all --lint-fatal "$dir/pebble.rules.yml"
promtool_clean "promtool test rules" test rules "$dir/pebble.rules.test.yml"

# The scrape jobs, every alert tested both ways, and the alerts the operator guide promises.
python3 - "$dir" <<'PY' || fail "structure of contrib/prometheus (see above)"
import sys, yaml
folder = sys.argv[1]
problems = []
config = yaml.safe_load(open(f"{folder}/prometheus.yml"))
jobs = {job["job_name"]: job for job in config["scrape_configs"]}
targets = lambda job: [t for sc in job.get("static_configs", []) for t in sc["targets"]]
if "localhost:9466" not in targets(jobs.get("pebble", {})):
    problems.append("prometheus.yml: job pebble must scrape localhost:9466 (pebble serve)")
if jobs.get("pushgateway", {}).get("honor_labels") is not True:
    problems.append("prometheus.yml: job pushgateway needs honor_labels: true")
if jobs.get("pebble", {}).get("honor_labels"):
    problems.append("prometheus.yml: job pebble must not honor labels")
if "pebble.rules.yml" not in config.get("rule_files", []):
    problems.append("prometheus.yml: rule_files must load pebble.rules.yml")

rules = yaml.safe_load(open(f"{folder}/pebble.rules.yml"))
alerts = {rule["alert"]: rule["expr"] for group in rules["groups"] for rule in group["rules"] if "alert" in rule}
tests = yaml.safe_load(open(f"{folder}/pebble.rules.test.yml"))
fires, quiet = set(), set()
for case in tests["tests"]:
    for check in case.get("alert_rule_test", []):
        (fires if check.get("exp_alerts") else quiet).add(check["alertname"])
for alert in alerts:
    if alert not in fires:
        problems.append(f"pebble.rules.test.yml: no case where {alert} fires")
    if alert not in quiet:
        problems.append(f"pebble.rules.test.yml: no case where {alert} stays quiet")
for metric in ["pebble_job_last_success_timestamp_seconds", "feed_polls_total", "pebble_feeds",
               "pebble_store_up", "pebble_pushgateway_push_failures_total"]:
    if not any(metric in expr for expr in alerts.values()):
        problems.append(f"pebble.rules.yml: no alert on {metric}")
if problems:
    print("\n".join(problems))
sys.exit(1 if problems else 0)
PY

# Alert text: failing feeds are not disabled. Only HTTP 410 disables a feed (SPEC §6); a text that
# says otherwise sends the operator looking for a disabling that never happened.
python3 - "$dir/pebble.rules.yml" <<'PY' || fail "alert text says failing feeds are disabled (see above)"
import re, sys, yaml
rules = yaml.safe_load(open(sys.argv[1]))
problems = []
for group in rules["groups"]:
    for rule in group["rules"]:
        text = " ".join(str(value) for value in rule.get("annotations", {}).values())
        if re.search(r"fail\w*[^.;]{0,40}\b(are|is|get|gets|become|becomes) disabled", text, re.I):
            problems.append(f"{rule.get('alert')}: says failing feeds are disabled: {text}")
        if "disabled" in rule.get("expr", "") and "410" not in text:
            problems.append(f"{rule.get('alert')}: explains disabled feeds without naming HTTP 410")
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY

# Every metric the rules name is in pebble's catalogue, as the binary itself lists it.
write_catalogue "$work/catalogue.json"
names=$(python3 "$PEBBLE_SOURCE_DIR/tests/cli/promql_names.py" "$work/catalogue.json" "$dir/pebble.rules.yml") ||
  fail "alert rules use names pebble does not expose: $names"

finish
