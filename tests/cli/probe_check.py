#!/usr/bin/env python3
"""`smtpcodes probe` against a scripted server on 127.0.0.1: the commands it
sends, its JSON (the replies schema, strict UTF-8), and its exit status: 0
for a session that ran, 1 when a reply did not parse, 2 when the server
closed the connection early or nothing listens.

usage: probe_check.py PATH-TO-smtpcodes
"""
import socket
import sys
import threading

from cli_support import Checker, load_schema, run, schema_errors, strict_lines


def serve(listener, replies, received):
    """Accepts one connection: the greeting, then one reply per command line."""
    connection, _ = listener.accept()
    with connection:
        connection.sendall(replies[0])
        pending = b""
        for reply in replies[1:]:
            while b"\r\n" not in pending:
                chunk = connection.recv(4096)
                if not chunk:
                    return
                pending += chunk
            line, pending = pending.split(b"\r\n", 1)
            received.append(line)
            if reply is None:
                return  # close early
            connection.sendall(reply)


def session(cli, replies, *arguments):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    received = []
    server = threading.Thread(target=serve, args=(listener, replies, received))
    server.start()
    try:
        status, out, err = run(cli, "probe", "--json", *arguments, "127.0.0.1", str(listener.getsockname()[1]))
    finally:
        server.join(timeout=30)
        listener.close()
    return status, out, err, received


def main():
    cli = sys.argv[1]
    check = Checker()
    if b"\n  probe " not in run(cli, "--help")[1]:
        print("built without probe (no POSIX sockets): nothing to check")
        return 0
    schema = load_schema("replies")
    good = [b"220 mx.example.org ESMTP\r\n", b"250-mx.example.org\r\n250 SIZE 1000\r\n", b"250 2.1.0 ok\r\n",
            b"550 5.1.1 \xff unknown\r\n", b"221 bye\r\n"]
    status, out, err, received = session(cli, good, "--helo", "probe.test", "--rcpt", "bob@example.org")
    objects = strict_lines(out)
    check.equal("a session: exit status", status, 0)
    check.equal("a session: commands", received,
                [b"EHLO probe.test", b"MAIL FROM:<>", b"RCPT TO:<bob@example.org>", b"QUIT"])
    check.equal("a session: codes", [o["code"] for o in objects], ["220", "250", "250", "550", "221"])
    check.equal("an invalid byte becomes U+FFFD", objects[3]["lines"], ["5.1.1 \ufffd unknown"])
    for number, instance in enumerate(objects):
        errors = schema_errors(instance, schema)
        check.expect(not errors, f"line {number + 1} against the replies schema: {errors[:3]}")

    broken = good[:3] + [b"5x0 what\r\n", b"221 bye\r\n"]
    status, out, err, _ = session(cli, broken)
    check.equal("a reply that does not parse: exit status", status, 1)
    check.expect(any(o["error"] for o in strict_lines(out)), "the error is in the JSON")

    status, out, err, _ = session(cli, good[:2] + [None])
    check.expect(status == 2 and "closed" in err, f"closed early: {status} {err!r}")

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    listener.close()  # nothing listens there now
    status, _, err = run(cli, "probe", "127.0.0.1", str(port))
    check.expect(status == 2 and "cannot connect" in err, f"nothing listens: {status} {err!r}")
    return check.finish()


if __name__ == "__main__":
    sys.exit(main())
