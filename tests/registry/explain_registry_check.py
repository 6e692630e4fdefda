#!/usr/bin/env python3
"""Runs `smtpcodes explain` on the issue's example and checks what it reports.

usage: explain_registry_check.py PATH-TO-smtpcodes
"""
import json
import subprocess
import sys

ARGUMENTS = ["571", "535", "5.7.26", "432", "101", "550 4.2.2 Mailbox full"]
KEYS = ["input", "reply_code", "enhanced_status", "severity", "subject", "title", "remedy", "sources",
        "derived", "consistent"]


def run(program, *arguments):
    result = subprocess.run([program, "explain", *arguments], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit("explain exited with %d: %s" % (result.returncode, result.stderr))
    return result.stdout


def main():
    program = sys.argv[1]
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    objects = [json.loads(line) for line in run(program, "--json", *ARGUMENTS).splitlines()]
    expect(len(objects) == len(ARGUMENTS), "one JSON object per argument")
    by_input = {o["input"]: o for o in objects}
    for o in objects:
        for key in KEYS:
            expect(key in o, "%s: key %s" % (o["input"], key))
        for source in o["sources"]:
            expect(set(source) >= {"source", "meaning"} and source["meaning"], "%s: source entry" % o["input"])

    def seeds(o):
        return {s["document"][:3]: s for s in o["sources"] if "document" in s}

    o = by_input["571"]
    expect(o["dotless"]["enhanced_status"] == "5.7.1" and o["dotless"]["fit"] == "lines up", "571 dotless")
    expect(o["derived"] and o["enhanced_status"] == "5.7.1", "571 derived 5.7.1")
    expect("000" in seeds(o), "571 claim of seed 000")

    o = by_input["535"]
    expect(any(s["source"] == "RFC4954" for s in o["sources"]), "535 RFC 4954 meaning")
    expect({"000", "002", "004"} <= set(seeds(o)), "535 claims of seeds 000, 002, 004")
    expect(seeds(o)["000"]["agreement"] == "conflicts", "535 seed 000 conflicts")
    expect(o["enhanced_status"] == "5.7.8" and o["derived"], "535 derived 5.7.8")

    o = by_input["5.7.26"]
    expect(o["title"] == "Multiple authentication checks failed" and not o["derived"], "5.7.26 title")
    expect(o["consistent"] is None and o["reply_code"] is None, "5.7.26 alone")

    o = by_input["432"]
    expect(any(s["source"] == "RFC4954" for s in o["sources"]), "432 RFC meaning")
    expect({"000", "002", "003", "004"} <= set(seeds(o)), "432 claims of four seeds")
    expect(o["dotless"]["enhanced_status"] == "4.3.2", "432 dotless reading")

    o = by_input["101"]
    expect(o["reply_origin"] == "not SMTP" and not o["derived"], "101 is not SMTP")
    expect({"003", "004"} <= set(seeds(o)), "101 claims of seeds 003, 004")

    o = by_input["550 4.2.2 Mailbox full"]
    expect(o["consistent"] is False and not o["derived"], "550 4.2.2 inconsistent")
    expect(o["remedy"]["retry"] == "retry after a fix", "550 4.2.2: the reply code's remedy")

    text = run(program, *ARGUMENTS)
    for needle in ["dotless reading: 5.7.1", "seed 000", "RFC4954", "warning:", "derived status:  5.7.8",
                   "not an SMTP reply", "remedy:"]:
        expect(needle in text, "text output mentions %r" % needle)
    expect(run(program).count("remedy:") >= 10, "the built-in sample is explained")

    for failure in failures:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
