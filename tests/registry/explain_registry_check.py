#!/usr/bin/env python3
"""Runs `smtpcodes explain` on the issue's example and checks what it reports.

usage: explain_registry_check.py PATH-TO-smtpcodes
"""
import json
import subprocess
import sys

ARGUMENTS = ["571", "535", "5.7.26", "432", "101", "550 4.2.2 Mailbox full"]
KEYS = ["input", "reply_code", "enhanced_status", "severity", "subject", "title", "remedy", "sources",
        "derived", "consistent", "dotless", "reply_origin", "error"]


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
        return {s["source"]: s for s in o["sources"] if s["line"] is not None}

    SALESFORCE_NDR, ESP, TURBOSMTP, COURIER = ("salesforce_ndr_reference", "esp_code_list", "turbosmtp_table",
                                               "courier_code_list")

    o = by_input["571"]
    expect(o["dotless"]["enhanced_status"] == "5.7.1" and o["dotless"]["fit"] == "lines_up", "571 dotless")
    expect(o["derived"] and o["enhanced_status"] == "5.7.1", "571 derived 5.7.1")
    expect(SALESFORCE_NDR in seeds(o), "571 claim of the Salesforce NDR reference")

    o = by_input["535"]
    expect(any(s["title"] == "RFC4954" for s in o["sources"]), "535 RFC 4954 meaning")
    expect({SALESFORCE_NDR, ESP, COURIER} <= set(seeds(o)), "535 claims of three sources")
    expect(seeds(o)[SALESFORCE_NDR]["agreement"] == "conflicts", "535: the Salesforce NDR reference conflicts")
    expect(o["enhanced_status"] == "5.7.8" and o["derived"], "535 derived 5.7.8")

    o = by_input["5.7.26"]
    expect(o["title"] == "Multiple authentication checks failed" and not o["derived"], "5.7.26 title")
    expect(o["consistent"] is None and o["reply_code"] is None, "5.7.26 alone")

    o = by_input["432"]
    expect(any(s["title"] == "RFC4954" for s in o["sources"]), "432 RFC meaning")
    expect({SALESFORCE_NDR, ESP, TURBOSMTP, COURIER} <= set(seeds(o)), "432 claims of four sources")
    expect(o["dotless"]["enhanced_status"] == "4.3.2", "432 dotless reading")

    o = by_input["101"]
    expect(o["reply_origin"] == "not_smtp" and not o["derived"], "101 is not SMTP")
    expect({TURBOSMTP, COURIER} <= set(seeds(o)), "101 claims of two sources")

    o = by_input["550 4.2.2 Mailbox full"]
    expect(o["consistent"] is False and not o["derived"], "550 4.2.2 inconsistent")
    expect(o["remedy"]["retry"] == "after_fix", "550 4.2.2: the reply code's remedy")

    text = run(program, *ARGUMENTS)
    for needle in ["read as 5.7.1:", "with the dots left out", "Salesforce NDR error code reference", "RFC4954",
                   "warning:", "assumed status:  5.7.8", "not an SMTP reply", "remedy:"]:
        expect(needle in text, "text output mentions %r" % needle)
    # No words a user cannot know: the sources by their titles, no cut names.
    for word in ["seed", "dotless reading", "class default", "derived:", "fallback"]:
        expect(word not in text, "text output avoids %r" % word)
    expect("general code of the reply's class" in run(program, "550"), "550: the class default in plain words")
    for failure in failures:
        print("FAILED:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
