"""Shared by the tests of the smtpcodes program (tests/cli/*_check.py):
running it, strict decoding of its JSON lines, and JSON Schema validation.

The schemas are checked with python3-jsonschema when it is installed (the CI
stages install it); otherwise with the small validator below, which knows the
keywords our schemas use and fails on any other."""
import json
import pathlib
import re
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "examples" / "smtpcodes" / "schemas"

try:
    import jsonschema
except ImportError:  # pragma: no cover - depends on the machine
    jsonschema = None


class Checker:
    def __init__(self):
        self.failures = []

    def expect(self, condition, what):
        if not condition:
            self.failures.append(what)
        return condition

    def equal(self, what, actual, expected):
        return self.expect(actual == expected, f"{what}:\n  got      {actual!r}\n  expected {expected!r}")

    def finish(self):
        for failure in self.failures:
            print("FAILED:", failure)
        print(f"{len(self.failures)} failures")
        return 1 if self.failures else 0


def run(cli, *arguments, data=b"", cwd=None):
    """Runs the program; returns (exit status, stdout bytes, stderr text)."""
    done = subprocess.run([cli, *arguments], input=data, capture_output=True, check=False, cwd=cwd, timeout=300)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def strict_lines(output):
    """Decodes output as strict UTF-8 and each line as JSON (RFC 8259); raises on any fault."""
    text = output.decode("utf-8", "strict")
    objects = []
    for line in text.splitlines():
        objects.append(json.loads(line, parse_constant=_reject_constant))
    return objects


def _reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def load_schema(command):
    return json.loads((SCHEMAS / f"{command}.schema.json").read_text())


def schema_errors(instance, schema):
    """The list of what makes instance invalid against schema (empty when valid)."""
    if jsonschema is not None:
        validator = jsonschema.Draft202012Validator(schema)
        return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]
    errors = []
    _validate(instance, schema, schema, "$", errors)
    return errors


_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
_ANNOTATIONS = {"$schema", "$id", "title", "description", "$defs"}


def _validate(value, schema, root, where, errors):
    for keyword in schema:
        if keyword in _ANNOTATIONS:
            continue
        rule = schema[keyword]
        if keyword == "$ref":
            target = root
            for part in rule.lstrip("#/").split("/"):
                target = target[part]
            _validate(value, target, root, where, errors)
        elif keyword == "type":
            kinds = rule if isinstance(rule, list) else [rule]
            if not any(_TYPES[kind](value) for kind in kinds):
                errors.append(f"{where}: {value!r} is not of type {rule}")
        elif keyword == "enum":
            if not any(value == option and type(value) is type(option) for option in rule):
                errors.append(f"{where}: {value!r} is not one of {rule}")
        elif keyword == "oneOf":
            matching = sum(1 for option in rule if not _collect(value, option, root, where))
            if matching != 1:
                errors.append(f"{where}: {value!r} matches {matching} of the oneOf schemas")
        elif keyword == "required":
            if isinstance(value, dict):
                errors.extend(f"{where}: missing key {key}" for key in rule if key not in value)
        elif keyword == "properties":
            if isinstance(value, dict):
                for key, sub in rule.items():
                    if key in value:
                        _validate(value[key], sub, root, f"{where}.{key}", errors)
        elif keyword == "additionalProperties":
            if isinstance(value, dict) and rule is False:
                errors.extend(f"{where}: unexpected key {key}" for key in value
                              if key not in schema.get("properties", {}))
        elif keyword == "items":
            if isinstance(value, list):
                for index, item in enumerate(value):
                    _validate(item, rule, root, f"{where}[{index}]", errors)
        elif keyword == "pattern":
            if isinstance(value, str) and not re.search(rule, value):
                errors.append(f"{where}: {value!r} does not match {rule}")
        elif keyword in ("minimum", "maximum"):
            if _TYPES["number"](value) and (value < rule if keyword == "minimum" else value > rule):
                errors.append(f"{where}: {value!r} is out of range ({keyword} {rule})")
        elif keyword in ("minLength", "maxLength"):
            if isinstance(value, str) and (len(value) < rule if keyword == "minLength" else len(value) > rule):
                errors.append(f"{where}: {value!r} has the wrong length ({keyword} {rule})")
        else:
            errors.append(f"{where}: the fallback validator does not know the keyword {keyword}")


def _collect(value, schema, root, where):
    errors = []
    _validate(value, schema, root, where, errors)
    return errors
