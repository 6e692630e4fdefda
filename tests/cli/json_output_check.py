#!/usr/bin/env python3
"""Every JSON line the smtpcodes program writes is valid UTF-8, parses with
a strict JSON parser, and matches its subcommand's schema
(examples/smtpcodes/schemas/). Inputs: the repository's samples, inputs in
KOI8-R and windows-1252, cut UTF-8 sequences, file names that are not UTF-8,
random bytes, and the development corpus when there is one (SMTPCODES_CORPUS
or /work/shared/corpus; the test passes without it).

usage: json_output_check.py PATH-TO-smtpcodes
"""
import os
import pathlib
import random
import sys
import tempfile

from cli_support import ROOT, Checker, load_schema, run, schema_errors, strict_lines

HOSTILE = [
    "550 5.1.1 Пользователь не найден".encode("koi8-r"),
    "550 5.7.1 \u201cZurückgewiesen\u201d – Spam".encode("cp1252"),
    b"550 5.1.1 cut \xc3",
    b"550 5.1.1 cut \xe2\x82",
    b"550 5.1.1 cut \xf0\x9f\x98",
    b"550 5.1.1 surrogate \xed\xa0\x80 overlong \xc0\xaf \xf5\x80\x80\x80",
    b"550 5.1.1 control \x01\x1b[31m\x7f",
    "550 5.1.1 ok: Grüße 😀".encode(),
]


def bounce(diagnostic, charset="utf-8", recipient=b"bob@example.com", status=b"5.1.1"):
    return (b"From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail\nMIME-Version: 1.0\n"
            b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n'
            b"\n--B\nContent-Type: text/plain; charset=" + charset.encode() + b"\n\nNot delivered: " + diagnostic +
            b"\n\n--B\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\n"
            b"Final-Recipient: rfc822; " + recipient + b"\nAction: failed\nStatus: " + status + b"\n"
            b"Diagnostic-Code: smtp; " + diagnostic + b"\n\n--B--\n")


class Outputs:
    """Runs the program and checks each line of what it wrote."""

    def __init__(self, cli, check):
        self.cli = cli
        self.check = check
        self.schemas = {name: load_schema(name) for name in ("explain", "find", "replies", "bounces")}
        self.lines = 0

    def run(self, command, *arguments, data=b"", cwd=None, statuses=(0, 1)):
        status, out, err = run(self.cli, command, "--json", *arguments, data=data, cwd=cwd)
        what = f"{command} {arguments!r:.120}"
        self.check.expect(status in statuses, f"{what}: exit status {status}: {err[:300]}")
        try:
            objects = strict_lines(out)
        except ValueError as error:
            self.check.expect(False, f"{what}: not strict UTF-8 JSON lines: {error}")
            return []
        for number, instance in enumerate(objects):
            errors = schema_errors(instance, self.schemas[command])
            self.check.expect(not errors, f"{what}: line {number + 1} against the schema: {errors[:3]}")
        self.lines += len(objects)
        return objects


def main():
    cli = sys.argv[1]
    check = Checker()
    outputs = Outputs(cli, check)
    rng = random.Random(20261202)
    noise = [bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 200))) for _ in range(40)]

    # explain and find: arguments and standard input.
    explain_inputs = ["250", "421", "550", "571", "535", "432", "101", "5.1.1", "4.7.0", "5.7.26", "5.7.606",
                      "5.1", "6.0.0", "550 5.1.1 <bob@example.com>: unknown", "452-4.2.2 full", "550 4.2.2 full",
                      "999", "x"]
    objects = outputs.run("explain", *explain_inputs)
    check.equal("explain: one object per argument", len(objects), len(explain_inputs))
    check.equal("explain: the same keys in every object", len({tuple(o) for o in objects}), 1)
    outputs.run("explain", *HOSTILE)
    for chunk in noise:
        outputs.run("explain", chunk.replace(b"\0", b""))
    find_objects = outputs.run("find", *HOSTILE, "no code here")
    check.expect(all("\ufffd" in o["input"] for o in find_objects[:2]), "find: KOI8-R and cp1252 bytes become U+FFFD")
    check.equal("find: a cut sequence is one U+FFFD", find_objects[2]["input"], "550 5.1.1 cut \ufffd")
    check.equal("find: valid UTF-8 is kept", find_objects[7]["input"], "550 5.1.1 ok: Grüße 😀")
    outputs.run("find", "-", data=b"\n".join(HOSTILE + noise))

    # replies: the wire, as sent and as garbled.
    wire = b"220 mx ESMTP\r\n250-mx\r\n250-SIZE 1000\r\n250 8BITMIME\r\n550-5.1.1 a\r\n550 5.1.1 b\r\n"
    outputs.run("replies", data=wire)
    outputs.run("replies", data=b"".join(h + b"\r\n" for h in HOSTILE))
    outputs.run("replies", "--lenient", data=b"\n".join(HOSTILE + noise))
    outputs.run("replies", data=b"".join(noise))
    replies = outputs.run("replies", data=b"250-a\r\n25x\r\n")
    check.expect(any(o["error"] and o["error"]["line"] >= 1 for o in replies), "replies: error lines count from 1")

    # bounces: the samples, hostile notices, odd file names, random bytes.
    samples = outputs.run("bounces", "examples/bounces", cwd=ROOT)
    check.expect(len(samples) >= 10, f"bounces: the samples give recipients ({len(samples)})")
    with tempfile.TemporaryDirectory() as temporary:
        directory = pathlib.Path(temporary)
        for number, diagnostic in enumerate(HOSTILE):
            (directory / f"hostile-{number}.eml").write_bytes(bounce(diagnostic))
        long_text = ("é" * 333 + "€" * 333 + "😀" * 400).encode()  # the cut at 1,000 falls inside a 4-byte run
        (directory / "long.eml").write_bytes(bounce(b"550 5.1.1 " + long_text))
        # ASCII runs are copied whole, up to the limit: the cut falls inside one.
        (directory / "long-ascii.eml").write_bytes(bounce(b"550 5.1.1 " + b"x" * 995 + "é".encode() + b"y" * 600))
        (directory / "koi8.eml").write_bytes(bounce("550 5.1.1 Нет такого ящика".encode("koi8-r"), "koi8-r",
                                                    "получатель@example.com".encode("koi8-r")))
        os.makedirs(directory / "names", exist_ok=True)
        with open(os.fsencode(directory / "names") + b"/caf\xe9-\xff.eml", "wb") as odd:
            odd.write(bounce(b"550 5.1.1 x"))
        for number, chunk in enumerate(noise):
            (directory / f"noise-{number}.eml").write_bytes(chunk)
        objects = outputs.run("bounces", str(directory))
        long = [o for o in objects if o["file"].endswith("long.eml")]
        check.expect(len(long) == 1 and len(long[0]["diagnostic"]) == 1000 and long[0]["diagnostic_truncated"]
                     and "\ufffd" not in long[0]["diagnostic"], "bounces: the cut at 1,000 characters splits none")
        ascii = [o for o in objects if o["file"].endswith("long-ascii.eml")]
        check.expect(len(ascii) == 1 and ascii[0]["diagnostic"] == "550 5.1.1 " + "x" * 990
                     and ascii[0]["diagnostic_truncated"], "bounces: an ASCII run is cut at 1,000 characters")
        named = [o for o in objects if "/names/" in o["file"]]
        check.expect(len(named) == 1 and named[0]["file"].endswith("caf\ufffd-\ufffd.eml"),
                     f"bounces: a file name that is not UTF-8: {[o['file'] for o in named]}")
        check.expect(any(o["file"].endswith("koi8.eml") for o in objects), "bounces: the KOI8-R notice is read")
        # An expiry: the Status field, the last error's status, that the MTA gave up, and the cause.
        (directory / "expiry").mkdir()
        (directory / "expiry" / "ses.eml").write_bytes(bounce(
            b"554 4.4.7 Message expired: unable to deliver in 840 minutes.<421 4.4.2 Connection timed out>",
            status=b"4.4.7 (expired)"))
        expiry = outputs.run("bounces", str(directory / "expiry"))
        check.equal("bounces: an expiry's fields",
                    [(o["status"], o["dsn_status"], o["reason"], o["gave_up"], o["text_reason"]) for o in expiry],
                    [("4.4.2", "4.4.7", "expired", True, "network_error")])
        outputs.run("bounces", "-", data=b"".join(noise))

    corpus = pathlib.Path(os.environ.get("SMTPCODES_CORPUS", "/work/shared/corpus"))
    if corpus.is_dir():
        outputs.run("bounces", "-j", "2", str(corpus), statuses=(0, 1))
        print(f"also ran over {corpus}")
    print(f"{outputs.lines} JSON lines checked ({'jsonschema' if schema_errors.__globals__['jsonschema'] else 'fallback validator'})")
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
