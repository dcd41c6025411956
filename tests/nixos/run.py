#!/usr/bin/env python3
"""Run the tests/nixos cases (see README.md) with an evaluator.

    tests/nixos/run.py                       # nix-instantiate
    tests/nixos/run.py --eval /path/to/sysnix [CASE ...]

Each case NAME.nix is a configuration; NAME.expect.json lists checks. A
check evaluates `(import <repo>/nixos { configuration = NAME.nix; })`
bound to `system` (and `lib`), then the check's attribute path or
expression, with `--eval --strict --json`, and compares the result.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def nix_string(s):
    return json.dumps(s).replace("${", "\\${")


def expression(case, check):
    conf = os.path.join(HERE, case + ".nix")
    body = ("system." + check["attr"]) if "attr" in check else check["expr"]
    return (
        "let lib = import %s; system = import %s { configuration = %s; }; in %s"
        % (nix_string(REPO + "/lib"), nix_string(REPO + "/nixos"), nix_string(conf), body)
    )


def evaluate(evaluator, expr):
    if os.path.basename(evaluator) == "nix-instantiate":
        cmd = [evaluator, "--eval", "--strict", "--json", "-E", expr]
    else:
        cmd = [evaluator, "eval", "--strict", "--json", "-E", expr]
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def run_check(evaluator, case, check):
    code, out, err = evaluate(evaluator, expression(case, check))
    where = check.get("attr") or check.get("expr")
    if "error" in check:
        if code == 0:
            return ["%s: expected an evaluation error, got %s" % (where, out.strip()[:200])]
        return ["%s: error output lacks %r" % (where, s) for s in check["error"] if s not in err]
    if code != 0:
        return ["%s: evaluation failed:\n%s" % (where, err.strip())]
    value = json.loads(out)
    problems = []
    if "equals" in check and value != check["equals"]:
        problems.append("%s: expected %s, got %s" % (where, json.dumps(check["equals"]), json.dumps(value)))
    for s in check.get("contains", []):
        if not isinstance(value, str) or s not in value:
            problems.append("%s: %r not found in %s" % (where, s, json.dumps(value)[:2000]))
    for s in check.get("notContains", []):
        if isinstance(value, str) and s in value:
            problems.append("%s: %r unexpectedly found" % (where, s))
    return problems


def main():
    args = sys.argv[1:]
    evaluator = "nix-instantiate"
    if args[:1] == ["--eval"]:
        evaluator, args = args[1], args[2:]
    cases = args or sorted(f[: -len(".expect.json")] for f in os.listdir(HERE) if f.endswith(".expect.json"))
    failed = 0
    for case in cases:
        with open(os.path.join(HERE, case + ".expect.json")) as f:
            spec = json.load(f)
        problems = []
        for check in spec["checks"]:
            problems += run_check(evaluator, case, check)
        print(("ok    " if not problems else "FAIL  ") + case)
        for p in problems:
            print("      " + p.replace("\n", "\n      "))
        failed += bool(problems)
    print("%d of %d cases failed" % (failed, len(cases)))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
