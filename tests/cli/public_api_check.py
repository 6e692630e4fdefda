#!/usr/bin/env python3
"""The examples and the user documentation use public API only: no file
under examples/, and neither README.md nor docs/*.md, names `detail::`.
docs/benchmarks.md and docs/robustness.md are for contributors and describe
the internals they measure, so they may.

PENDING lists the names other open work removes (issue 15); each entry must
still occur, so that the list is emptied as that work lands.

usage: public_api_check.py
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTRIBUTOR_DOCS = {"docs/benchmarks.md", "docs/robustness.md"}
PENDING = {
    ("docs/bounces.md", "detail::reason_for_status"),
    ("docs/bounces.md", "detail::reason_for_reply"),
    ("docs/bounces.md", "detail::phrases"),
}
NAME = re.compile(r"\bdetail::\w*")


def main():
    files = [p for p in (ROOT / "examples").rglob("*") if p.is_file()]
    files += [ROOT / "README.md"] + sorted((ROOT / "docs").glob("*.md"))
    failures = []
    seen = set()
    for path in files:
        relative = path.relative_to(ROOT).as_posix()
        if relative in CONTRIBUTOR_DOCS:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # sample messages in other charsets
        for number, line in enumerate(text.splitlines(), 1):
            for name in NAME.findall(line):
                if (relative, name) in PENDING:
                    seen.add((relative, name))
                else:
                    failures.append(f"{relative}:{number}: names {name}")
    for relative, name in sorted(PENDING - seen):
        failures.append(f"{relative} no longer names {name}: remove it from PENDING in {pathlib.Path(__file__).name}")
    for failure in failures:
        print("FAILED:", failure)
    print(f"{len(files)} files checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
