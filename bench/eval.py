#!/usr/bin/env python3
"""Evaluation benchmark: sysnix vs nix-instantiate.

For every input it runs `nix-instantiate --eval --strict FILE` and
`SYSNIX instantiate --eval --strict FILE`, first once each to check that
both print the same stdout, then N timed runs each, alternating. Wall time
is measured here around the call (time.perf_counter), peak RSS comes from
GNU time's %M. The table reports medians and the ratio sysnix/nix for
both; the target is a ratio <= 0.50 for time and for memory.

Invoked by bench/eval.sh; see `bench/eval.sh --help`.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
INPUTS = os.path.join(BENCH, "inputs")
EXPECTED = os.path.join(BENCH, "expected")
GNU_TIME = "/usr/bin/time"
TARGET = 0.50


def die(msg):
    print(f"eval.sh: error: {msg}", file=sys.stderr)
    sys.exit(2)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def parse_args():
    p = argparse.ArgumentParser(
        prog="bench/eval.sh",
        description="Benchmark `sysnix instantiate --eval --strict` against "
        "`nix-instantiate --eval --strict` on bench/inputs/*.nix.",
    )
    p.add_argument("--runs", type=int, default=5, help="timed runs per tool and input (default 5)")
    p.add_argument("--sysnix", default=None,
                   help="sysnix binary (default target/release/sysnix, built with "
                   "`cargo build --release -p sysnix-cli` if missing)")
    p.add_argument("--nix", default="nix-instantiate", help="nix-instantiate binary (default: from PATH)")
    p.add_argument("--out", default=None, help="also write the table, with an intro, to this markdown file")
    p.add_argument("--timeout", type=float, default=300.0, help="seconds allowed per run (default 300)")
    p.add_argument("inputs", nargs="*",
                   help="input files, or names of bench/inputs/NAME.nix (default: all of bench/inputs)")
    a = p.parse_args()
    if a.runs < 1:
        die("--runs must be at least 1")
    return a


def resolve_inputs(names):
    if not names:
        files = sorted(os.path.join(INPUTS, f) for f in os.listdir(INPUTS) if f.endswith(".nix"))
        if not files:
            die(f"no inputs in {INPUTS}")
        return files
    out = []
    for n in names:
        cands = [n, os.path.join(INPUTS, n), os.path.join(INPUTS, n + ".nix")]
        f = next((c for c in cands if os.path.isfile(c)), None)
        if f is None:
            die(f"input not found: {n}")
        out.append(os.path.abspath(f))
    return out


def resolve_sysnix(path):
    if path is not None:
        exe = shutil.which(path) if os.sep not in path else path
        if not exe or not os.path.isfile(exe) or not os.access(exe, os.X_OK):
            die(f"sysnix binary not found or not executable: {path}")
        return os.path.abspath(exe)
    exe = os.path.join(REPO, "target", "release", "sysnix")
    if not os.access(exe, os.X_OK):
        log(f"{exe} missing: running `cargo build --release -p sysnix-cli`")
        if shutil.which("cargo") is None:
            die("cargo not found, cannot build sysnix; pass --sysnix PATH")
        r = subprocess.run(["cargo", "build", "--release", "-p", "sysnix-cli"], cwd=REPO)
        if r.returncode != 0:
            die(f"`cargo build --release -p sysnix-cli` failed (exit {r.returncode})")
        if not os.access(exe, os.X_OK):
            die(f"build succeeded but {exe} does not exist")
    return exe


class RunError(Exception):
    pass


def run_once(cmd, timeout, timefile):
    """Run cmd under GNU time. Returns (stdout, stderr, rc, wall_s, peak_kib)."""
    full = [GNU_TIME, "-f", "%e %M", "-o", timefile] + cmd
    t0 = time.perf_counter()
    try:
        r = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RunError(f"timed out after {timeout:g} s")
    wall = time.perf_counter() - t0
    peak = None
    try:
        with open(timefile) as f:
            lines = [ln for ln in f.read().splitlines() if ln.strip()]
        # GNU time writes "Command exited with non-zero status N" before the format line.
        m = re.fullmatch(r"\s*([0-9.]+)\s+([0-9]+)\s*", lines[-1]) if lines else None
        if m:
            peak = int(m.group(2))
    except OSError:
        pass
    return r.stdout, r.stderr, r.returncode, wall, peak


def first_diff(a, b):
    a, b = a.decode(errors="replace"), b.decode(errors="replace")
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    lo = max(0, i - 40)
    return i, a[lo:i + 60], b[lo:i + 60]


def short(s, n=300):
    s = s.decode(errors="replace").strip()
    return s if len(s) <= n else s[:n] + "..."


def bench_input(path, nix_cmd, sys_cmd, runs, timeout, timefile):
    name = os.path.basename(path)
    nix_argv = nix_cmd + ["--eval", "--strict", path]
    sys_argv = sys_cmd + ["instantiate", "--eval", "--strict", path]
    exp = os.path.join(EXPECTED, os.path.splitext(name)[0] + ".out")
    return bench_argv(name, nix_argv, sys_argv, runs, timeout, timefile,
                      expected=exp if os.path.isfile(exp) else None)


def bench_argv(name, nix_argv, sys_argv, runs, timeout, timefile, expected=None):
    """Check that both commands print the same stdout, then time `runs` runs of each,
    alternating. Returns a row for summarize(); also used by bench/modules.py.
    `expected`: a file nix-instantiate's stdout should equal (a warning if not)."""
    row = {"name": name, "status": None, "note": None,
           "nix_t": [], "sys_t": [], "nix_m": [], "sys_m": []}

    # Correctness check (also serves as a warm-up of the page cache).
    try:
        n_out, n_err, n_rc, _, _ = run_once(nix_argv, timeout, timefile)
    except RunError as e:
        row.update(status="ERROR", note=f"nix-instantiate {e}")
        return row
    if n_rc != 0:
        row.update(status="ERROR", note=f"nix-instantiate exit {n_rc}: {short(n_err)}")
        return row
    if expected is not None:
        with open(expected, "rb") as f:
            if f.read() != n_out:
                log(f"  warning: nix-instantiate output for {name} differs from {expected}")
    mismatch = None
    try:
        s_out, s_err, s_rc, _, _ = run_once(sys_argv, timeout, timefile)
        if s_rc != 0:
            mismatch = f"sysnix exit {s_rc}: {short(s_err)}"
        elif s_out != n_out:
            i, a, b = first_diff(n_out, s_out)
            mismatch = f"stdout differs at byte {i}: nix {a!r} vs sysnix {b!r}"
    except RunError as e:
        mismatch = f"sysnix {e}"
    if mismatch:
        log(f"  MISMATCH: {mismatch}")
        row.update(status="MISMATCH", note=mismatch)
        runs_sys = False
    else:
        runs_sys = True

    for k in range(runs):
        try:
            out, err, rc, wall, peak = run_once(nix_argv, timeout, timefile)
        except RunError as e:
            row.update(status="ERROR", note=f"nix-instantiate {e}")
            return row
        if rc != 0 or out != n_out:
            row.update(status="ERROR", note=f"nix-instantiate run {k + 1} failed or changed output")
            return row
        row["nix_t"].append(wall)
        row["nix_m"].append(peak)
        if runs_sys:
            try:
                out, err, rc, wall, peak = run_once(sys_argv, timeout, timefile)
            except RunError as e:
                row.update(status="MISMATCH", note=f"sysnix run {k + 1}: {e}")
                runs_sys = False
                continue
            if rc != 0 or out != n_out:
                row.update(status="MISMATCH", note=f"sysnix run {k + 1} failed or changed output: {short(err)}")
                runs_sys = False
                continue
            row["sys_t"].append(wall)
            row["sys_m"].append(peak)
    if row["status"] is None:
        row["status"] = "ok"
    return row


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def summarize(row):
    nt, st = med(row["nix_t"]), med(row["sys_t"])
    nm, sm = med(row["nix_m"]), med(row["sys_m"])
    nm = nm / 1024 if nm is not None else None
    sm = sm / 1024 if sm is not None else None
    tr = st / nt if (nt and st is not None and row["status"] == "ok") else None
    mr = sm / nm if (nm and sm is not None and row["status"] == "ok") else None
    if row["status"] != "ok":
        mark = row["status"]
    else:
        mark = "✅" if (tr is not None and mr is not None and tr <= TARGET and mr <= TARGET) else "❌"
    return dict(nt=nt, st=st, nm=nm, sm=sm, tr=tr, mr=mr, mark=mark)


def fmt(x, spec):
    return "—" if x is None else format(x, spec)


def geomean(xs):
    xs = [x for x in xs if x]
    if not xs:
        return None
    import math
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def cmd_version(argv):
    try:
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30)
        s = r.stdout.decode(errors="replace").strip().splitlines()
        return s[0] if (r.returncode == 0 and s) else None
    except (OSError, subprocess.TimeoutExpired):
        return None


def git_rev():
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "--verify", "-q", "HEAD"], cwd=REPO,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.strip()
        return (rev or "none yet") + (" + uncommitted changes" if dirty else "")
    except OSError:
        return "unknown"


def machine():
    cpu = None
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.startswith("model name"):
                    cpu = ln.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = None
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
            mem = f"{kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    parts = [f"nproc {len(os.sched_getaffinity(0))}", cpu or platform.processor() or "unknown CPU"]
    if mem:
        parts.append(mem)
    parts.append(f"{platform.system()} {platform.release()}")
    return ", ".join(parts)


def render(rows, header):
    lines = []
    lines += header
    lines.append("")
    lines.append("| input | nix-instantiate median s | sysnix median s | time ratio (sysnix/nix) "
                 "| nix peak MiB | sysnix peak MiB | memory ratio | ≤ 0.50 |")
    lines.append("|---|--:|--:|--:|--:|--:|--:|:-:|")
    sums = []
    for row in rows:
        s = summarize(row)
        sums.append(s)
        lines.append(f"| {row['name']} | {fmt(s['nt'], '.3f')} | {fmt(s['st'], '.3f')} | {fmt(s['tr'], '.2f')} "
                     f"| {fmt(s['nm'], '.1f')} | {fmt(s['sm'], '.1f')} | {fmt(s['mr'], '.2f')} | {s['mark']} |")
    ok = [s for s in sums if s["tr"] is not None]
    gt, gm = geomean([s["tr"] for s in ok]), geomean([s["mr"] for s in ok])
    passed = sum(1 for s in sums if s["mark"] == "✅")
    lines.append("")
    lines.append(f"Geometric mean of ratios over {len(ok)} comparable input(s): time {fmt(gt, '.2f')}, "
                 f"memory {fmt(gm, '.2f')}. {passed}/{len(rows)} input(s) meet the target.")
    bad = [r for r in rows if r["status"] != "ok"]
    if bad:
        lines.append("")
        lines.append("Problems:")
        lines.append("")
        for r in bad:
            note = (r["note"] or "").replace("|", "\\|").replace("\n", " ")
            lines.append(f"- `{r['name']}` {r['status']}: {note}")
    return lines


def section_markers(key):
    return f"<!-- bench/{key}.sh: begin -->", f"<!-- bench/{key}.sh: end -->"


def write_section(path, key, body):
    """Replace the block of `key` in `path` with `body` between markers, or append it;
    the rest of the file is kept as it is."""
    begin, end = section_markers(key)
    block = f"{begin}\n{body.rstrip()}\n{end}"
    try:
        with open(path) as f:
            text = f.read()
    except FileNotFoundError:
        text = ""
    i, j = text.find(begin), text.find(end)
    if 0 <= i < j:
        text = text[:i] + block + text[j + len(end):]
    else:
        text = (text.rstrip() + "\n\n" if text.strip() else "") + block + "\n"
    with open(path, "w") as f:
        f.write(text)


INTRO = """# Evaluation benchmark: sysnix vs nix-instantiate

Each input in `bench/inputs/` is a self-contained Nix file (no nixpkgs)
imitating one kind of real workload. For each input, `bench/eval.sh` runs
`nix-instantiate --eval --strict FILE` and `sysnix instantiate --eval --strict FILE`;
it first checks that both print the same stdout (otherwise the row is
marked MISMATCH and not timed for sysnix), then makes {runs} timed run(s) of
each, alternating the two. Wall time is measured around each process,
peak resident memory is GNU time's maximum RSS (`%M`) of that process;
the table gives the median of the runs. The ratios are sysnix/nix;
the target is ≤ 0.50 for both time and memory (✅ when both are met).
The sysnix measured is named in the Versions line, with how it was built
(the shipped binary is `scripts/dist.sh`'s: fat LTO and PGO).
Regenerate with `scripts/dist.sh && bench/eval.sh --sysnix target/dist/sysnix --out docs/benchmarks.md`.
"""


def main():
    a = parse_args()
    if not os.access(GNU_TIME, os.X_OK):
        die(f"{GNU_TIME} not found (apt-get install time)")
    nix = shutil.which(a.nix)
    if not nix:
        die(f"nix-instantiate not found: {a.nix}")
    inputs = resolve_inputs(a.inputs)
    sysnix = resolve_sysnix(a.sysnix)

    nix_ver = cmd_version([nix, "--version"]) or "unknown"
    sys_ver = cmd_version([sysnix, "--version"]) or "version unknown"
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    header = [
        f"Date: {started}. Machine: {machine()}.",
        f"Versions: {nix_ver}; sysnix `{sysnix}` ({sys_ver}, commit {git_rev()}). "
        f"Runs: {a.runs} per tool and input, median reported.",
    ]

    fd, timefile = tempfile.mkstemp(prefix="sysnix-bench-time.")
    os.close(fd)
    rows = []
    try:
        for path in inputs:
            log(f"{os.path.basename(path)} ...")
            row = bench_input(path, [nix], [sysnix], a.runs, a.timeout, timefile)
            s = summarize(row)
            log(f"  nix {fmt(s['nt'], '.3f')} s {fmt(s['nm'], '.1f')} MiB | "
                f"sysnix {fmt(s['st'], '.3f')} s {fmt(s['sm'], '.1f')} MiB | {s['mark']}")
            rows.append(row)
    finally:
        os.unlink(timefile)

    table = render(rows, header)
    print("\n".join(table))
    if a.out:
        out = a.out if os.path.isabs(a.out) else os.path.join(os.getcwd(), a.out)
        os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
        # Only this benchmark's section is replaced: the other benchmarks' sections
        # and the notes written between them stay.
        write_section(out, "eval", INTRO.format(runs=a.runs) + "\n" + "\n".join(table))
        log(f"wrote {out}")
    return 0 if all(r["status"] == "ok" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
