#!/usr/bin/env python3
"""Turns the raw results of benchmarks/run.sh into the benchmark table.

    report.py RESULTS_DIR

RESULTS_DIR holds operations.tsv (smtpcodes_icount list), times.json (Google
Benchmark's JSON output) and instructions.tsv (name, rounds, Ir of the
calibration run, Ir of the measured run). Prints Markdown.
"""
import json
import os
import sys

ROLES = {0: "library", 1: "hand", 2: "libc", 3: "heavy"}


def load(directory):
    operations = []
    with open(os.path.join(directory, "operations.tsv")) as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            name, role, inputs_name, count, accepted, agree = fields[:6]
            total_bytes = int(fields[6]) if len(fields) > 6 else 0
            group, variant = name.split("/", 1)
            operations.append(dict(name=name, group=group, variant=variant, role=ROLES[int(role)],
                                   inputs_name=inputs_name, count=int(count), accepted=int(accepted),
                                   agree=int(agree), bytes=total_bytes))
    times = {}
    throughput = {}
    with open(os.path.join(directory, "times.json")) as source:
        for run in json.load(source)["benchmarks"]:
            # With repetitions, Google Benchmark reports mean, median and stddev.
            if run.get("aggregate_name", "median") == "median":
                unit = {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[run["time_unit"]]
                times[run["run_name"]] = run["cpu_time"] * unit
                if "bytes_per_second" in run:
                    throughput[run["run_name"]] = run["bytes_per_second"]
    instructions = {}
    with open(os.path.join(directory, "instructions.tsv")) as lines:
        for line in lines:
            name, rounds, calibration, measured = line.rstrip("\n").split("\t")
            instructions[name] = (int(measured) - int(calibration)) / int(rounds)
    for operation in operations:
        operation["ns"] = times.get(operation["name"])
        operation["bytes_per_second"] = throughput.get(operation["name"])
        per_round = instructions.get(operation["name"])
        operation["ir"] = per_round / operation["count"] if per_round is not None else None
    return operations


def ratio(value, reference):
    if value is None or reference is None or reference <= 0:
        return "n/a"
    return f"{value / reference:.2f}x"


def main():
    operations = load(sys.argv[1])
    overhead = {op["variant"]: op for op in operations if op["group"] == "loop overhead"}
    for op in operations:
        loop = overhead.get(op["inputs_name"])
        op["net_ir"] = op["ir"] - loop["ir"] if op["ir"] is not None and loop and op is not loop else op["ir"]

    groups = []
    for op in operations:
        if op["group"] != "loop overhead" and op["group"] not in groups:
            groups.append(op["group"])

    print("| operation | implementation | instructions vs hand | instructions vs std::regex* | time vs hand "
          "| time vs std::regex* | instructions/op | ns/op (this machine) | accepts | agrees with hand |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for group in groups:
        rows = [op for op in operations if op["group"] == group]
        hand = next(op for op in rows if op["role"] == "hand")
        heavy = next(op for op in rows if op["role"] == "heavy")
        for op in rows:
            variant = op["variant"] + (" (heavy)" if op is heavy else "")
            accepts = f"{op['accepted']}/{op['count']}"
            agrees = f"{op['agree']}/{op['count']}"
            ir = f"{op['net_ir']:.1f}" if op["net_ir"] is not None else "n/a"
            ns = f"{op['ns']:.2f}" if op["ns"] is not None else "n/a"
            print(f"| {group} | {variant} | {ratio(op['net_ir'], hand['net_ir'])} "
                  f"| {ratio(op['net_ir'], heavy['net_ir'])} | {ratio(op['ns'], hand['ns'])} "
                  f"| {ratio(op['ns'], heavy['ns'])} | {ir} | {ns} | {accepts} | {agrees} |")
    print()
    print("\\* std::regex for the parsers; for to_string, std::ostringstream plays its part.")
    streams = [g for g in groups if any(op["group"] == g and op["variant"].startswith("memchr") for op in operations)]
    if streams:
        print()
        print("Throughput over the same bytes (this machine), as a share of memchr's:")
        print()
        for group in streams:
            rows = {op["variant"]: op for op in operations if op["group"] == group}
            memchr = next(op for name, op in rows.items() if name.startswith("memchr"))
            for name, op in rows.items():
                if op is memchr or not op["bytes_per_second"] or not memchr["bytes_per_second"]:
                    continue
                share = op["bytes_per_second"] / memchr["bytes_per_second"]
                print(f"- {group}, {name}: {op['bytes_per_second'] / 1e6:.0f} MB/s, "
                      f"{share:.3f} of memchr's {memchr['bytes_per_second'] / 1e6:.0f} MB/s (1/{1 / share:.1f})")
        print()
        print("Instructions per input byte (net of the loop), over the same bytes:")
        print()
        for group in streams:
            for op in (op for op in operations if op["group"] == group):
                if op["bytes"] and op["net_ir"] is not None:
                    per_byte = op["net_ir"] * op["count"] / op["bytes"]
                    print(f"- {group}, {op['variant']}: {per_byte:.2f}")
    print()
    print("Loop overhead (already subtracted from every instruction count above; times include it):")
    print()
    for name, op in overhead.items():
        ns = f"{op['ns']:.2f} ns" if op["ns"] is not None else "n/a"
        ir = f"{op['ir']:.1f}" if op["ir"] is not None else "n/a"
        print(f"- {name}: {op['count']} inputs, {ir} instructions, {ns} per iteration")


if __name__ == "__main__":
    main()
