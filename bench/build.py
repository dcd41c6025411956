"""bench/build.sh: cold and warm `sysnix build` of a configuration; see build.sh."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval as evalbench  # noqa: E402  (bench/eval.py: write_section)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = 0.10

INTRO = """## `sysnix build` (issue 4)

`bench/build.sh --runs {runs}` builds `{config}` into a fresh store (cold: evaluation,
every derivation built in its sandbox, host packages linked) and then again with nothing
changed (warm: evaluation, and every path found valid). Wall time, median of {runs} runs;
target: warm under 10 % of cold.
"""


def run(cmd, env):
    t = time.monotonic()
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.monotonic() - t
    if p.returncode != 0:
        sys.exit(f"build.sh: error: {' '.join(cmd)} failed:\n{p.stderr}")
    return dt, p.stdout.strip()


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--sysnix", default=os.path.join(ROOT, "target/release/sysnix"))
    p.add_argument("--config", default=os.path.join(ROOT, "examples/homelab/configuration.nix"))
    p.add_argument("--out", default=None)
    p.add_argument("--gate", action="store_true", help="exit 1 when the target is missed")
    a = p.parse_args()
    if not os.path.exists(a.sysnix):
        subprocess.run(["cargo", "build", "--release", "-p", "sysnix-cli"], cwd=ROOT, check=True)
    cold, warm = [], []
    tops = set()
    for i in range(a.runs):
        d = tempfile.mkdtemp(prefix="sysnix-bench-build-")
        env = dict(os.environ, SYSNIX_STORE=os.path.join(d, "store"))
        cmd = [a.sysnix, "build", "-c", a.config, "--no-out-link"]
        try:
            c, top = run(cmd, env)
            w, top2 = run(cmd, env)
        finally:
            subprocess.run(["chmod", "-R", "u+w", d])
            shutil.rmtree(d, ignore_errors=True)
        if top != top2:
            sys.exit(f"build.sh: error: the warm build gave {top2}, the cold one {top}")
        tops.add(os.path.basename(top)[32:])
        cold.append(c)
        warm.append(w)
        print(f"run {i + 1}: cold {c:.3f} s, warm {w:.3f} s", file=sys.stderr)
    mc, mw = statistics.median(cold), statistics.median(warm)
    ratio = mw / mc
    rel = os.path.relpath(a.config, ROOT)
    table = [
        "| configuration | cold (s) | warm (s) | warm / cold | target | verdict |",
        "|---|---:|---:|---:|---:|---|",
        f"| `{rel}` | {mc:.3f} | {mw:.3f} | {ratio:.3f} | < {TARGET:.2f} | {'met' if ratio < TARGET else 'MISSED'} |",
    ]
    print("\n".join(table))
    if a.out:
        evalbench.write_section(a.out, "build", INTRO.format(runs=a.runs, config=rel) + "\n" + "\n".join(table))
    sys.exit(1 if a.gate and ratio >= TARGET else 0)


if __name__ == "__main__":
    main()
