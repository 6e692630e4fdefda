#!/usr/bin/env python3
"""The smtpcodes program's command line: --help for every subcommand (usage
and an example), --version, unknown options and missing arguments as usage
errors, and the exit codes of docs/cli.md (0 success; 1 nothing found or an
input that held an error; 2 a usage or I/O error).

usage: help_check.py PATH-TO-smtpcodes
"""
import os
import sys
import tempfile

from cli_support import Checker, run

COMMANDS = ["explain", "replies", "find", "bounces", "probe"]


def main():
    cli = sys.argv[1]
    check = Checker()
    status, out, _ = run(cli, "--help")
    check.equal("smtpcodes --help", status, 0)
    listed = [c for c in COMMANDS if f"\n  {c} " in out.decode()]
    check.expect(set(COMMANDS) - {"probe"} <= set(listed), f"--help lists every command: {listed}")
    status, out, _ = run(cli, "--version")
    check.expect(status == 0 and out.decode().startswith("smtpcodes ") and out.decode().count(".") == 2,
                 f"--version: {status} {out!r}")
    check.equal("no command", run(cli)[0], 2)
    check.equal("unknown command", run(cli, "frobnicate")[0], 2)

    for command in listed:
        for flag in ("--help", "-h"):
            status, out, err = run(cli, command, flag)
            text = out.decode()
            check.equal(f"{command} {flag}: exit status", status, 0)
            check.expect(text.startswith(f"usage: smtpcodes {command} "), f"{command} {flag}: usage line: {text[:60]!r}")
            check.expect(f"\nexamples:\n  smtpcodes {command} " in text, f"{command} {flag}: an example")
            check.expect("--json" in text, f"{command} {flag}: names --json")
        status, _, err = run(cli, command, "--jsn", "x")
        check.expect(status == 2 and "unknown option '--jsn'" in err, f"{command} --jsn: {status} {err!r}")
        status, _, err = run(cli, command, "--json=yes", "x")
        check.expect(status == 2 and "takes no value" in err, f"{command} --json=yes: {status} {err!r}")
    if "probe" in listed:
        _, out, _ = run(cli, "probe", "--help")
        for option in ("--from", "--helo", "--rcpt", "--data"):
            check.expect(option in out.decode(), f"probe --help names {option}")
        check.equal("probe without a host", run(cli, "probe")[0], 2)
        check.equal("probe with three arguments", run(cli, "probe", "a", "25", "c")[0], 2)
    # `help COMMAND` is --help
    check.equal("help explain", run(cli, "help", "explain")[1], run(cli, "explain", "--help")[1])

    # explain: usage without an argument, 1 when an input held an error.
    status, out, err = run(cli, "explain")
    check.expect(status == 2 and out == b"" and "usage: smtpcodes explain [OPTION]... CODE-OR-REPLY" in err,
                 f"explain alone prints its usage: {status} {out[:80]!r} {err!r}")
    check.equal("explain 550", run(cli, "explain", "550")[0], 0)
    check.equal("explain 5x0", run(cli, "explain", "550", "5x0")[0], 1)
    check.equal("-- ends the options", run(cli, "explain", "--", "--json")[0], 1)

    # find: 0 when a code is found, 1 when none is.
    check.equal("find a code", run(cli, "find", "said 550 5.1.1 unknown")[0], 0)
    check.equal("find nothing", run(cli, "find", "nothing here")[0], 1)
    check.equal("find from stdin", run(cli, "find", "-", data=b"no\n451 4.7.1 later\n")[0], 0)
    check.equal("find without text", run(cli, "find")[0], 2)

    # replies: 0 for good replies, 1 for an error or an empty input, 2 for what cannot be read.
    check.equal("replies ok", run(cli, "replies", data=b"250 ok\r\n")[0], 0)
    check.equal("replies error", run(cli, "replies", data=b"25x\r\n")[0], 1)
    check.equal("replies nothing", run(cli, "replies", data=b"")[0], 1)
    with tempfile.TemporaryDirectory() as directory:
        status, _, err = run(cli, "replies", directory)
        check.expect(status == 2 and os.strerror(21) in err, f"replies DIR: {status} {err!r}")
        status, _, err = run(cli, "replies", os.path.join(directory, "missing"))
        check.expect(status == 2 and os.strerror(2) in err, f"replies MISSING: {status} {err!r}")
    check.equal("replies two files", run(cli, "replies", "a", "b")[0], 2)
    check.equal("replies --max-line-length 4", run(cli, "replies", "--max-line-length", "4")[0], 2)
    check.equal("replies --max-line-length=600", run(cli, "replies", "--max-line-length=600", data=b"250 x\r\n")[0], 0)

    # bounces: 1 when no input held a bounce, 2 when one could not be read.
    check.equal("bounces /dev/null", run(cli, "bounces", "/dev/null")[0], 1)
    check.equal("bounces -j x", run(cli, "bounces", "-j", "x", "/dev/null")[0], 2)
    check.equal("bounces --json --summary", run(cli, "bounces", "--json", "--summary", "/dev/null")[0], 2)
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
