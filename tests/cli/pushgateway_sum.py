#!/usr/bin/env python3
"""Sums one metric of one Pushgateway group, read from its /api/v1/metrics JSON on stdin.

Usage: pushgateway_sum.py GROUP_LABELS METRIC [LABEL=VALUE...]
GROUP_LABELS is "job=pebble,command=test-metrics"; the sample labels must contain every LABEL=VALUE.
Prints the sum of the matching samples' values, or "absent" when the group or metric is missing.
"""
import json
import sys


def main():
    group = dict(pair.split("=", 1) for pair in sys.argv[1].split(","))
    metric = sys.argv[2]
    wanted = dict(pair.split("=", 1) for pair in sys.argv[3:])
    document = json.load(sys.stdin)
    for entry in document.get("data", []):
        if entry.get("labels") != group:
            continue
        family = entry.get(metric)
        if family is None:
            break
        total = 0.0
        for sample in family.get("metrics", []):
            labels = sample.get("labels", {})
            if all(labels.get(key) == value for key, value in wanted.items()):
                total += float(sample["value"])
        print(f"{total:g}")
        return
    print("absent")


main()
