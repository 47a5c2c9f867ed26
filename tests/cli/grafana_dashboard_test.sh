#!/usr/bin/env bash
# contrib/grafana/pebble-dashboard.json: it parses, its panels are well formed and query the
# dashboard's Prometheus data source, it shows what the operator guide promises, its PromQL is
# valid (promtool) and names only metrics in pebble's catalogue, as the binary itself lists it.
source "$(dirname "$0")/lib.sh"
dashboard="$PEBBLE_SOURCE_DIR/contrib/grafana/pebble-dashboard.json"
checker="$PEBBLE_SOURCE_DIR/tests/cli/promql_names.py"

python3 - "$dashboard" "$work/expressions" <<'PY' || fail "dashboard structure (see above)"
import json, sys
problems = []
dashboard = json.load(open(sys.argv[1], encoding="utf-8"))
variables = {v["name"]: v for v in dashboard.get("templating", {}).get("list", [])}
if variables.get("datasource", {}).get("query") != "prometheus":
    problems.append("no 'datasource' variable of type prometheus")
panels = dashboard.get("panels", [])
ids = [p["id"] for p in panels]
if len(ids) != len(set(ids)):
    problems.append("panel ids repeat")
expressions = []
for panel in panels:
    grid = panel.get("gridPos", {})
    if grid.get("x", 0) + grid.get("w", 0) > 24 or grid.get("w", 0) <= 0 or grid.get("h", 0) <= 0:
        problems.append(f"panel {panel.get('title')}: bad gridPos {grid}")
    if panel["type"] == "row":
        continue
    if panel.get("datasource", {}).get("uid") != "${datasource}":
        problems.append(f"panel {panel['title']}: data source is not ${{datasource}}")
    targets = panel.get("targets", [])
    if not targets or any(not t.get("expr", "").strip() for t in targets):
        problems.append(f"panel {panel['title']}: a target without a query")
    if len({t["refId"] for t in targets}) != len(targets):
        problems.append(f"panel {panel['title']}: refIds repeat")
    expressions += [t["expr"] for t in targets]
everything = "\n".join(expressions)
for wanted in ["sum by (status)", "feed_polls_total", "histogram_quantile(0.9", "feed_poll_duration_seconds_bucket",
               "increase(feed_items_discovered_total", "max by (state) (pebble_feeds)", "import_jobs_total",
               "export_operations_total", "pebble_job_last_success_timestamp_seconds", "push_time_seconds"]:
    if wanted not in everything:
        problems.append(f"no panel queries {wanted}")
with open(sys.argv[2], "w") as out:
    out.write(json.dumps(expressions))
if problems:
    print("\n".join(problems))
sys.exit(1 if problems else 0)
PY

# The checker itself must catch a wrong name and a wrong function, or its silence means nothing.
write_catalogue "$work/catalogue.json"
printf '{"panels": [{"targets": [{"expr": "rate(feed_pols_total[5m])"}, {"expr": "rates(feed_polls_total[5m])"}, {"expr": "pebble_feeds_bucket"}]}]}' >"$work/bad.json"
bad=$(python3 "$checker" "$work/catalogue.json" "$work/bad.json") && fail "promql_names.py accepted unknown names"
for name in "metric feed_pols_total" "function rates" "metric pebble_feeds_bucket"; do
  expect_contains "$bad" "unknown $name" "promql_names.py flags $name"
done

names=$(python3 "$checker" "$work/catalogue.json" "$dashboard") || fail "dashboard uses names pebble does not expose: $names"

# PromQL syntax: each query as a recording rule, Grafana's interval variables replaced.
if command -v promtool >/dev/null; then
  python3 - "$work/expressions" >"$work/queries.rules.yml" <<'PY'
import json, sys
print("groups:\n  - name: dashboard\n    rules:")
for number, expr in enumerate(json.load(open(sys.argv[1]))):
    expr = expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "1h")
    print(f"      - record: dashboard:query{number}\n        expr: {json.dumps(expr)}")
PY
  syntax=$(promtool check rules "$work/queries.rules.yml" 2>&1) || fail "dashboard PromQL does not parse: $syntax"
else
  echo "promtool is not installed: skipping the PromQL syntax check" >&2
fi

finish
