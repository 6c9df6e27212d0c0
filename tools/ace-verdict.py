#!/usr/bin/env python3
"""Reads Ace by DAISY report.json files and fails when any has a serious or
critical violation; prints one line per book with its counts by impact."""
import collections
import json
import sys

FAILING = ("critical", "serious")  # the impacts `make ace` must not report

failed = False
for path in sys.argv[1:]:
    report = json.load(open(path, encoding="utf-8"))
    book = report["earl:testSubject"]["url"].rsplit("/", 1)[-1]
    counts = collections.Counter()
    for document in report.get("assertions", []):
        for finding in document.get("assertions", []):
            test = finding["earl:test"]
            counts[test["earl:impact"]] += 1
            if test["earl:impact"] in FAILING:
                print(f"{book}: {test['earl:impact']}: {test['dct:title']}")
    print(f"{book}: " + ", ".join(f"{counts[i]} {i}" for i in ("critical", "serious", "moderate", "minor")))
    failed |= any(counts[i] for i in FAILING)
sys.exit(1 if failed else 0)
