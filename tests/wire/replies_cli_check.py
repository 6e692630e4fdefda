"""Checks `smtpcodes replies`: the JSON objects for pipelined replies, an
error (its line counted from 1, as in the text form), an incomplete reply at
the end of the input, and the exit status."""
import json
import subprocess
import sys

cli = sys.argv[1]


def run(data, *arguments):
    done = subprocess.run([cli, "replies", *arguments], input=data, capture_output=True, check=False)
    return done.returncode, [json.loads(line) for line in done.stdout.decode().splitlines()]


failures = []


def expect(what, actual, expected):
    if actual != expected:
        failures.append(f"{what}:\n  got      {actual}\n  expected {expected}")


status, objects = run(b"250-a\r\n250-SIZE 1000\r\n250 ENHANCEDSTATUSCODES\r\n550-5.1.1 x\r\n550 5.1.1 y\r\n", "--json")
expect("exit status", status, 0)
expect("two replies", objects, [
    {"code": "250", "enhanced_status": None, "derived_enhanced_status": "2.0.0",
     "derivation_rule": "class_default", "enhanced_status_source": "none",
     "lines": ["a", "SIZE 1000", "ENHANCEDSTATUSCODES"], "complete": True, "diagnostics": [], "error": None},
    {"code": "550", "enhanced_status": "5.1.1", "derived_enhanced_status": None, "derivation_rule": None,
     "enhanced_status_source": "given",
     "lines": ["5.1.1 x", "5.1.1 y"], "complete": True, "diagnostics": [], "error": None},
])

status, objects = run(b"503-503 sender not yet given\r\n503 x\r\n25x\r\n250-cut", "--json")
expect("exit status with an error", status, 1)
expect("codes", [o["code"] for o in objects], ["503", None, "250"])
expect("diagnostics", objects[0]["diagnostics"], ["reply_code_in_text"])
expect("error", objects[1]["error"], {"kind": "invalid_reply_code", "code_error": "not_a_digit", "offset": 2,
                                      "line": 1, "message": "expected a digit"})
expect("an error object has the keys of a reply", list(objects[1]), list(objects[0]))
expect("incomplete", (objects[2]["complete"], objects[2]["diagnostics"]), (False, ["missing_line_ending"]))

status, objects = run(b"250-a\n250 b\n", "--json", "--lenient")
expect("lenient bare LF", (status, objects[0]["lines"], objects[0]["diagnostics"]), (0, ["a", "b"], ["bare_line_feed"]))

done = subprocess.run([cli, "replies"], input=b"250-a\r\n25x\r\n", capture_output=True, check=False)
expect("text form: the same line number", b"in line 2 of the reply" in done.stdout, True)
status, objects = run(b"250-a\r\n25x\r\n", "--json")
expect("JSON: line 2", objects[0]["error"]["line"], 2)

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
