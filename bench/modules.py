#!/usr/bin/env python3
"""Module-system benchmark: sysnix vs nix-instantiate on generated configurations.

For every size N it generates (bench/modules_gen.py) a configuration of N
service modules and N configuration fragments into a temporary directory, then
runs `nix-instantiate -I sysnix=REPO --eval --strict DEFAULT.NIX` and
`SYSNIX instantiate -I sysnix=REPO --eval --strict DEFAULT.NIX` (the same files
and the same lib, this repository's lib/): once each to check that both print
the same stdout (else the row is MISMATCH), then N timed runs each,
alternating. Timing and memory are measured as bench/eval.sh measures them
(its code is reused). The table reports medians and sysnix/nix ratios; the
target is time <= 0.33 and memory <= 0.50 at N = 1000.

Invoked by bench/modules.sh; see `bench/modules.sh --help`.
"""

import argparse
import datetime
import os
import shutil
import sys
import tempfile

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, BENCH)

import eval as evalbench  # noqa: E402  (bench/eval.py)
import modules_gen  # noqa: E402

REPO = evalbench.REPO
TIME_TARGET = 0.33
MEM_TARGET = 0.50
TARGET_N = 1000
DEFAULT_SIZES = "100,300,1000,3000"


def die(msg):
    print(f"modules.sh: error: {msg}", file=sys.stderr)
    sys.exit(2)


log = evalbench.log
fmt = evalbench.fmt


def parse_args():
    p = argparse.ArgumentParser(
        prog="bench/modules.sh",
        description="Benchmark the module system (lib.evalModules over N generated service "
        "modules) under `sysnix instantiate --eval --strict` and `nix-instantiate --eval --strict`.",
    )
    p.add_argument("--runs", type=int, default=3, help="timed runs per tool and size (default 3)")
    p.add_argument("--sysnix", default=None,
                   help="sysnix binary (default target/release/sysnix, built with "
                   "`cargo build --release -p sysnix-cli` if missing)")
    p.add_argument("--nix", default="nix-instantiate", help="nix-instantiate binary (default: from PATH)")
    p.add_argument("--sizes", default=DEFAULT_SIZES,
                   help=f"comma-separated numbers of services N (default {DEFAULT_SIZES})")
    p.add_argument("--timeout", type=float, default=600.0, help="seconds allowed per run (default 600)")
    p.add_argument("--out", default=None,
                   help="write/replace the module-system section of this markdown file "
                   "(e.g. docs/benchmarks.md; the rest of the file is kept)")
    p.add_argument("--keep", default=None, metavar="DIR",
                   help="generate the inputs into DIR/N<size>/ and keep them (default: a temporary "
                   "directory, removed at the end)")
    a = p.parse_args()
    if a.runs < 1:
        die("--runs must be at least 1")
    try:
        a.sizes = sorted({int(x) for x in a.sizes.split(",") if x.strip()})
    except ValueError:
        die(f"--sizes must be comma-separated integers: {a.sizes}")
    if not a.sizes or a.sizes[0] < 8:
        die("every size must be at least 8")
    return a


def summarize(row):
    s = evalbench.summarize(row)
    if row["status"] == "ok":
        met = s["tr"] is not None and s["mr"] is not None and s["tr"] <= TIME_TARGET and s["mr"] <= MEM_TARGET
        s["mark"] = "✅" if met else "❌"
    return s


def linearity(rows, sums, key):
    """Seconds per service at each N relative to the smallest N, e.g. '300: 0.91, 1000: 1.05'."""
    pts = [(r["n"], s[key]) for r, s in zip(rows, sums) if s[key]]
    if len(pts) < 2:
        return "—"
    n0, t0 = pts[0]
    return ", ".join(f"N={n}: {(t / n) / (t0 / n0):.2f}" for n, t in pts[1:])


def render(rows, header):
    lines = list(header)
    lines.append("")
    lines.append("| N services | modules | nix-instantiate median s | sysnix median s | time ratio (sysnix/nix) "
                 f"| nix peak MiB | sysnix peak MiB | memory ratio | time ≤ {TIME_TARGET:.2f} and memory ≤ {MEM_TARGET:.2f} |")
    lines.append("|--:|--:|--:|--:|--:|--:|--:|--:|:-:|")
    sums = []
    for row in rows:
        s = summarize(row)
        sums.append(s)
        lines.append(f"| {row['n']} | {2 * row['n'] + 1} | {fmt(s['nt'], '.3f')} | {fmt(s['st'], '.3f')} "
                     f"| {fmt(s['tr'], '.2f')} | {fmt(s['nm'], '.1f')} | {fmt(s['sm'], '.1f')} "
                     f"| {fmt(s['mr'], '.2f')} | {s['mark']} |")
    lines.append("")
    at = [(r, s) for r, s in zip(rows, sums) if r["n"] == TARGET_N]
    if at:
        r, s = at[0]
        verdict = "met" if s["mark"] == "✅" else ("not measured (" + r["status"] + ")" if r["status"] != "ok"
                                                  else "missed")
        lines.append(f"Target at N = {TARGET_N} (time ratio ≤ {TIME_TARGET:.2f} and memory ratio ≤ "
                     f"{MEM_TARGET:.2f}): {verdict} (time {fmt(s['tr'], '.2f')}, memory {fmt(s['mr'], '.2f')}).")
    else:
        lines.append(f"Target at N = {TARGET_N}: not measured in this run.")
    lines.append("")
    base = rows[0]["n"] if rows else None
    lines.append(f"Linearity (seconds per service relative to N = {base}; 1.00 is linear, below 1 "
                 f"fixed costs are being amortised, above 1 is superlinear): "
                 f"nix-instantiate {linearity(rows, sums, 'nt')}; sysnix {linearity(rows, sums, 'st')}.")
    bad = [r for r in rows if r["status"] != "ok"]
    if bad:
        lines.append("")
        lines.append("Problems:")
        lines.append("")
        for r in bad:
            note = (r["note"] or "").replace("|", "\\|").replace("\n", " ")
            lines.append(f"- N = {r['n']} {r['status']}: {note}")
    return lines


INTRO = """# Module system: sysnix vs nix-instantiate

`bench/modules.sh` generates (with `bench/modules_gen.py`) a NixOS-like
configuration of N service modules and N configuration fragments, plus a
`base.nix` declaring `environment.etc`, `users.users`, `systemd.services` and
`networking.firewall.allowedTCPPorts`. Each service module declares
`services.svcK` with `enable`, `port`, `openFirewall`, `settings` and `users`
(attribute sets of submodules) and `extraConfig` (lines), and under
`mkIf cfg.enable` defines an `/etc` file, users, a unit and firewall ports.
Each fragment sets options of its own service and of others (settings, users
merged into another module's submodules, extraConfig lines), uses `mkIf` on
other services' `enable`, `mkDefault`/`mkForce`/`mkOverride`/`mkAfter`, and
adds lines to `/etc` files every module contributes to. The entry file runs
`lib.evalModules` over all 2N+1 modules with this repository's `lib/` and
prints a summary including a SHA-256 of the whole configuration as JSON, so
`--eval --strict` forces every option value.

Both tools evaluate the same generated files with the same lib
(`-I sysnix=REPO`). Each size is first run once by each tool to check they
print the same stdout (otherwise MISMATCH), then {runs} timed run(s) of each,
alternating; wall time and GNU time's peak RSS as in the evaluation benchmark,
medians reported. Target: at N = 1000, sysnix/nix ≤ 0.33 for time and ≤ 0.50
for memory. The sysnix measured is named in the Versions line, with how it
was built (the shipped binary is `scripts/dist.sh`'s: fat LTO and PGO).
Regenerate with `scripts/dist.sh && bench/modules.sh --sysnix target/dist/sysnix
--out docs/benchmarks.md` (replaces only this section).
"""


def main():
    a = parse_args()
    if not os.access(evalbench.GNU_TIME, os.X_OK):
        die(f"{evalbench.GNU_TIME} not found (apt-get install time)")
    nix = shutil.which(a.nix)
    if not nix:
        die(f"nix-instantiate not found: {a.nix}")
    sysnix = evalbench.resolve_sysnix(a.sysnix)

    nix_ver = evalbench.cmd_version([nix, "--version"]) or "unknown"
    sys_ver = evalbench.cmd_version([sysnix, "--version"]) or "version unknown"
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = [
        f"Date: {started}. Machine: {evalbench.machine()}.",
        f"Versions: {nix_ver}; sysnix `{sysnix}` ({sys_ver}, commit {evalbench.git_rev()}). "
        f"Runs: {a.runs} per tool and size, median reported.",
    ]

    root = os.path.abspath(a.keep) if a.keep else tempfile.mkdtemp(prefix="sysnix-bench-modules.")
    fd, timefile = tempfile.mkstemp(prefix="sysnix-bench-time.")
    os.close(fd)
    search = ["-I", f"sysnix={REPO}"]
    rows = []
    try:
        for n in a.sizes:
            d = os.path.join(root, f"N{n}")
            shutil.rmtree(d, ignore_errors=True)
            entry = modules_gen.generate(n, d)
            log(f"N = {n} ({2 * n + 1} modules, {d}) ...")
            row = evalbench.bench_argv(
                f"N={n}",
                [nix] + search + ["--eval", "--strict", entry],
                [sysnix, "instantiate"] + search + ["--eval", "--strict", entry],
                a.runs, a.timeout, timefile)
            row["n"] = n
            s = summarize(row)
            log(f"  nix {fmt(s['nt'], '.3f')} s {fmt(s['nm'], '.1f')} MiB | "
                f"sysnix {fmt(s['st'], '.3f')} s {fmt(s['sm'], '.1f')} MiB | {s['mark']}")
            rows.append(row)
    finally:
        os.unlink(timefile)
        if not a.keep:
            shutil.rmtree(root, ignore_errors=True)

    table = render(rows, header)
    print("\n".join(table))
    if a.out:
        out = a.out if os.path.isabs(a.out) else os.path.join(os.getcwd(), a.out)
        os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
        evalbench.write_section(out, "modules", INTRO.format(runs=a.runs) + "\n" + "\n".join(table))
        log(f"wrote the module-system section of {out}")
    return 0 if all(r["status"] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
