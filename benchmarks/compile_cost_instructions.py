#!/usr/bin/env python3
"""Compile cost of smtpcodes in instructions of the compiler proper (cc1plus,
clang -cc1) under callgrind, as ratios to the <string_view>-only file. Unlike
CPU time, the counts do not move with the load of the machine, so a change
of a few percent shows.

    benchmarks/compile_cost_instructions.py [CASE ...]

CASEs are names of files in benchmarks/compile_cost/ (default: umbrella
umbrella_bounces); each is measured with g++ C++17 and C++20 and clang++
C++17 (-fsyntax-only). Set COMPILERS="g++:17 clang++:20" to choose others.
"""
import os
import re
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "benchmarks", "compile_cost")


def frontend_command(compiler, standard, source):
    """The command line of the compiler proper, as the driver would run it."""
    driver = [compiler, "-std=c++%s" % standard, "-fsyntax-only", "-I", os.path.join(ROOT, "include"), source, "-###"]
    lines = subprocess.run(driver, capture_output=True, text=True, check=True).stderr.splitlines()
    return shlex.split([line for line in lines if "cc1plus" in line or '"-cc1"' in line][-1])


def instructions(compiler, standard, source):
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    result = subprocess.run(command + frontend_command(compiler, standard, source), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("%s failed:\n%s" % (" ".join(command), result.stderr[-2000:]))
    return int(re.search(r"Collected : (\d+)", result.stderr).group(1))


def main():
    cases = sys.argv[1:] or ["umbrella", "umbrella_bounces"]
    configurations = [c.split(":") for c in os.environ.get("COMPILERS", "g++:17 g++:20 clang++:17").split()]
    print("| case | " + " | ".join("%s C++%s" % (c, s) for c, s in configurations) + " |")
    print("|" + "---|" * (len(configurations) + 1))
    baseline = {}
    for case in ["baseline_string_view"] + cases:
        cells = []
        for compiler, standard in configurations:
            count = instructions(compiler, standard, os.path.join(CASES, case + ".cpp"))
            baseline.setdefault((compiler, standard), count)
            cells.append("%.2fx (%.0fM)" % (count / baseline[(compiler, standard)], count / 1e6))
        print("| %s | %s |" % (case, " | ".join(cells)), flush=True)


if __name__ == "__main__":
    main()
