#!/usr/bin/env python3
"""How the registry's consistency check and derivation fare on real bounces.

    tools/evaluate_registry.py PATH-TO-smtpcodes CORPUS-DIR

CORPUS-DIR holds expected.jsonl (one object per bounce recipient with the
expected `replycode` and `deliverystatus`); it stays outside the repository.
For every recipient with both codes (Sisimai's made-up X.0.9NN codes left
out) it reports how many pairs agree in class (RFC 3463 sec. 2), how the IANA
registry associates them, and how often derive_enhanced_status() on the reply
code alone finds the expected enhanced code, or at least its class.
"""
import collections
import json
import pathlib
import subprocess
import sys


def explain(program, arguments):
    result = subprocess.run([program, "explain", "--json", *arguments], capture_output=True, text=True, check=False)
    return [json.loads(line) for line in result.stdout.splitlines()]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    program, corpus = sys.argv[1], pathlib.Path(sys.argv[2])
    pairs = []
    with open(corpus / "expected.jsonl", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row.get("replycode") and row.get("deliverystatus") and not row.get("status_is_sisimai_pseudo"):
                pairs.append((row["replycode"], row["deliverystatus"]))
    print("pairs with a reply code and a real enhanced code: %d" % len(pairs))

    checked = explain(program, ["%s %s" % pair for pair in pairs])
    print("class agrees: %d" % sum(1 for o in checked if o["consistent"]))
    for association, count in collections.Counter(o.get("association") for o in checked).most_common():
        print("  %-32s %d" % (association, count))
    for o in checked:
        if o["consistent"] is False:
            print("  class mismatch: %s" % o["input"])

    derived = explain(program, [reply for reply, _ in pairs])
    exact = sum(1 for o, (_, status) in zip(derived, pairs) if o["enhanced_status"] == status)
    same_class = sum(1 for o, (_, status) in zip(derived, pairs)
                     if o["enhanced_status"] and o["enhanced_status"][0] == status[0])
    print("derived from the reply code alone: exact %d, right class %d" % (exact, same_class))
    for rule, count in collections.Counter(o.get("derivation_rule") for o in derived).most_common():
        print("  %-32s %d" % (rule, count))
    for o, (reply, status) in zip(derived, pairs):
        if o.get("derivation_rule") not in (None, "class_default") and o["enhanced_status"] != status:
            print("  %s derived %s, expected %s" % (reply, o["enhanced_status"], status))
    return 0


if __name__ == "__main__":
    sys.exit(main())
