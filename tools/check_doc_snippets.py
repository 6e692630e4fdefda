#!/usr/bin/env python3
"""Compiles every ```cpp block of README.md and docs/*.md.

Each block becomes one translation unit, checked with
`g++ -std=c++17 -fsyntax-only -Iinclude`:

  - A block without an #include line gets the prelude below first: both
    umbrella headers, the optional integrations and the standard headers
    snippets use, and nothing else (no using-directives: a snippet that needs
    `using namespace smtpcodes::literals;` says so).
  - A block is compiled as a whole file. If that fails, it is compiled as the
    body of a function, for blocks that are a few statements. It passes if
    either compiles; the report shows the errors of the whole-file attempt
    (or of both, with --verbose).
  - A block that only lists signatures is skipped: write ```cpp signatures as
    its opening fence, or put <!-- signatures --> on the line before it.

Prints one line per failing block and a closing count, "N compiled, M failed,
K skipped", and exits 1 if any block fails. tools/test.d/25-doc-snippets.sh
runs it in CI.
"""

import argparse
import concurrent.futures
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
PRELUDE = """#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>
#include <smtpcodes/bounces.hpp>
#include <smtpcodes/error_code.hpp>
#include <smtpcodes/ostream.hpp>
"""
SIGNATURES_MARK = "<!-- signatures -->"


def blocks(path):
    """(line number, info string, code, skipped) for each fenced cpp block."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    index = 0
    while index < len(lines):
        match = re.match(r"^(\s*)```\s*(cpp|c\+\+)\b(.*)$", lines[index])
        if not match:
            index += 1
            continue
        info = match.group(3).strip()
        previous = index - 1
        while previous >= 0 and not lines[previous].strip():
            previous -= 1
        skipped = info.startswith("signatures") or (previous >= 0 and lines[previous].strip() == SIGNATURES_MARK)
        start = index + 1
        end = start
        while end < len(lines) and not re.match(r"^\s*```\s*$", lines[end]):
            end += 1
        found.append((start, info, "\n".join(lines[start:end]) + "\n", skipped))
        index = end + 1
    return found


def compile_source(source, compiler, flags):
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as f:
        f.write(source)
        name = f.name
    try:
        result = subprocess.run([compiler, "-std=c++17", "-fsyntax-only", "-I", str(ROOT / "include"), *flags, name],
                                capture_output=True, text=True)
        return result.returncode == 0, result.stderr.replace(name, "<snippet>")
    finally:
        os.unlink(name)


def check(code, compiler, flags):
    has_include = re.search(r"^\s*#\s*include\b", code, re.M) is not None
    head = "" if has_include else PRELUDE
    ok, errors = compile_source(head + '#line 1 "snippet"\n' + code, compiler, flags)
    if ok:
        return True, ""
    # Statements: the includes stay at file scope, the rest goes in a function.
    includes = "".join(line + "\n" for line in code.splitlines() if re.match(r"^\s*#\s*include\b", line))
    body = "".join(line + "\n" for line in code.splitlines() if not re.match(r"^\s*#\s*include\b", line))
    ok_body, errors_body = compile_source(head + includes + "void snippet_body() {\n" + body + "}\n", compiler, flags)
    if ok_body:
        return True, ""
    return False, errors + "\n--- as statements:\n" + errors_body


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", help="Markdown files (default: README.md and docs/*.md)")
    parser.add_argument("--compiler", default=os.environ.get("CXX", "g++"))
    parser.add_argument("--verbose", action="store_true", help="print every error in full")
    args = parser.parse_args()
    files = [pathlib.Path(f) for f in args.files] or [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    jobs = []
    skipped = 0
    for path in files:
        for line, info, code, skip in blocks(path):
            if skip:
                skipped += 1
            else:
                jobs.append((path, line, code))
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        results = list(pool.map(lambda job: check(job[2], args.compiler, []), jobs))
    for (path, line, _), (ok, errors) in zip(jobs, results):
        if ok:
            continue
        failed += 1
        where = os.path.relpath(path, ROOT)
        first = [e for e in errors.splitlines() if "error" in e][:3]
        print("FAIL %s:%d" % (where, line))
        print("\n".join("  " + e for e in (errors.splitlines() if args.verbose else first)))
    print("%d compiled, %d failed, %d skipped" % (len(jobs) - failed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
