#!/usr/bin/env python3
"""Measure `smtpcodes bounces --json` against a corpus of real bounces.

usage: tools/evaluate_corpus.py CORPUS_DIR [--cli PATH | --sisimai] [--misses] [--json]

CORPUS_DIR holds expected.jsonl and emails/ (see the corpus README; the
corpus stays outside this repository). Prints agreement on the enhanced
status, the reply code, the reason (through REASON_MAP below), the hard/soft
verdict, a per-MTA breakdown, false positives on messages that are not
bounces and on adversarial free-text cases, and with --misses every miss.
With --sisimai it grades Sisimai (tools/sisimai_bounces.pl, Debian's
libsisimai-perl) on the same rows, through the same mapping.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

# Sisimai's reason names -> the smtpcodes reasons that count as agreement.
# Most are one to one; a few Sisimai reasons straddle two of ours.
REASON_MAP = {
    "userunknown": {"unknown_recipient"},
    "hostunknown": {"unknown_domain"},
    "notaccept": {"no_mail_domain", "unknown_domain"},
    "mailboxfull": {"mailbox_full"},
    "systemfull": {"mailbox_full", "system_error"},
    "suspend": {"mailbox_disabled"},
    "hasmoved": {"mailbox_moved"},
    "mesgtoobig": {"message_too_large"},
    "exceedlimit": {"message_too_large"},
    "emailtoolarge": {"message_too_large"},  # Sisimai 5's name for mesgtoobig and exceedlimit
    "ratelimited": {"rate_limited"},  # Sisimai 5's name for speeding and toomanyconn
    "toomanyconn": {"rate_limited"},
    "speeding": {"rate_limited"},
    "spamdetected": {"spam_or_content"},
    "contenterror": {"spam_or_content"},
    "filtered": {"spam_or_content", "unknown_recipient", "blocked"},
    "virusdetected": {"virus"},
    "blocked": {"blocked"},
    "badreputation": {"blocked"},
    "policyviolation": {"blocked", "spam_or_content"},
    "rejected": {"sender_rejected"},
    "requireptr": {"reverse_dns"},
    "authfailure": {"authentication"},
    "securityerror": {"authentication", "tls"},
    "norelaying": {"relay_denied"},
    "failedstarttls": {"tls"},
    "expired": {"expired"},
    "networkerror": {"network_error"},
    "systemerror": {"system_error"},
    "mailererror": {"system_error"},
    "notcompliantrfc": {"syntax_error"},
    "syntaxerror": {"syntax_error"},
    "vacation": {"auto_reply"},
    "feedback": {"feedback_report"},
    "delivered": {"delivered"},
    "onhold": {"unknown"},
    "undefined": {"unknown"},
    # Mail::DeliveryStatus::BounceParser's std_reason names.
    # Its _std_reason files a disabled, suspended, inactive or deactivated
    # mailbox and "recipient no longer on server" under user_unknown too, and
    # has no name for a moved one.
    "user_unknown": {"unknown_recipient", "mailbox_disabled", "mailbox_moved"},
    "domain_error": {"unknown_domain"},
    "over_quota": {"mailbox_full"},
    "spam": {"spam_or_content", "blocked"},
    "message_too_large": {"message_too_large"},
    "user_disabled": {"mailbox_disabled"},
}
# BounceParser's "unknown" says only that none of its few reasons applies
# (user_unknown, user_disabled, over_quota, domain_error, spam,
# message_too_large): any reason outside those agrees with it, an expiry
# included, and so does our unknown.
_BOUNCEPARSER_NAMED = ("user_unknown", "user_disabled", "domain_error", "over_quota", "spam", "message_too_large")
REASON_MAP["unknown"] = (set().union(*REASON_MAP.values()) | {"unknown"}) - set().union(
    *(REASON_MAP[name] for name in _BOUNCEPARSER_NAMED))

# Free text in which a code finder must find nothing.
ADVERSARIAL = [
    "Connection to 192.5.1.1 failed",
    "relay=mx.example.com[10.5.1.12]:25, delay=0.5",
    "agent v2.5.1.0 started",
    "ESMTP Postfix 3.7.11 ready",
    "Exim 4.94.2 #2 on Debian",
    "version 2.1.5 of the filter",
    "Error (-2019901852:4030:-2147467259) while sending",
    "Date: Mon, 23 Nov 2026 11:29:37 +0000",
    "at 2026-11-23 12:05:50 the queue id 4F2A51C0E3 was removed",
    "connect to mx.example.com:465 timed out",
    "port 587 refused",
    "message size 552 exceeds the limit of 250 KB",
    "The mailbox has 450 messages and 550 bytes left",
    "took 421 ms",
    "build 5.1.1-beta deployed",
    "IPv4 address 203.0.113.5 is listed",
    "server 2001:db8::5.1.1.1 answered",
    "Received: from mail by 198.51.100.4 with id 550123",
    "inode 5.7.606.2 is busy",
    "pid=421 uid=550 gid=554",
    "Judy Trotter +1 925-423-5635",
]


def prefix_of(path):
    base = os.path.basename(path)
    base = re.sub(r"\.(eml|msg|txt)$", "", base)
    return re.sub(r"-\d+$", "", base)


def load_expected(corpus):
    rows = [json.loads(line) for line in open(os.path.join(corpus, "expected.jsonl"))]
    chosen = {}
    for row in rows:
        key = (row["file"], row.get("recipient_index", 1))
        if row.get("suite") == "Mail-DeliveryStatus-BounceParser":
            key = (row["file"], row.get("recipient", 1))
        if key not in chosen or (row.get("suite") == "go-sisimai" and chosen[key].get("suite") != "go-sisimai"):
            chosen[key] = row
    return chosen


def run_cli(cli, paths):
    found = collections.defaultdict(list)
    for start in range(0, len(paths), 200):
        out = subprocess.run([cli, "bounces", "--json", *paths[start:start + 200]], capture_output=True, text=True,
                             errors="replace", check=True).stdout
        for line in out.splitlines():
            record = json.loads(line)
            found[record["file"]].append(record)
    return found


# Sisimai's reason names -> ours, for grading Sisimai itself (--sisimai) with
# the same REASON_MAP: the inverse of smtpcodes::sisimai_reason, and for the
# names Sisimai has beside ours, the reason of ours closest in REASON_MAP.
SISIMAI_TO_OURS = {sisimai: sorted(ours)[0] for sisimai, ours in REASON_MAP.items()}
SISIMAI_TO_OURS.update({
    "userunknown": "unknown_recipient", "hostunknown": "unknown_domain", "notaccept": "no_mail_domain",
    "systemfull": "system_error", "filtered": "spam_or_content", "policyviolation": "blocked",
    "securityerror": "authentication", "onhold": "unknown", "undefined": "unknown", "speeding": "rate_limited",
})


def run_sisimai(paths):
    """Sisimai's verdicts in the records' shape, via tools/sisimai_bounces.pl."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sisimai_bounces.pl")
    found = collections.defaultdict(list)
    for start in range(0, len(paths), 200):
        out = subprocess.run(["perl", script, *paths[start:start + 200]], capture_output=True, text=True,
                             errors="replace", check=True).stdout
        for line in out.splitlines():
            record = json.loads(line)
            record["reason"] = SISIMAI_TO_OURS.get(record["sisimai"], "unknown")
            if record["sisimai"] in ("delivered", "vacation", "feedback"):
                record["bounce"] = "none"
            found[record["file"]].append(record)
    return found


def deliberate_reason_difference(expected, got):
    """Misses where docs/bounces.md ("Where we differ from Sisimai") says why
    our reason differs on purpose. They stay misses; they are counted apart
    so that the figures show what is a choice and what is a defect."""
    if expected == "expired" and got.get("action") == "delayed" and got["reason"] != "expired":
        return "delay_is_not_expiry"        # Sisimai calls every delay notice expired
    if expected in ("networkerror", "blocked", "systemerror") and got["reason"] == "expired":
        return "gave_up_is_expired"         # the MTA gave up: expired, the cause in text_reason
    if expected == "networkerror" and got["reason"] == "unknown_domain" and "nxdomain" in got["diagnostic"].lower():
        return "nxdomain_is_unknown_domain"  # DNS says the domain does not exist
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus")
    parser.add_argument("--cli", default=None, help="the smtpcodes program (default: build*/examples/smtpcodes)")
    parser.add_argument("--misses", action="store_true", help="list every disagreement")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--sisimai", action="store_true",
                        help="grade Sisimai (Debian's libsisimai-perl) instead of smtpcodes, on the same rows")
    args = parser.parse_args()

    cli = args.cli
    if cli is None:
        root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        candidates = [os.path.join(root, name, "examples", "smtpcodes") for name in os.listdir(root)
                      if name.startswith("build")]
        candidates = [c for c in candidates if os.access(c, os.X_OK)]
        if candidates:
            cli = max(candidates, key=os.path.getmtime)  # the most recently built
    if cli is None and not args.sisimai:
        sys.exit("no smtpcodes program found; build it or pass --cli")
    read = run_sisimai if args.sisimai else (lambda paths: run_cli(cli, paths))

    emails = os.path.join(args.corpus, "emails")
    expected = load_expected(args.corpus)
    files = sorted({os.path.join(emails, key[0]) for key in expected})
    found = read(files)

    counts = collections.Counter()
    per_mta = collections.defaultdict(collections.Counter)
    per_dialect = collections.defaultdict(collections.Counter)
    misses = []
    for key, row in sorted(expected.items(), key=lambda item: (item[0][0], str(item[0][1]))):
        path = os.path.join(emails, key[0])
        records = found.get(path, [])
        if row.get("suite") == "Mail-DeliveryStatus-BounceParser":
            got = next((r for r in records if (r["recipient"] or "").lower() == str(key[1]).lower()), None)
            if got is None and records:
                got = records[0]
        else:
            index = key[1] - 1
            got = records[index] if index < len(records) else None
        mta = prefix_of(key[0])
        dialect = (records[0].get("dialect") or "unknown") if records else "(no row)"
        stats = per_mta[mta]
        dstats = per_dialect[dialect]
        dstats["recipients"] += 1
        stats["recipients"] += 1
        counts["recipients"] += 1
        if got is None:
            counts["missing"] += 1
            stats["missing"] += 1
            misses.append((key[0], key[1], "no recipient found", "", ""))
            got = {"status": None, "reply_code": None, "reason": "unknown", "bounce": "none", "diagnostic": ""}

        status = row.get("deliverystatus", row.get("status"))
        if status and row.get("caveat"):
            # The suite's own comment doubts its expected status (bounce_email's
            # tt_bounce_07: "the library is wrong here"); it is not graded.
            counts["status_rows_with_caveat"] += 1
            status = None
        if status and status != "unknown" and not row.get("status_is_sisimai_pseudo"):
            counts["status_total"] += 1
            stats["status_total"] += 1
            dstats["status_total"] += 1
            if got["status"] == status:
                counts["status_ok"] += 1
                stats["status_ok"] += 1
                dstats["status_ok"] += 1
            else:
                misses.append((key[0], key[1], "status", status, got["status"]))
        reply = row.get("replycode") or row.get("smtp_code")
        if reply:
            counts["reply_total"] += 1
            stats["reply_total"] += 1
            dstats["reply_total"] += 1
            if got["reply_code"] == reply:
                counts["reply_ok"] += 1
                stats["reply_ok"] += 1
                dstats["reply_ok"] += 1
            else:
                misses.append((key[0], key[1], "reply_code", reply, got["reply_code"]))
        reason = row.get("reason") or row.get("std_reason")
        if reason and reason in REASON_MAP:
            counts["reason_total"] += 1
            stats["reason_total"] += 1
            dstats["reason_total"] += 1
            if got["reason"] in REASON_MAP[reason]:
                counts["reason_ok"] += 1
                stats["reason_ok"] += 1
                dstats["reason_ok"] += 1
            else:
                misses.append((key[0], key[1], "reason", reason, got["reason"] + " | " + got["diagnostic"][:150]))
                difference = deliberate_reason_difference(reason, got)
                if difference:
                    counts["reason_deliberate_" + difference] += 1
        if "hardbounce" in row and row.get("reason") not in ("feedback", "vacation", "delivered"):
            counts["hard_total"] += 1
            stats["hard_total"] += 1
            dstats["hard_total"] += 1
            if (got["bounce"] == "hard") == row["hardbounce"]:
                counts["hard_ok"] += 1
                stats["hard_ok"] += 1
                dstats["hard_ok"] += 1
            else:
                misses.append((key[0], key[1], "hard", row["hardbounce"], got["bounce"]))
                # Sisimai calls some unknown users `filtered` (soft) for the
                # MTA or service that sent them; we call them hard unless the
                # notice shows the refusal came after DATA (docs/bounces.md).
                if reason == "filtered" and got["reason"] == "unknown_recipient":
                    counts["hard_filtered_unknown_user"] += 1

    # Messages that are not bounces must not yield failures.
    not_dir = os.path.join(emails, "sisimai", "maildir", "not")
    not_files = sorted(os.path.join(not_dir, f) for f in os.listdir(not_dir)) if os.path.isdir(not_dir) else []
    not_found = read(not_files) if not_files else {}
    not_bounces = sum(1 for records in not_found.values() for r in records if r["bounce"] != "none")

    adversarial = "" if args.sisimai else subprocess.run([cli, "find", "--json", *ADVERSARIAL],
                                                            capture_output=True, text=True).stdout
    adversarial_hits = [json.loads(line) for line in adversarial.splitlines()]
    false_codes = [r for r in adversarial_hits if r["reply_code"] or r["enhanced_status"] or r["matches"]]

    def ratio(ok, total):
        return f"{counts[ok]}/{counts[total]} ({100.0 * counts[ok] / counts[total]:.1f}%)" if counts[total] else "n/a"

    summary = {
        "recipients": counts["recipients"],
        "recipients_not_found": counts["missing"],
        "status_agreement": ratio("status_ok", "status_total"),
        "reply_code_agreement": ratio("reply_ok", "reply_total"),
        "reason_agreement": ratio("reason_ok", "reason_total"),
        "hard_soft_agreement": ratio("hard_ok", "hard_total"),
        "hard_soft_disagreements_filtered_unknown_users": counts["hard_filtered_unknown_user"],
        "status_rows_with_caveat": counts["status_rows_with_caveat"],
        "reason_misses_delay_is_not_expiry": counts["reason_deliberate_delay_is_not_expiry"],
        "reason_misses_gave_up_is_expired": counts["reason_deliberate_gave_up_is_expired"],
        "reason_misses_nxdomain_is_unknown_domain": counts["reason_deliberate_nxdomain_is_unknown_domain"],
        "not_bounce_messages": len(not_files),
        "not_bounce_false_positives": not_bounces,
        "adversarial_cases": len(ADVERSARIAL),
        "adversarial_false_positives": len(false_codes),
    }
    def table(title, groups):
        rows = {}
        for group, stats in sorted(groups.items()):
            def cell(ok, total):
                return f"{stats[ok]}/{stats[total]}" if stats[total] else "-"
            rows[group] = {"recipients": stats["recipients"], "status": cell("status_ok", "status_total"),
                           "reply_code": cell("reply_ok", "reply_total"), "reason": cell("reason_ok", "reason_total"),
                           "hard_soft": cell("hard_ok", "hard_total")}
        return rows

    by_dialect = table("dialect", per_dialect)
    by_system = table("sending system", per_mta)
    if args.json:
        summary["by_dialect"] = by_dialect
        summary["by_sending_system"] = by_system
        print(json.dumps(summary, indent=2))
        return
    for name, value in summary.items():
        print(f"{name:30} {value}")
    for title, rows in (("dialect (as recognised)", by_dialect), ("sending system (file name)", by_system)):
        print(f"\n{title:28} {'recips':>6} {'status':>9} {'reply':>9} {'reason':>9} {'hard/soft':>9}")
        for group, row in rows.items():
            print(f"{group:28} {row['recipients']:6} {row['status']:>9} {row['reply_code']:>9} {row['reason']:>9} "
                  f"{row['hard_soft']:>9}")
    for case in false_codes:
        print("adversarial false positive:", case["input"], case["matches"])
    if args.misses:
        print("\nmisses (file, recipient, what, expected, got):")
        for miss in misses:
            print("  ", *miss, sep=" | ")


if __name__ == "__main__":
    main()
