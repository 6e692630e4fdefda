#!/usr/bin/env python3
"""What `smtpcodes bounces` reads: messages, directories (recursively),
maildirs (cur/ and new/, not tmp/), mbox files (From_ lines, >From
unescaping), standard input; unreadable inputs reported with the system's
reason while the others are read; -j N in input order; no row dropped
however many files.

usage: bounces_inputs_check.py PATH-TO-smtpcodes
"""
import os
import pathlib
import pty
import subprocess
import sys
import tempfile

from cli_support import Checker, run, strict_lines


def notice(recipient, padding=0):
    """A minimal delivery status notification (RFC 3464) for one recipient."""
    return (
        "From: MAILER-DAEMON@mx.example.org\n"
        "To: sender@example.com\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\n'
        "\n--B\nContent-Type: text/plain\n\nThe mail could not be delivered.\n" + "x" * padding + "\n"
        "\n--B\nContent-Type: message/delivery-status\n\n"
        "Reporting-MTA: dns; mx.example.org\n\n"
        f"Final-Recipient: rfc822; {recipient}\nAction: failed\nStatus: 5.1.1\n"
        f"Diagnostic-Code: smtp; 550 5.1.1 <{recipient}>: user unknown\n"
        "\n--B--\n")


def text_notice(recipient, said):
    """A plain-text notice whose explaining line starts with "From "."""
    return ("From: MAILER-DAEMON@mx.example.org\nTo: a@example.com\nSubject: Undelivered Mail\n\n"
            "I could not deliver your message to the following recipients:\n\n"
            f"<{recipient}>: host mx.example.com said:\n{said}\n")


def recipients(objects):
    return [o["recipient"] for o in objects]


def main():
    cli = sys.argv[1]
    check = Checker()
    with tempfile.TemporaryDirectory() as temporary:
        root = pathlib.Path(temporary)

        def write(relative, text):
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
            return path

        write("single.eml", notice("one@example.com"))
        # mbox: three messages; the second quotes two body lines (mboxrd), and
        # a "From " line that follows no empty line separates nothing.
        mbox = ("From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n" + notice("two@example.com") +
                "\nFrom MAILER-DAEMON Mon Jan  1 00:00:01 2024\n" +
                text_notice("three@example.com", ">From the server: 550 5.1.1 user unknown") +
                "not a separator:\nFrom here on\n" +
                "\nFrom MAILER-DAEMON Mon Jan  1 00:00:02 2024\n" +
                text_notice("four@example.com", ">>From the server: 550 5.1.1 user unknown") +
                # A whole From_ line (RFC 4155) after text is a quoted original's ...
                "bounced e-mail:\nFrom someone@example.com  Mon Jan  1 00:00:03 2024\nSubject: hi\n\nhello\n" +
                "\nFrom MAILER-DAEMON Mon Jan  1 00:00:04 2024\n" + notice("eleven@example.com") +
                # ... and one right after a closing delimiter separates without the empty line.
                "From double-bounce@example.org  Mon Jan  1 00:00:05 2024\n" + notice("ten@example.com"))
        write("mail.mbox", mbox)
        # A maildir with a Maildir++ folder; tmp/ and the index files are not messages.
        write("Maildir/cur/1700000000.1.host:2,S", notice("five@example.com"))
        write("Maildir/new/1700000001.2.host", notice("six@example.com"))
        write("Maildir/tmp/1700000002.3.host", notice("never-tmp@example.com"))
        write("Maildir/dovecot-uidlist", notice("never-index@example.com"))
        write("Maildir/.Bounces/cur/1700000003.4.host:2,", notice("seven@example.com"))
        write("Maildir/.Bounces/maildirfolder", "")
        write("tree/a/b/c/deep.eml", notice("eight@example.com"))
        write("tree/a/z.eml", notice("nine@example.com"))

        status, out, err = run(cli, "bounces", "--json", "single.eml", "mail.mbox", "Maildir", "tree", cwd=root)
        objects = strict_lines(out)
        check.equal("exit status", status, 0)
        check.equal("recipients in input order", recipients(objects), [
            "one@example.com", "two@example.com", "three@example.com", "four@example.com", "eleven@example.com",
            "ten@example.com",
            "five@example.com", "six@example.com", "seven@example.com", "eight@example.com", "nine@example.com"])
        check.equal("files", [o["file"] for o in objects], [
            "single.eml", "mail.mbox", "mail.mbox", "mail.mbox", "mail.mbox", "mail.mbox",
            "Maildir/cur/1700000000.1.host:2,S",
            "Maildir/new/1700000001.2.host", "Maildir/.Bounces/cur/1700000003.4.host:2,",
            "tree/a/b/c/deep.eml", "tree/a/z.eml"])
        check.equal("mbox message numbers", [o["message"] for o in objects[1:6]], [1, 2, 3, 4, 5])
        check.expect("said: From the server" in objects[2]["diagnostic"], f">From unescaped: {objects[2]!r}")
        check.expect("said: >From the server" in objects[3]["diagnostic"], f">>From unescaped: {objects[3]!r}")
        check.expect("here on" in objects[2]["diagnostic"] or len(objects) == 11,
                     "a From line after text stays inside its message")

        # The same mbox with CRLF and with bare CR line ends (old Mac mailboxes)
        # gives the same recipients.
        for name, ending in (("crlf", "\r\n"), ("cr", "\r")):
            (root / f"mail-{name}.mbox").write_bytes(mbox.replace("\n", ending).encode())
            status, out, err = run(cli, "bounces", "--json", f"mail-{name}.mbox", cwd=root)
            check.equal(f"mbox with {name} line ends", recipients(strict_lines(out)),
                        ["two@example.com", "three@example.com", "four@example.com", "eleven@example.com", "ten@example.com"])

        # What decoding left undone shows: bytes base64 does not allow, and
        # parts nested deeper than the library's MIME depth limit.
        def nested(level):
            if level == 0:
                return "Content-Type: text/plain\n\nbottom\n"
            return (f'Content-Type: multipart/mixed; boundary="L{level}"\n\n--L{level}\n' + nested(level - 1) +
                    f"\n--L{level}--\n")
        deep = notice("deep@example.com").replace(
            "\n--B\nContent-Type: message/delivery-status",
            "\n--B\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\nTm90IGRlbGl2ZXJlZA==\n!!!*\n"
            "\n--B\n" + nested(8) + "\n--B\nContent-Type: message/delivery-status")
        status, out, _ = run(cli, "bounces", "--json", "-", data=deep.encode())
        objects = strict_lines(out)
        check.equal("decoding left undone", [(o["recipient"], o["invalid_encoded_bytes"], o["undecoded_multiparts"])
                                             for o in objects], [("deep@example.com", 4, 1)])
        check.equal("a plain notice: nothing undone", [(o["invalid_encoded_bytes"], o["undecoded_multiparts"]) for o in
                    strict_lines(run(cli, "bounces", "--json", "single.eml", cwd=root)[1])], [(0, 0)])

        # Standard input: no PATH, or "-".
        data = notice("stdin@example.com").encode()
        for arguments in ([], ["-"]):
            status, out, _ = run(cli, "bounces", "--json", *arguments, data=data)
            objects = strict_lines(out)
            check.equal(f"stdin {arguments}", (status, recipients(objects), [o["file"] for o in objects]),
                        (0, ["stdin@example.com"], ["-"]))

        # No PATH on a terminal is a usage error, not a wait for typed input.
        _, terminal = pty.openpty()
        done = subprocess.run([cli, "bounces"], stdin=terminal, capture_output=True, timeout=60, check=False)
        os.close(terminal)
        check.expect(done.returncode == 2 and b"needs a PATH" in done.stderr, f"no PATH on a terminal: {done!r}")

        # Unreadable inputs: each reported with the system's reason, the rest still read, exit 2.
        unreadable = []
        if os.geteuid() != 0:
            locked = write("locked.eml", notice("locked@example.com"))
            locked.chmod(0)
            unreadable.append(("locked.eml", os.strerror(13)))
        arguments = ["missing.eml", "single.eml", "no/such/dir/x.eml", "tree"] + [u[0] for u in unreadable]
        status, out, err = run(cli, "bounces", "--json", *arguments, cwd=root)
        check.equal("past unreadable inputs: exit status", status, 2)
        check.equal("past unreadable inputs: recipients", recipients(strict_lines(out)),
                    ["one@example.com", "eight@example.com", "nine@example.com"])
        for path, reason in [("missing.eml", os.strerror(2)), ("no/such/dir/x.eml", os.strerror(2))] + unreadable:
            check.expect(f"smtpcodes bounces: {path}: {reason}" in err, f"stderr names {path}: {reason}: {err!r}")
        status, out, err = run(cli, "bounces", "missing.eml", cwd=root)
        check.expect(status == 2 and "0 recipients" in out.decode(), "the summary still printed")

        # -j: the same output in the same order, whatever finishes first. The
        # first files are the largest, so that later ones finish earlier.
        for i in range(80):
            write(f"many/{i:03d}.eml", notice(f"r{i:03d}@example.com", padding=(80 - i) * 2000))
        sequential = run(cli, "bounces", "--json", "many", cwd=root)
        for jobs in ("2", "4", "0"):
            parallel = run(cli, "bounces", "--json", "-j", jobs, "many", cwd=root)
            check.equal(f"-j {jobs}: same output as -j 1", parallel[:2], sequential[:2])
        check.equal("-j order", recipients(strict_lines(sequential[1])), [f"r{i:03d}@example.com" for i in range(80)])
        table = run(cli, "bounces", "--jobs=3", "many", cwd=root)[1].decode()
        check.equal("table -j order", [line.split()[1] for line in table.splitlines()[1:81]],
                    [f"r{i:03d}@example.com" for i in range(80)])

        # No silent drop: one row per recipient past 200 files, in the table too.
        for i in range(250):
            write(f"wide/{i:03d}.eml", notice(f"w{i:03d}@example.com"))
        status, out, _ = run(cli, "bounces", "-j", "2", "wide", cwd=root)
        rows = [line for line in out.decode().splitlines() if line[:1].isdigit() and "@example.com" in line]
        check.equal("250 files: table rows", len(rows), 250)
        check.expect("250 recipients in 250 messages" in out.decode(), "250 files: the summary")
        check.equal("250 files: JSON rows", len(strict_lines(run(cli, "bounces", "--json", "wide", cwd=root)[1])), 250)
        summary = run(cli, "bounces", "--summary", "wide", cwd=root)[1].decode()
        check.expect("w000@" not in summary and "250 recipients" in summary, "--summary prints only the counts")

        # A DSN row gives the address the sender gave, and the final one beside it when they differ.
        expanded = notice("ann.lee@mail.example.com").replace(
            "Final-Recipient: rfc822; ann.lee@mail.example.com\n",
            "Final-Recipient: rfc822; ann.lee@mail.example.com\nOriginal-Recipient: rfc822;ann@example.com\n")
        write("expanded.eml", expanded)
        rows = strict_lines(run(cli, "bounces", "--json", "expanded.eml", "single.eml", cwd=root)[1])
        check.equal("Original-Recipient reported, Final-Recipient beside it",
                    [(o["recipient"], o["final_recipient"]) for o in rows],
                    [("ann@example.com", "ann.lee@mail.example.com"), ("one@example.com", None)])
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
