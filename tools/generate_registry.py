#!/usr/bin/env python3
"""Generates the registry tables of smtpcodes from the CSV files in data/.

    tools/generate_registry.py           rewrite the generated headers
    tools/generate_registry.py --check   exit 1 if a committed header is stale

Outputs:
    include/smtpcodes/detail/registry_data.hpp   every table, sorted by key
    include/smtpcodes/registry/reply_codes.hpp   named reply code constants

Facts (copied from the shared reference data): iana-enhanced-status-codes.csv,
smtp-reply-codes.csv, seed-codes.csv, vendor-dotless-mapping.csv.
The project's own words: enhanced-status-remedies.csv, reply-code-remedies.csv,
reply-code-fallbacks.csv, seed-claims.csv, derivation-pairings.csv,
reply-code-constants.csv.
"""
import argparse
import csv
import functools
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
DATA_HEADER = ROOT / "include" / "smtpcodes" / "detail" / "registry_data.hpp"
CONSTANTS_HEADER = ROOT / "include" / "smtpcodes" / "registry" / "reply_codes.hpp"

SEEDS = {
    "000_76a8ad3abdfbe540.txt": "salesforce_ndr_reference",
    "001_4866f3d5bc186b0e.txt": "salesforce_email_log_codes",
    "002_705e50922f8aeb0a.txt": "esp_code_list",
    "003_d9475aa5da511359.txt": "turbosmtp_table",
    "004_1dce11537df29d09.txt": "courier_code_list",
}
SOURCE_ORDER = {source: order for order, source in enumerate(SEEDS.values())}
AGREEMENT = {"agrees": "agrees", "partial": "partial", "conflicts": "conflicts", "n/a": "not_applicable"}
FIT = {"yes": "lines_up", "partial": "partial", "no": "does_not_line_up",
       "no-iana-entry": "unregistered", "n/a": "not_applicable"}
VERIFICATION = {"rfc-text": "rfc_text", "secondary": "secondary", "registry": "registry"}
RETRY_HEADER = ROOT / "include" / "smtpcodes" / "registry" / "retry.hpp"


@functools.lru_cache(maxsize=None)
def failure_reasons():
    """The enumerators of FailureReason in order (their values), read from the header that defines them."""
    text = RETRY_HEADER.read_text(encoding="utf-8")
    body = re.search(r"enum class FailureReason : std::uint8_t \{(.*?)\};", text, re.S)
    if not body:
        raise DataError("FailureReason not found in %s" % RETRY_HEADER)
    return re.findall(r"^\s*([a-z_]+),", body.group(1), re.M)

NOT_SMTP = {101, 111}  # class 1 replies do not exist; socket errors (data/notes.md sec. 1)


class DataError(Exception):
    pass


def read(name):
    with open(DATA / name, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for number, row in enumerate(rows, start=2):
        if None in row or None in row.values():
            raise DataError("data/%s line %d: wrong number of fields" % (name, number))
    return rows


def cxx(text):
    """A C++ string literal (as a string_view literal operand)."""
    out = ['"']
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= ord(ch) < 0x7F:
            out.append(ch)
        else:
            for byte in ch.encode("utf-8"):
                out.append("\\%03o" % byte)
    out.append('"')
    return "".join(out)


def u16_literal(numbers):
    """A char16_t string literal of the numbers: one token where a braced list has one per number."""
    return 'u"' + "".join("\\x%x" % n for n in numbers) + '"'


class TextPool:
    """All strings of the tables in one character array, each stored once."""

    def __init__(self):
        self.text = bytearray()
        self.offsets = {}

    def ref(self, text):
        """The text's (offset, size) in the pool."""
        data = text.encode("utf-8")
        if not data:
            return (0, 0)
        if text not in self.offsets:
            found = self.text.find(data)
            if found < 0:
                found = len(self.text)
                self.text += data
            self.offsets[text] = found
        if self.offsets[text] + len(data) > 0xFFFF:
            raise DataError("the text pool outgrew 16-bit offsets")
        return (self.offsets[text], len(data))


class FieldPool:
    """The encoded fields of every table row, 16-bit numbers in one char16_t
    array: a row of the tables holds its public members and the offset of its
    fields here. Each number in a brace-enclosed list costs the compiler about
    as much as a whole string literal, so the tables keep few numbers of their
    own. Rows with equal fields share them."""

    def __init__(self):
        self.fields = []
        self.offsets = {}

    def add(self, *fields):
        flat = []
        for field in fields:
            flat.extend(field if isinstance(field, tuple) else (field,))
        key = tuple(flat)
        if key not in self.offsets:
            if any(not 0 <= f <= 0xFFFF for f in key):
                raise DataError("a field outgrew 16 bits: %r" % (key,))
            self.offsets[key] = len(self.fields)
            self.fields.extend(key)
        if self.offsets[key] > 0xFFFF:
            raise DataError("the field pool outgrew 16-bit offsets")
        return self.offsets[key]


POOL = TextPool()
FIELDS = FieldPool()


def sv(text):
    return POOL.ref(text)


def remedy(row, where, failure_class):
    """Who acts and whether to retry are not data: registry/retry.hpp derives them
    from the reason and the class, with the rule table the classifier uses too."""
    if row["reason"] not in failure_reasons():
        raise DataError("%s: unknown reason %r" % (where, row["reason"]))
    if not row["remedy"]:
        raise DataError("%s: empty remedy" % where)
    return (failure_reasons().index(row["reason"]), failure_class) + sv(row["remedy"])


def generic_key(code):
    """X.s.d -> (s, d)."""
    m = re.fullmatch(r"X\.(\d{1,3})\.(\d{1,3})", code)
    if not m:
        raise DataError("not an X.s.d code: %r" % code)
    return int(m.group(1)), int(m.group(2))


def strip_paired_code(meaning):
    # "Authentication credentials invalid (5.7.8)" -> the title without the pairing.
    return re.sub(r"\s*\([245X]\.\d+\.\d+\)$", "", meaning)


def build():
    iana = read("iana-enhanced-status-codes.csv")
    replies = read("smtp-reply-codes.csv")
    seeds = read("seed-codes.csv")
    dotless = read("vendor-dotless-mapping.csv")
    status_words = {r["code"]: r for r in read("enhanced-status-remedies.csv")}
    reply_words = {int(r["code"]): r for r in read("reply-code-remedies.csv")}
    fallbacks = read("reply-code-fallbacks.csv")
    claim_words = {(r["seed_file"], int(r["line"])): r for r in read("seed-claims.csv")}
    pairings = read("derivation-pairings.csv")
    constants = read("reply-code-constants.csv")

    # Seed claims, split by what they are about.
    reply_claims = {}   # code -> [claim]
    status_claims = {}  # (s, d) -> [claim]
    class_claims = {}   # digit -> [claim]
    used_words = set()
    for row in seeds:
        source = SEEDS.get(row["seed_file"])
        if source is None:
            raise DataError("unknown seed file %r" % row["seed_file"])
        line = int(row["line"])
        agreement = AGREEMENT[row["agrees_with_rfc"]]
        words = claim_words.get((row["seed_file"], line))
        if words is not None:
            if words["code"] != row["code"]:
                raise DataError("seed-claims.csv %s:%d names %r, the seed row %r" %
                                (row["seed_file"], line, words["code"], row["code"]))
            used_words.add((row["seed_file"], line))
        if agreement != "agrees" and (words is None or not words["meaning"]):
            raise DataError("seed row %s:%d (%s) disagrees but has no paraphrase in seed-claims.csv" %
                            (row["seed_file"], line, row["code"]))
        meaning = words["meaning"] if words is not None and agreement != "agrees" else ""
        claim = (source, row["code"], line, agreement, meaning)
        code = row["code"]
        if re.fullmatch(r"\d{3}(/\d{3})*", code):
            for part in code.split("/"):
                reply_claims.setdefault(int(part), []).append(claim)
        elif re.fullmatch(r"[245]", code):
            class_claims.setdefault(int(code), []).append(claim)
        elif re.fullmatch(r"X\.\d+\.\d+", code):
            status_claims.setdefault(generic_key(code), []).append(claim)
        elif re.fullmatch(r"[245]\.\d+\.\d+", code):
            status_claims.setdefault(generic_key("X" + code[1:]), []).append(claim)
        else:
            raise DataError("seed code %r has an unknown form" % code)
    unused = set(claim_words) - used_words
    if unused:
        raise DataError("seed-claims.csv rows match no seed row: %s" % sorted(unused))

    # Reply codes: RFC meanings per context, then one record per code.
    meanings = {}
    for row in replies:
        meanings.setdefault(int(row["code"]), []).append(row)
    codes = sorted(set(meanings) | set(reply_claims))
    missing = [c for c in codes if c not in reply_words]
    if missing:
        raise DataError("reply-code-remedies.csv lacks codes %s" % missing)
    extra = sorted(set(reply_words) - set(codes))
    if extra:
        raise DataError("reply-code-remedies.csv has codes no fact table names: %s" % extra)

    out = []
    emit = out.append
    emit("// Generated by tools/generate_registry.py from data/*.csv. Do not edit;")
    emit("// edit the CSV files and run the script (a test fails when this is stale).")
    emit("#ifndef SMTPCODES_DETAIL_REGISTRY_DATA_HPP")
    emit("#define SMTPCODES_DETAIL_REGISTRY_DATA_HPP")
    emit("")
    emit("#include <cstddef>")
    emit("#include <cstdint>")
    emit("#include <string_view>")
    emit("")
    emit("#include <smtpcodes/registry/types.hpp>")
    emit("")
    emit("namespace smtpcodes {")
    emit("inline namespace v0 {")
    emit("namespace detail {")
    emit("")
    pool_at = len(out)

    def claim_table(name, groups):
        emit("inline constexpr SourceClaim %s[] = {" % name)
        offsets = {}
        index = 0
        for key in sorted(groups):
            offsets[key] = (index, len(groups[key]))
            for source, code, line, agreement, meaning in sorted(groups[key], key=lambda c: (SOURCE_ORDER[c[0]], c[2])):
                emit("    {%d, Source::%s, %d, Agreement::%s},  // %s" %
                     (FIELDS.add(sv(code), sv(meaning)), source, line, agreement, code))
                index += 1
        emit("};")
        emit("")
        return offsets

    def view(offsets, key):
        return offsets.get(key, (0, 0))

    reply_claim_at = claim_table("reply_claims", reply_claims)
    status_claim_at = claim_table("status_claims", status_claims)
    class_claim_at = claim_table("class_claims", class_claims)

    emit("inline constexpr ReplyMeaning reply_meanings[] = {")
    meaning_at = {}
    index = 0
    for code in sorted(meanings):
        meaning_at[code] = (index, len(meanings[code]))
        for row in meanings[code]:
            emit("    {%d, Verification::%s},  // %d" %
                 (FIELDS.add(code, sv(row["meaning"]), sv(row["defined_in"]), sv(row["context"])),
                  VERIFICATION[row["verification"]], code))
            index += 1
    emit("};")
    emit("")

    emit("inline constexpr ReplyCodeRecord reply_code_records[] = {")
    reply_index = {}
    for position, code in enumerate(codes):
        words = reply_words[code]
        rows = meanings.get(code, [])
        if code in NOT_SMTP:
            origin = "not_smtp"
        elif any(r["verification"] != "registry" for r in rows):
            origin = "rfc"
        elif rows:
            origin = "registry_only"
        else:
            origin = "vendor"
        title = words["title"]
        if not title:
            if origin != "rfc":
                raise DataError("reply code %d needs a title in reply-code-remedies.csv" % code)
            primary = [r for r in rows if r["defined_in"] == "RFC5321"] or \
                      [r for r in rows if r["verification"] != "registry"]
            title = strip_paired_code(primary[0]["meaning"])
        references = []
        for r in rows:
            for ref in r["defined_in"].split(";"):
                if ref not in references:
                    references.append(ref)
        emit("    {%d, Origin::%s},  // %d" %
             (FIELDS.add(code, sv(title), sv(words["description"]), sv(";".join(references)),
                         remedy(words, "reply %d" % code, code // 100), view(meaning_at, code),
                         view(reply_claim_at, code)), origin, code))
        reply_index[code] = position
    emit("};")
    emit("")
    if len(codes) >= 255:
        raise DataError("the reply code index holds at most 254 records")
    emit("// reply_code_index[code - 100] is 1 + the record's index, or 0 (a string:")
    emit("// 900 numbers in braces would cost more to compile than all the tables).")
    emit("inline constexpr char16_t reply_code_index[] =")
    cells = [reply_index[c] + 1 if c in reply_index else 0 for c in range(100, 1000)]
    lines = ["    " + u16_literal(cells[start:start + 30]) for start in range(0, 900, 30)]
    out.extend(lines[:-1] + [lines[-1] + ";", ""])

    emit("inline constexpr ReplyFallbackRecord reply_fallbacks[] = {")
    for position, row in enumerate(fallbacks):
        if int(row["first_digit"]) != position + 1:
            raise DataError("reply-code-fallbacks.csv must list first digits 1 to 9 in order")
        emit("    {%d, %d}," % (FIELDS.add(sv(row["title"]), sv(row["description"]),
                                       remedy(row, "fallback %d" % (position + 1), position + 1)), position + 1))
    emit("};")
    emit("")

    # Enhanced status codes.
    enumerated = [r for r in iana if r["registry"] == "enumerated"]
    enumerated.sort(key=lambda r: generic_key(r["code"]))
    keys = [generic_key(r["code"]) for r in enumerated]
    unknown_claims = sorted(set(status_claims) - set(keys))
    if unknown_claims:
        raise DataError("seed enhanced codes not in the registry: %s" % unknown_claims)
    emit("inline constexpr AssociatedReply associated_replies[] = {")
    associated_at = {}
    index = 0
    for row, key in zip(enumerated, keys):
        items = [a for a in row["associated_basic_status_codes"].split(";") if a]
        if not items:
            continue
        associated_at[key] = (index, len(items))
        for item in items:
            if item == "Any":
                emit("    {AssociationKind::any, 0},")
            elif re.fullmatch(r"[245]XX", item):
                emit("    {AssociationKind::any_in_class, %s}," % item[0])
            elif re.fullmatch(r"[2-5][0-5][0-9]", item):
                emit("    {AssociationKind::code, %s}," % item)
            else:
                raise DataError("%s: bad associated code %r" % (row["code"], item))
            index += 1
    emit("};")
    emit("")

    emit("inline constexpr EnhancedStatusRecord enhanced_status_records[] = {")
    for row, key in zip(enumerated, keys):
        words = status_words.get(row["code"])
        if words is None:
            raise DataError("enhanced-status-remedies.csv lacks %s" % row["code"])
        deprecated = "deprecated" in row["notes"]
        emit("    {%d, %s},  // %s" %
             (FIELDS.add(key[0], key[1], sv(row["summary"]), sv(words["description"]), sv(row["references"]),
                         sv(row["associated_basic_status_codes_raw"]), remedy(words, row["code"], 5),
                         view(associated_at, key), view(status_claim_at, key)),
              "true" if deprecated else "false", row["code"]))
    emit("};")
    emit("")

    def group_table(name, registry, pattern, claims_at):
        emit("inline constexpr StatusGroupRecord %s[] = {" % name)
        rows = [r for r in iana if r["registry"] == registry]
        for expected, row in enumerate(rows):
            m = re.fullmatch(pattern, row["code"])
            if not m:
                raise DataError("bad %s code %r" % (registry, row["code"]))
            number = int(m.group(1))
            words = status_words.get(row["code"])
            if words is None:
                raise DataError("enhanced-status-remedies.csv lacks %s" % row["code"])
            emit("    {%d, %d},  // %s" %
                 (FIELDS.add(sv(row["summary"]), sv(words["description"]), sv(row["references"]),
                             remedy(words, row["code"], number if registry == "class" else 5),
                             view(claims_at, number)), number, row["code"]))
        emit("};")
        emit("")
        return rows

    group_table("status_classes", "class", r"([245])\.XXX\.YYY", class_claim_at)
    subjects = group_table("status_subjects", "subject", r"X\.(\d)\.YYY", {})
    if [r["code"] for r in subjects] != ["X.%d.YYY" % n for n in range(8)]:
        raise DataError("the subject table must list X.0.YYY to X.7.YYY in order")

    emit("inline constexpr DotlessReading dotless_readings[] = {")
    for row in sorted(dotless, key=lambda r: int(r["vendor_code"])):
        code = int(row["vendor_code"])
        reading = row["dotless_reading"]
        if reading:
            if reading != "%s.%s.%s" % tuple(row["vendor_code"]):
                raise DataError("dotless reading of %d is %r" % (code, reading))
            pass
        fit = FIT[row["lines_up"]]
        registered = bool(reading) and tuple(int(x) for x in reading.split(".")[1:]) in set(keys)
        if reading and registered == (fit == "unregistered"):
            raise DataError("dotless %d: fit %s but registered=%s" % (code, fit, registered))
        emit("    {%d, DotlessFit::%s}," % (code, fit))
    emit("};")
    emit("")

    emit("inline constexpr DerivationPairing derivation_pairings[] = {")
    for row in sorted(pairings, key=lambda r: int(r["reply_code"])):
        parts = row["enhanced_status"].split(".")
        if (int(parts[1]), int(parts[2])) not in set(keys):
            raise DataError("pairing %s -> %s: not registered" % (row["reply_code"], row["enhanced_status"]))
        if parts[0] != row["reply_code"][0]:
            raise DataError("pairing %s -> %s: classes differ" % (row["reply_code"], row["enhanced_status"]))
        emit("    {%d},  // %s %s" %
             (FIELDS.add(int(row["reply_code"]), int(parts[0]), int(parts[1]), int(parts[2]), sv(row["basis"])),
              row["reply_code"], row["enhanced_status"]))
    emit("};")
    emit("")

    pool = POOL.text.decode("utf-8")
    pieces = []
    for start in range(0, len(pool), 96):
        pieces.append("    " + cxx(pool[start:start + 96]))
    fields = ["    " + u16_literal(FIELDS.fields[start:start + 24]) for start in range(0, len(FIELDS.fields), 24)]
    out[pool_at:pool_at] = ["// Every string of the tables below, each stored once; a text field {offset, size} points here.",
                            "inline constexpr char registry_text[] ="] + pieces[:-1] + [pieces[-1] + ";", "",
                            "// The encoded fields of the rows below, 16-bit numbers; each row holds the",
                            "// offset of its own (their layout: detail::*Fields in registry/types.hpp).",
                            "inline constexpr char16_t registry_fields[] ="] + fields[:-1] + [fields[-1] + ";", ""]
    emit("// How many rows data/seed-codes.csv has, for the tests.")
    emit("inline constexpr std::size_t seed_row_count = %d;" % len(seeds))
    emit("")
    emit("}  // namespace detail")
    emit("}  // namespace v0")
    emit("}  // namespace smtpcodes")
    emit("")
    emit("#endif  // SMTPCODES_DETAIL_REGISTRY_DATA_HPP")
    data_header = "\n".join(out) + "\n"

    out = []
    emit = out.append
    emit("// Generated by tools/generate_registry.py from data/reply-code-constants.csv.")
    emit("#ifndef SMTPCODES_REGISTRY_REPLY_CODES_HPP")
    emit("#define SMTPCODES_REGISTRY_REPLY_CODES_HPP")
    emit("")
    emit("#include <smtpcodes/reply_code.hpp>")
    emit("")
    emit("namespace smtpcodes {")
    emit("inline namespace v0 {")
    emit("// The reply codes the RFCs define, by name: reply_codes::mailbox_unavailable is 550.")
    emit("namespace reply_codes {")
    emit("")
    seen = set()
    for row in sorted(constants, key=lambda r: int(r["code"])):
        code = int(row["code"])
        if code not in meanings or row["constant"] in seen:
            raise DataError("constant %s for %d: not an RFC code, or a duplicate" % (row["constant"], code))
        seen.add(row["constant"])
        rows = meanings[code]
        comment = rows[0]["defined_in"] if len(rows) == 1 else ", ".join(
            sorted({r["defined_in"] for r in rows}))
        emit("inline constexpr ReplyCode %s = detail::make_reply_code(%d);  // %s" %
             (row["constant"], code, comment.replace(";", ", ")))
    emit("")
    emit("}  // namespace reply_codes")
    emit("}  // namespace v0")
    emit("}  // namespace smtpcodes")
    emit("")
    emit("#endif  // SMTPCODES_REGISTRY_REPLY_CODES_HPP")
    constants_header = "\n".join(out) + "\n"
    return {DATA_HEADER: data_header, CONSTANTS_HEADER: constants_header}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if a generated header is stale")
    args = parser.parse_args()
    try:
        outputs = build()
    except DataError as error:
        print("generate_registry.py: %s" % error, file=sys.stderr)
        return 2
    stale = []
    for path, text in outputs.items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT))
        else:
            path.write_text(text, encoding="utf-8")
            print("wrote %s" % path.relative_to(ROOT))
    if stale:
        print("stale: %s; run tools/generate_registry.py" % ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
