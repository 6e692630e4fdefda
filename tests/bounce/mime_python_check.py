"""Compares the library's MIME walk and transfer decoding with Python's email
package, part by part.

    mime_python_check.py DRIVER [--corpus DIR] [--seed N] [--count N] [--self-test]

DRIVER is tests/bounce/mime_dump.cpp built: it prints, for each file named on
its command line, one JSON line per part that for_each_mime_part visits and
one for the walk. By default this script generates --count messages from a
seeded random generator, writes them to a temporary directory, and compares
the driver's view of each with email.message_from_bytes(policy=compat32). With
--corpus it reads every file under DIR instead. --self-test changes one byte
of one decoded body, and drops one part, in the driver's output, and passes
only if both changes are caught.

The policy: email.policy.compat32. Both policies split a message into
parts with the same feedparser and decode bodies with the same code; they
differ in reading Content-Type parameters. default parses them with the
grammar of email.headerregistry, stricter on paper, but it reads an unquoted
value holding two apostrophes as RFC 2231's charset'language'value although
RFC 2231 applies only to names ending in "*": boundary=a'b'c, valid by RFC
2046 §5.1.1, becomes "c" and the message is not split. compat32 (Message.
get_param: split at ";", unquote) reads every parameter RFC 2045 allows as
written, on all the generated messages; where its leniency misreads
invalid input, the checker says so (DIFFERENCES["quoted_value_junk"]).

Python's reading is the reference except for the deliberate differences
listed in DIFFERENCES below, each encoded where it is checked. Each part
message/* (other than message/delivery-status) is a leaf for the library:
its body, as the library cut it, is run through the driver again and
compared with the message Python read there, so embedded messages are
compared too.
"""
import argparse
import base64
import email
import email.errors
import email.policy
import json
import os
import quopri
import random
import re
import subprocess
import sys
import tempfile

MAX_MIME_DEPTH = 4  # smtpcodes::max_mime_depth

# What differs on purpose, counted when it is met. Each entry is also a
# comment at the place it is handled.
DIFFERENCES = {
    "rfc822_leaf": "message/* is a leaf of the walk; Python reads the message inside (compared separately)",
    "dsn_leaf": "message/delivery-status is a leaf; Python splits it into header blocks (RFC 3464), not compared",
    "depth_limit": "multiparts at max_mime_depth are not opened (reported as parts_not_walked)",
    "no_type_default": "a missing or malformed Content-Type is reported as it is; Python says text/plain",
    "cte_blanks": "white space around the Content-Transfer-Encoding token is ignored (RFC 2045 §6.1); Python keeps it",
    "qp_line_ends": "quoted-printable: a bare CR ends a line, and blanks between '=' and the line end make a soft "
    "break (RFC 2045 §6.7 rule 3); Python's a2b_qp knows only LF and CRLF and keeps such an '='",
    "b64_padding_inside": "base64: '=' padding ends a group, not the data; Python stops at the first padding",
    "b64_lone_char": "base64: a lone last character is dropped and the rest decoded; Python returns the encoded text",
    "header_junk": "a header line that is neither a field nor a continuation is skipped; Python ends the header "
    "block there and gives the rest to the body (RFC 5322 §2.1 says neither)",
    "no_boundary_line_end": "a multipart without a boundary ends before the line break of the next delimiter "
    "(RFC 2046 §5.1.1); Python keeps that line break",
    "unclosed_line_end": "the last part of a multipart without a close delimiter keeps its last line break, "
    "which no delimiter takes; Python drops it",
    "quoted_value_junk": "text after a quoted parameter value ends it (RFC 2045 §5.1); compat32 keeps the quotes "
    "and the text, so such messages are compared with policy.default, which reads it so",
    "parameter_without_semicolon": "a parameter after white space without its ';' (a header folded without it) "
    "is still read; Python, by RFC 2045 §5.1, sees none",
    "empty_last_part": "a delimiter that ends the body opens no part; Python adds an empty one",
}


# --- The generator -----------------------------------------------------------

WORDS = ("delivery status notification failed mailbox unavailable user unknown quota exceeded the message "
         "could not be delivered to recipient remote server returned error please try again later").split()
TOKEN_SPECIALS = "'+_-."  # bchars that may stand in a token (RFC 2045 §5.1)
QUOTED_SPECIALS = "'()+_,-./:=? "  # bchars (RFC 2046 §5.1.1); space never last


class Generator:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.counter = 0

    def chance(self, p):
        return self.random.random() < p

    def mixed_case(self, text):
        if self.chance(0.5):
            return text
        return "".join(c.upper() if self.chance(0.5) else c.lower() for c in text)

    def words(self, count):
        return " ".join(self.random.choice(WORDS) for _ in range(count))

    def boundary(self):
        self.counter += 1
        quoted = self.chance(0.6)
        alphabet = "abcXYZ0123456789" + (QUOTED_SPECIALS if quoted else TOKEN_SPECIALS)
        core = "".join(self.random.choice(alphabet) for _ in range(self.random.randint(0, 20)))
        # Unique, and never ending in a space (bcharsnospace).
        value = f"{core}=_{self.counter}_x" if quoted else f"{core}_{self.counter}x"
        return value, (f'"{value}"' if quoted else value)

    def content_type(self, media_type, parameters, eol):
        text = self.mixed_case("Content-Type") + ": " + self.mixed_case(media_type)
        if self.chance(0.1):
            # A quoted value that holds the text of another parameter.
            decoy = self.random.choice(["boundary", "charset", "Boundary"])
            parameters = [("name", f'"see {decoy}=decoy.txt"')] + parameters
        for name, value in parameters:
            name = self.mixed_case(name) if self.chance(0.3) else name
            # Parameters folded onto the next line (RFC 5322 §2.2.3), or not.
            separator = ";" + eol + self.random.choice([" ", "\t", "    "]) if self.chance(0.4) else "; "
            text += separator + name + "=" + value
        return text

    def text_body(self, eol, eight_bit=False):
        lines = []
        for _ in range(self.random.randint(0, 6)):
            line = self.words(self.random.randint(0, 10))
            if eight_bit and self.chance(0.4):
                line += " " + bytes(self.random.randint(0x80, 0xFF) for _ in range(4)).decode("latin-1")
            if self.chance(0.1):
                line = "-- " + line  # a signature marker, never a delimiter
            lines.append(line)
        return eol.join(lines)

    def base64_body(self, eol):
        data = bytes(self.random.randint(0, 255) for _ in range(self.random.randint(0, 120)))
        if self.chance(0.15):
            # Blocks encoded one after another, each padded.
            data2 = bytes(self.random.randint(0, 255) for _ in range(self.random.randint(1, 20)))
            text = base64.b64encode(data).decode() + base64.b64encode(data2).decode()
        else:
            text = base64.b64encode(data).decode()
        if self.chance(0.2):
            text = text.rstrip("=")
        if self.chance(0.2):
            # Junk outside the alphabet, which RFC 2045 §6.8 says to ignore.
            chars = list(text)
            for _ in range(self.random.randint(1, 4)):
                chars.insert(self.random.randint(0, len(chars)), self.random.choice("!*~.\t #"))
            text = "".join(chars)
        width = self.random.choice([76, 64, 10, 4, 1000])
        return eol.join(text[i:i + width] for i in range(0, len(text), width)) if text else ""

    def quoted_printable_body(self, eol):
        lines = []
        for _ in range(self.random.randint(0, 6)):
            pieces = []
            for _ in range(self.random.randint(0, 8)):
                roll = self.random.random()
                if roll < 0.5:
                    pieces.append(self.random.choice(WORDS) + " ")
                elif roll < 0.7:
                    escape = f"={self.random.randint(0, 255):02X}"
                    pieces.append(escape.lower() if self.chance(0.3) else escape)
                elif roll < 0.8:
                    pieces.append("=" + eol)  # soft line break
                elif roll < 0.85:
                    pieces.append("=" + self.random.choice([" ", "\t", "  "]) + eol)  # soft break, blanks after
                elif roll < 0.9:
                    pieces.append("=G1")  # no escape: kept as it is (RFC 2045 §6.7 note 2)
                else:
                    pieces.append(self.random.choice(["  ", "\t", " "]))  # trailing white space
            lines.append("".join(pieces))
        return eol.join(lines)

    def leaf(self, eol, depth):
        headers = []
        kind = self.random.choice(["text", "text", "absent", "base64", "qp", "8bit", "rfc822", "dsn", "octet"])
        if kind == "rfc822" and depth < 6:
            headers.append(self.content_type("message/rfc822", [], eol))
            return headers, self.message(eol, depth + 1)
        if kind == "dsn":
            headers.append(self.content_type("message/delivery-status", [], eol))
            body = eol.join(["Reporting-MTA: dns; mx.example", "", "Final-Recipient: rfc822; a@example",
                             "Action: failed", "Status: 5.1.1"])
            return headers, body
        if kind != "absent":
            media = "text/plain" if kind != "octet" else "application/octet-stream"
            parameters = [("charset", self.random.choice(['"utf-8"', "us-ascii", '"ISO-8859-1"']))]
            headers.append(self.content_type(media, parameters if self.chance(0.7) else [], eol))
        encoding = {"base64": "base64", "qp": "quoted-printable", "8bit": "8bit"}.get(kind)
        if kind == "octet":
            encoding = "base64"
        if encoding is None and self.chance(0.3):
            encoding = "7bit"
        if encoding:
            blanks = self.random.choice(["", "", "", " ", "\t", eol + " "])  # after the token, or folded before it
            written = encoding + blanks if not blanks.startswith(eol) else blanks + encoding
            headers.append(self.mixed_case("Content-Transfer-Encoding") + ": " + self.mixed_case(written))
        if encoding == "base64":
            return headers, self.base64_body(eol)
        if encoding == "quoted-printable":
            return headers, self.quoted_printable_body(eol)
        return headers, self.text_body(eol, eight_bit=encoding == "8bit")

    def multipart(self, eol, depth):
        subtype = self.random.choice(["mixed", "alternative", "report"])
        value, written = self.boundary()
        parameters = [("boundary", written)]
        if subtype == "report":
            parameters.insert(0, ("report-type", "delivery-status"))
        if self.chance(0.05):
            parameters = []  # a multipart without a boundary: a leaf for both
        headers = [self.content_type("multipart/" + subtype, parameters, eol)]
        lines = []
        if self.chance(0.3):
            lines.append("This is a preamble. " + self.words(4))
        for _ in range(self.random.randint(1, 3)):
            lines.append("--" + value + self.random.choice(["", "", " ", "\t"]))
            part_headers, part_body = self.part(eol, depth + 1)
            lines.extend(part_headers)
            lines.append("")
            lines.append(part_body)
        if self.chance(0.85):
            lines.append("--" + value + "--")
            if self.chance(0.3):
                lines.append("epilogue " + self.words(3))
        return headers, eol.join(lines)

    def part(self, eol, depth):
        if depth < 6 and self.chance(0.35 if depth < 3 else 0.25):
            return self.multipart(eol, depth)
        return self.leaf(eol, depth)

    def message(self, eol, depth=0):
        headers = [self.mixed_case("From") + ": a@example", "Subject: " + self.words(3)]
        if self.chance(0.1):
            # obs-FWS (RFC 5322 §4.2): a continuation line of white space
            # only, which does not end the header block.
            headers.append(self.random.choice([" ", "\t", "  "]))
        if self.chance(0.5):
            headers.append(self.mixed_case("MIME-Version") + ": 1.0")
        part_headers, body = self.part(eol, depth)
        return eol.join(headers + part_headers + ["", body])

    def generate(self):
        eol = self.random.choice(["\r\n", "\n", "\r"])
        return self.message(eol).encode("latin-1")


# --- Python's view, with the deliberate differences --------------------------

LINE_END = re.compile(rb"\r\n|\r|\n")


def python_quoted_printable(body, counts):
    """a2b_qp on each line, with the line ends and soft breaks of RFC 2045
    §6.7 as the library reads them (DIFFERENCES["qp_line_ends"])."""
    out = []
    pieces = LINE_END.split(body)
    ends = LINE_END.findall(body) + [b""]
    whole = quopri.decodestring(body)
    for line, end in zip(pieces, ends):
        stripped = line.rstrip(b" \t")
        if stripped.endswith(b"="):
            out.append(quopri.decodestring(stripped[:-1]))
        else:
            out.append(quopri.decodestring(line) + end)
    ours = b"".join(out)
    if ours != whole:
        counts["qp_line_ends"] = counts.get("qp_line_ends", 0) + 1
    return ours


BASE64_ALPHABET = re.compile(rb"[A-Za-z0-9+/]")
NOT_BASE64 = re.compile(rb"[^A-Za-z0-9+/]")


def base64_blocks(text):
    """text cut after each "=" padding that completes a group of four."""
    blocks, start, quad, i = [], 0, 0, 0
    while i < len(text):
        char = text[i:i + 1]
        if BASE64_ALPHABET.match(char):
            quad = (quad + 1) % 4
        elif char == b"=" and quad >= 2:
            end, pads = i + 1, 1
            while end < len(text) and pads < 4 - quad and text[end:end + 1] == b"=":
                end, pads = end + 1, pads + 1
            blocks.append(text[start:end])
            start, quad, i = end, 0, end
            continue
        i += 1
    blocks.append(text[start:])
    return blocks


def python_base64(part, counts):
    expected = part.get_payload(decode=True)
    blocks = base64_blocks(b"".join(payload_bytes(part).splitlines()))
    # DIFFERENCES["b64_padding_inside"] and ["b64_lone_char"]: each padded
    # block decoded by Python, a lone last character of data dropped.
    ours = b""
    for block in blocks:
        data = NOT_BASE64.sub(b"", block)
        if len(data) % 4 == 1:
            data = data[:-1]
        ours += base64.b64decode(data + b"=" * (-len(data) % 4))
    if ours == expected:
        return expected
    if len(blocks) > 1 and ours.startswith(expected):
        counts["b64_padding_inside"] = counts.get("b64_padding_inside", 0) + 1
        return ours
    if any(isinstance(d, email.errors.InvalidBase64LengthDefect) for d in part.defects):
        counts["b64_lone_char"] = counts.get("b64_lone_char", 0) + 1
        return ours
    return expected  # no difference allowed here: Python's bytes are the reference


def payload_bytes(part):
    """The body as the parser cut it. get_payload() would decode 8-bit text
    in its charset, so the stored payload is read (bytes kept by the parser
    as surrogate escapes)."""
    payload = part._payload  # pylint: disable=protected-access
    if isinstance(payload, bytes):
        return payload
    return payload.encode("ascii", "surrogateescape")


def part_header(part):
    """The Content-Type value as the parser stored it (folding kept)."""
    for key, value in part._headers:  # pylint: disable=protected-access
        if key.lower() == "content-type":
            return str(value).encode("utf-8", "surrogateescape")
    return b""


def quoted_value_junk(message):
    """Does a Content-Type of the message have text after a quoted value?"""
    return any(re.search(rb'=\s*"[^"]*"[ \t]*[^;\s]', part_header(part)) for part in message.walk())


def parameter(part, name):
    value = part.get_param(name)
    if value is None:
        return b""
    return email.utils.collapse_rfc2231_value(value).encode("utf-8", "surrogateescape")


def python_parts(message, ends_unclosed=False):
    """The parts the library's walk should visit, as (depth, part, role,
    last_unclosed) in its order: role "leaf", "multipart", "not_walked" or
    "message"; last_unclosed for the last part of a multipart that has no
    close delimiter."""
    parts = []

    def visit(part, depth, last_unclosed=False):
        maintype = part.get_content_maintype()
        if part.is_multipart() and maintype == "multipart":
            if depth >= MAX_MIME_DEPTH:
                parts.append((depth, part, "not_walked", False))  # DIFFERENCES["depth_limit"]
                return
            parts.append((depth, part, "multipart", False))
            children = part.get_payload()
            unclosed = any(isinstance(d, email.errors.CloseBoundaryNotFoundDefect) for d in part.defects)
            for number, child in enumerate(children):
                visit(child, depth + 1, unclosed and number == len(children) - 1)
        elif part.is_multipart():
            parts.append((depth, part, "message", last_unclosed))  # DIFFERENCES["rfc822_leaf"], ["dsn_leaf"]
        else:
            parts.append((depth, part, "leaf", last_unclosed))

    visit(message, 0, ends_unclosed)
    return parts


# --- The comparison ----------------------------------------------------------


def unhex(value):
    return None if value is None else bytes.fromhex(value)


def run_driver(driver, paths):
    done = subprocess.run([driver, *paths], capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"{driver} failed ({done.returncode}): {done.stderr.decode(errors='replace')}")
    views = [{"parts": [], "walk": None} for _ in paths]
    for line in done.stdout.decode("ascii").splitlines():
        record = json.loads(line)
        view = views[record["file"]]
        if "depth" in record:
            view["parts"].append(record)
        else:
            view["walk"] = record
    return views


def describe(record):
    if record is None:
        return "(none)"
    shown = {}
    for key, value in record.items():
        if isinstance(value, str) and key not in ("file",):
            data = bytes.fromhex(value)
            shown[key] = data[:120] if len(data) <= 120 else data[:120] + b"..."
        else:
            shown[key] = value
    return repr(shown)


class Checker:
    def __init__(self, driver, workdir):
        self.driver = driver
        self.workdir = workdir
        self.failures = []
        self.counts = {}
        self.compared = 0
        self.files = 0
        self.embedded = 0
        self.mutated = None  # the message the self-test changed

    def note(self, key):
        self.counts[key] = self.counts.get(key, 0) + 1

    def fail(self, name, index, what, ours, python, ours_value=None):
        where = ""
        if isinstance(python, bytes) and isinstance(ours_value, bytes):
            at = next((i for i, (a, b) in enumerate(zip(ours_value, python)) if a != b), min(len(ours_value), len(python)))
            where = (f"\n    first difference at byte {at} of {len(ours_value)} (library) and {len(python)} (python):"
                     f"\n      library {ours_value[max(0, at - 40):at + 40]!r}\n      python  {python[max(0, at - 40):at + 40]!r}")
            python = python[:200] + (b"..." if len(python) > 200 else b"")
        self.failures.append(f"{name}, part {index}: {what}\n    library: {ours}\n    python:  {python!r}{where}")

    def compare_part(self, name, index, record, expected, embedded):
        depth, part, role, last_unclosed = expected
        def same(what, ours, theirs):
            if ours != theirs:
                self.fail(name, index, what, describe(record), theirs, ours)
        same("depth", record["depth"], depth)
        same("parts_not_walked", record["not_walked"], role == "not_walked")
        if any(isinstance(d, email.errors.MissingHeaderBodySeparatorDefect) for d in part.defects):
            # DIFFERENCES["header_junk"]: the library's body starts after the
            # first empty line of what Python took for the body.
            self.note("header_junk")
            raw = payload_bytes(part) if not part.is_multipart() else None
            if raw is not None:
                match = re.search(rb"(\r\n|\r|\n)(\r\n|\r|\n)", raw)
                raw = self.line_ends(part, unhex(record["body"]), raw[match.end():] if match else b"", last_unclosed)
                same("body after a header junk line", unhex(record["body"]), raw)
            return
        ours_type = unhex(record["type"]).decode("latin-1")
        if ours_type.count("/") != 1 and part.get_content_type() == part.get_default_type():
            self.note("no_type_default")  # DIFFERENCES["no_type_default"]
        else:
            same("media type", ours_type, part.get_content_type())
        for name_ in ("boundary", "charset"):
            ours, theirs = unhex(record[name_]), parameter(part, name_)
            if ours and not theirs and re.search(rb"[^;\s]\s+" + name_.encode() + rb"\s*=", part_header(part)):
                self.note("parameter_without_semicolon")  # DIFFERENCES["parameter_without_semicolon"]
                continue
            same(name_, ours, theirs)
        cte = str(part.get("content-transfer-encoding", ""))
        same("content-transfer-encoding", unhex(record["cte"]).decode("latin-1").lower(), cte.strip().lower())
        if role == "message":
            if part.get_content_type() == "message/delivery-status":
                self.note("dsn_leaf")
            else:
                self.note("rfc822_leaf")
                embedded.append((f"{name} part {index} (embedded)", unhex(record["body"]), part.get_payload()[0],
                                 last_unclosed))
            return
        if role != "leaf":
            return
        ours_body = unhex(record["body"])
        raw = self.line_ends(part, ours_body, payload_bytes(part), last_unclosed)
        same("body", ours_body, raw)
        mechanism = cte.strip().lower()
        if cte != cte.strip() and mechanism in ("base64", "quoted-printable"):
            # DIFFERENCES["cte_blanks"]: Python decodes as the token says once
            # the blanks are gone (this parse is the checker's own).
            self.note("cte_blanks")
            part.replace_header("Content-Transfer-Encoding", mechanism)
        if mechanism == "base64":
            same("base64 decoded", unhex(record["decoded"]), python_base64(part, self.counts))
        elif mechanism == "quoted-printable":
            same("quoted-printable decoded", unhex(record["decoded"]), python_quoted_printable(raw, self.counts))
        else:
            same("decoded", record["decoded"], None)

    def line_ends(self, part, ours, raw, last_unclosed):
        """Python's body with the line ends the library gives it on purpose."""
        if part.get_content_maintype() == "multipart" and raw.startswith(ours) and LINE_END.fullmatch(raw[len(ours):]):
            # DIFFERENCES["no_boundary_line_end"]: Python strips the line
            # break before a delimiter from a multipart's epilogue, and one
            # without a boundary has none, so its payload keeps it.
            self.note("no_boundary_line_end")
            return ours
        if last_unclosed and ours.startswith(raw) and LINE_END.fullmatch(ours[len(raw):]):
            # DIFFERENCES["unclosed_line_end"]: no delimiter follows to take
            # the last line break (RFC 2046 §5.1.1), so the library keeps it.
            self.note("unclosed_line_end")
            return ours
        return raw

    def compare(self, name, data, view, message, embedded, ends_unclosed=False):
        self.files += 1
        if quoted_value_junk(message):
            # DIFFERENCES["quoted_value_junk"]
            self.note("quoted_value_junk")
            message = email.message_from_bytes(data, policy=email.policy.default)
        expected = python_parts(message, ends_unclosed)
        parts = view["parts"]
        walk = view["walk"]
        ours_count = len(parts)
        theirs = list(expected)
        # DIFFERENCES["empty_last_part"]: Python's empty part after a
        # delimiter that ends its multipart's body.
        if ours_count + 1 == len(theirs) or ours_count < len(theirs):
            kept = []
            for expected in theirs:
                part = expected[1]
                if expected[2] == "leaf" and not part.keys() and payload_bytes(part) == b"" and not part.defects:
                    kept.append(None)
                else:
                    kept.append(expected)
            empties = [i for i, k in enumerate(kept) if k is None]
            if empties and len(theirs) - len(empties) <= ours_count < len(theirs):
                # Drop only as many empty parts as the library lacks, last first.
                drop = set(empties[-(len(theirs) - ours_count):])
                theirs = [t for i, t in enumerate(theirs) if i not in drop]
                for _ in drop:
                    self.note("empty_last_part")
        if walk is None:
            self.failures.append(f"{name}: the driver printed no walk line")
            return
        if walk["parts"] != ours_count:
            self.failures.append(f"{name}: the walk says {walk['parts']} parts, the callback saw {ours_count}")
        skipped = sum(1 for p in parts if p["not_walked"])
        if walk["skipped_multiparts"] != skipped or walk["truncated"] != (skipped != 0):
            self.failures.append(f"{name}: skipped_multiparts {walk['skipped_multiparts']}, parts_not_walked {skipped}")
        if any(expected[2] == "not_walked" for expected in theirs):
            self.note("depth_limit")
        for index in range(max(ours_count, len(theirs))):
            record = parts[index] if index < ours_count else None
            if index >= len(theirs) or record is None:
                extra = theirs[index] if index < len(theirs) else None
                self.fail(name, index, "part count", describe(record),
                          None if extra is None else (extra[0], extra[1].get_content_type(), extra[2]))
                break
            before = len(self.failures)
            self.compared += 1
            self.compare_part(name, index, record, theirs[index], embedded)
            if len(self.failures) > before:
                break  # the first difference in a file says enough

    def run(self, items, mutate=None):
        """items: (name, bytes, python message or None, ends_unclosed)."""
        round_number = 0
        while items:
            paths = []
            for number, (name, data, _, _) in enumerate(items):
                path = os.path.join(self.workdir, f"r{round_number}_{number}.eml")
                with open(path, "wb") as out:
                    out.write(data)
                paths.append(path)
            views = run_driver(self.driver, paths)
            if mutate is not None:
                self.mutated = items[mutate(views)][0]
                mutate = None
            embedded = []
            for (name, data, message, ends_unclosed), view in zip(items, views):
                if message is None:
                    message = email.message_from_bytes(data, policy=email.policy.compat32)
                self.compare(name, data, view, message, embedded, ends_unclosed)
            self.embedded += len(embedded)
            items = embedded
            round_number += 1


def generated_items(seed, count):
    generator = Generator(seed)
    return [(f"generated #{i} (seed {seed})", generator.generate(), None, False) for i in range(count)]


def corpus_items(root):
    items = []
    for directory, _, files in sorted(os.walk(root)):
        for file in sorted(files):
            path = os.path.join(directory, file)
            with open(path, "rb") as data:
                items.append((path, data.read(), None, False))
    return items


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("driver")
    arguments.add_argument("--corpus")
    arguments.add_argument("--seed", type=int, default=2045)
    arguments.add_argument("--count", type=int, default=300)
    arguments.add_argument("--self-test", action="store_true")
    arguments.add_argument("--save", help="write the generated messages to this directory")
    options = arguments.parse_args()

    items = corpus_items(options.corpus) if options.corpus else generated_items(options.seed, options.count)
    if options.save:
        os.makedirs(options.save, exist_ok=True)
        for number, (_, data, _, _) in enumerate(items):
            with open(os.path.join(options.save, f"{number:04}.eml"), "wb") as out:
                out.write(data)

    with tempfile.TemporaryDirectory(prefix="mime_python_") as workdir:
        if options.self_test:
            return self_test(options.driver, workdir, items)
        checker = Checker(options.driver, workdir)
        checker.run(items)

    for failure in checker.failures:
        print("FAIL", failure)
    print(f"{checker.files} messages ({checker.embedded} of them embedded), {checker.compared} parts compared, "
          f"{len(checker.failures)} disagreements")
    for key, count in sorted(checker.counts.items()):
        print(f"  deliberate difference {key}: {count} ({DIFFERENCES[key]})")
    return 1 if checker.failures else 0


def self_test(driver, workdir, items):
    """The comparison must catch a changed byte and a missing part."""

    def change_a_byte(views):
        for number, view in enumerate(views):
            for record in view["parts"]:
                if record["decoded"] not in (None, "error") and record["decoded"]:
                    first = int(record["decoded"][:2], 16) ^ 0x01
                    record["decoded"] = f"{first:02x}" + record["decoded"][2:]
                    return number
        sys.exit("self-test: no decoded body to change")

    def drop_a_part(views):
        for number, view in enumerate(views):
            if len(view["parts"]) > 2:
                del view["parts"][1]
                view["walk"]["parts"] -= 1
                return number
        sys.exit("self-test: no message with three parts")

    status = 0
    for what, mutate in (("a changed decoded byte", change_a_byte), ("a dropped part", drop_a_part)):
        checker = Checker(driver, workdir)
        checker.run(list(items), mutate)
        # Caught, and only in the message changed (or the ones embedded in it).
        own = (checker.mutated + ",", checker.mutated + " part")
        if checker.failures and all(f.startswith(own) for f in checker.failures):
            print(f"self-test: {what} was caught: {checker.failures[0].splitlines()[0]}")
        else:
            print(f"self-test: {what} gave {len(checker.failures)} failures, expected some, all in {checker.mutated}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
