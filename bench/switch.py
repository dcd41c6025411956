"""bench/switch.sh: the first switch to N services and a one-unit change, in a booted
machine; see switch.sh."""
import argparse
import json
import os
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval as evalbench  # noqa: E402  (bench/eval.py: write_section)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_DIR = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))

INTRO = """## `sysnix switch` (issue 5)

`bench/switch.sh --runs {runs} --services {services}` builds a configuration of {services}
services (`/bin/sleep infinity`, wanted by multi-user.target) and the same with one
service's environment changed, then, in a freshly booted Debian 12 machine (systemd in
systemd-nspawn), switches to the first (every service new: started) and then to the
second (one service stopped and started again). Times are `sysnix switch --timings`'
own split, median of {runs} runs: *plan* reads systemd's units over D-Bus and decides
(sysnix-plan), *activation* is users, /etc, tmpfiles and the other steps,
*daemon-reload* is systemd reloading its units (with ResetFailed), *jobs* is queueing the
stop/restart/start jobs over D-Bus and waiting for each (JobRemoved), *rest* is the lock,
the state file, the generation; *wall* is the whole command seen from outside the machine.
"""

KEYS = [("plan_ms", "plan"), ("activation_ms", "activation"), ("daemon_reload_ms", "daemon-reload"),
        ("systemd_wait_ms", "jobs"),
        ("rest_ms", "rest"), ("total_ms", "total"), ("wall_ms", "wall")]


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--services", type=int, default=100)
    p.add_argument("--sysnix", default=os.path.join(TARGET_DIR, "release/sysnix"))
    p.add_argument("--out", default=None)
    a = p.parse_args()
    if not os.path.exists(a.sysnix):
        subprocess.run(["cargo", "build", "--release", "-p", "sysnix-cli"], cwd=ROOT, check=True)
    proc = subprocess.run(
        ["cargo", "run", "-q", "-p", "sysnix-cli", "--example", "switch_bench", "--",
         "--sysnix", a.sysnix, "--services", str(a.services), "--runs", str(a.runs)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"switch.sh: error: the benchmark driver failed ({proc.returncode})")
    per = {"first": [], "change": []}
    for line in proc.stdout.splitlines():
        run = json.loads(line)
        for s in run["switches"]:
            s["rest_ms"] = s["prepare_ms"] + s["bookkeeping_ms"]
            per[s["switch"]].append(s)
            print(f"run {run['run']}: {s['switch']}: " +
                  ", ".join(f"{label} {s[k]:.1f} ms" for k, label in KEYS), file=sys.stderr)
    table = ["| switch | " + " | ".join(f"{label} (ms)" for _, label in KEYS) + " |",
             "|---|" + "---:|" * len(KEYS)]
    names = {"first": f"first: {a.services} new services", "change": "one unit changed"}
    for which in ["first", "change"]:
        med = {k: statistics.median(s[k] for s in per[which]) for k, _ in KEYS}
        table.append(f"| {names[which]} | " + " | ".join(f"{med[k]:.1f}" for k, _ in KEYS) + " |")
    print("\n".join(table))
    if a.out:
        body = INTRO.format(runs=a.runs, services=a.services) + "\n" + "\n".join(table)
        evalbench.write_section(a.out, "switch", body)


if __name__ == "__main__":
    main()
