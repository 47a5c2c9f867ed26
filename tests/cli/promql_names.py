#!/usr/bin/env python3
"""Checks that PromQL expressions name only metrics pebble exposes and functions PromQL has.

Usage: promql_names.py CATALOGUE_JSON FILE...
CATALOGUE_JSON is the output of `pebble metrics-show --format json` (every family, even without
samples). Each FILE is a Grafana dashboard (.json: every "expr" in it) or a Prometheus rules file
(.yml: every rule's expr). Prints one line per problem and exits 1 when there is any; prints the
number of expressions checked otherwise. Used by the grafana and prometheus CLI tests.
"""
import json
import re
import sys

# Names that are Prometheus' own, not pebble's: the scrape health and the Pushgateway's push time.
PROMETHEUS_NAMES = {"up", "push_time_seconds"}
HISTOGRAM_SUFFIXES = ("_bucket", "_sum", "_count")
KEYWORDS = {"and", "or", "unless", "bool", "inf", "nan"}
FUNCTIONS = {
    # aggregation operators
    "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
    "quantile",
    # functions
    "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min",
    "day_of_month", "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor",
    "histogram_quantile", "holt_winters", "hour", "idelta", "increase", "irate", "label_join",
    "label_replace", "ln", "log2", "log10", "minute", "month", "predict_linear", "rate", "resets",
    "round", "scalar", "sgn", "sort", "sort_desc", "sqrt", "time", "timestamp", "vector", "year",
    "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
    "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time",
}


def expressions(path):
    """Every PromQL expression in a dashboard or a rules file."""
    if path.endswith(".json"):
        found = []

        def walk(node):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == "expr" and isinstance(value, str):
                        found.append(value)
                    else:
                        walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        with open(path, encoding="utf-8") as handle:
            walk(json.load(handle))
        return found
    import yaml  # only rules files need it (python3-yaml)

    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    return [rule["expr"] for group in document["groups"] for rule in group["rules"]]


def identifiers(expr):
    """(metric names, function names) an expression uses."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    text = re.sub(r"'(?:[^'\\]|\\.)*'", "''", text)
    text = re.sub(r"\{[^}]*\}", " ", text)  # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)  # range and subquery windows
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    text = re.sub(r"\boffset\s+-?[0-9a-z]+", " ", text)
    metrics, functions = set(), set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        before = text[match.start() - 1] if match.start() > 0 else " "
        if before.isdigit() or before in ".$":  # 1e3, a Grafana $variable
            continue
        token = match.group(0)
        if text[match.end():].lstrip().startswith("("):
            functions.add(token)
        elif token.lower() not in KEYWORDS:
            metrics.add(token)
    return metrics, functions


def known(name, families):
    if name in families or name in PROMETHEUS_NAMES:
        return True
    for suffix in HISTOGRAM_SUFFIXES:
        if name.endswith(suffix) and families.get(name[: -len(suffix)]) == "histogram":
            return True
    return False


def families_of(catalogue_path):
    """family name -> type, from metrics-show's JSON (a list of families or {"families": [...]})."""
    with open(catalogue_path, encoding="utf-8") as handle:
        document = json.load(handle)
    items = document.get("families", document) if isinstance(document, dict) else document
    return {family["name"]: family["type"] for family in items}


def main(argv):
    families = families_of(argv[1])
    problems, count = [], 0
    for path in argv[2:]:
        for expr in expressions(path):
            count += 1
            metrics, functions = identifiers(expr)
            problems += [f"{path}: unknown metric {name} in: {expr}" for name in sorted(metrics) if not known(name, families)]
            problems += [f"{path}: unknown function {name} in: {expr}" for name in sorted(functions - FUNCTIONS)]
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{count} expressions checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
