#!/usr/bin/env python3
"""Runs `sendsync explain` on every program of eval/real and scores it against its labels.

eval/real/MANIFEST.toml lists each program (a `.rs` file or a Cargo package with tokio), the
report it was rebuilt from, the corpus cases a teacher would point to (its labels) and its half
(tuning or held-out). For each program this runs `sendsync explain PATH --format json`, takes
the first Send/Sync error (as `explain --evaluate` does), and counts top-1 when the nearest case
is one of the labels and top-3 when any of the three is. It prints each program's answer, then
top-1 and top-3 for each half and overall.

    python3 scripts/eval-real.py                  # all programs (builds sendsync --release first)
    python3 scripts/eval-real.py --half tuning    # only the tuning half
    python3 scripts/eval-real.py --json           # the rows and figures as JSON

The held-out half is for measuring, never for tuning: look at its misses only after a change
is final. The packages share one target folder (target/eval-real), so tokio is built once.
Exit 0 when it ran, 2 for a bad manifest, a missing program or a failed explain run.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "eval", "real")
HALVES = ("tuning", "held-out")


def fail(message):
    print(f"eval-real: {message}", file=sys.stderr)
    sys.exit(2)


def load_manifest():
    path = os.path.join(EVAL, "MANIFEST.toml")
    try:
        with open(path, "rb") as f:
            programs = tomllib.load(f).get("program", [])
    except (OSError, tomllib.TOMLDecodeError) as e:
        fail(f"{path}: {e}")
    for p in programs:
        for key in ("id", "kind", "labels", "half"):
            if key not in p:
                fail(f"{path}: program {p.get('id', '?')} has no `{key}`")
        if p["half"] not in HALVES:
            fail(f"{path}: program {p['id']}: half must be one of {HALVES}")
        p["path"] = os.path.join(EVAL, p["id"] + (".rs" if p["kind"] == "file" else ""))
        if not os.path.exists(p["path"]):
            fail(f"{path}: program {p['id']}: {p['path']} does not exist")
    return programs


def explain(binary, program, timeout):
    env = dict(os.environ)
    # One target folder for every package: tokio and rand are compiled once, not 23 times.
    env["CARGO_TARGET_DIR"] = os.path.join(ROOT, "target", "eval-real")
    run = subprocess.run(
        [binary, "explain", program["path"], "--format", "json", "--timeout", str(timeout)],
        capture_output=True,
        text=True,
        env=env,
    )
    if run.returncode != 0:
        fail(f"explain {program['path']} exited {run.returncode}: {run.stderr.strip()}")
    errors = json.loads(run.stdout)["errors"]
    first = next((e for e in errors if e.get("send_sync")), None)
    if first is None:
        fail(f"explain {program['path']}: no Send/Sync error reported")
    matches = first["matches"][:3]
    got = [m["name"] for m in matches]
    scores = [m["score"] for m in matches]
    return {
        "id": program["id"],
        "half": program["half"],
        "tokio": program.get("tokio", False),
        "labels": program["labels"],
        "code": first.get("code"),
        "message": first.get("message"),
        "got": got,
        "scores": scores,
        "tie_at_top": len(scores) > 1 and scores[0] == scores[1],
        "top1": bool(got) and got[0] in program["labels"],
        "top3": any(g in program["labels"] for g in got),
    }


def figures(rows):
    n = len(rows)
    top1 = sum(r["top1"] for r in rows)
    top3 = sum(r["top3"] for r in rows)
    pc = lambda k: 100.0 * k / n if n else 0.0
    return {"programs": n, "top1": top1, "top3": top3, "top1_pc": pc(top1), "top3_pc": pc(top3)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=HALVES + ("all",), default="all")
    ap.add_argument("--json", action="store_true", help="print the rows and figures as JSON")
    ap.add_argument("--jobs", type=int, default=2, help="programs explained at once (default 2)")
    ap.add_argument("--timeout", type=int, default=600, help="each compile's time limit, in s")
    ap.add_argument("--no-build", action="store_true", help="use target/release/sendsync as it is")
    args = ap.parse_args()

    programs = load_manifest()
    if args.half != "all":
        programs = [p for p in programs if p["half"] == args.half]
    if not args.no_build:
        built = subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
        if built.returncode != 0:
            fail("cargo build --release failed")
    binary = os.path.join(ROOT, "target", "release", "sendsync")
    if not os.path.exists(binary):
        fail(f"{binary} does not exist (run without --no-build)")

    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        rows = list(pool.map(lambda p: explain(binary, p, args.timeout), programs))

    summary = {h: figures([r for r in rows if r["half"] == h]) for h in HALVES}
    summary["all"] = figures(rows)
    summary["tokio"] = figures([r for r in rows if r["tokio"]])
    summary["files"] = figures([r for r in rows if not r["tokio"]])
    if args.json:
        print(json.dumps({"programs": rows, "figures": summary}, indent=2))
        return
    for r in rows:
        mark = "top-1" if r["top1"] else "top-3" if r["top3"] else "MISS "
        tie = "  (tie at the top)" if r["tie_at_top"] else ""
        print(f"{mark}  [{r['half']}] {r['id']}: expected {' | '.join(r['labels'])}; "
              f"got {', '.join(r['got'])}{tie}")
    print()
    for key in HALVES + ("all", "tokio", "files"):
        s = summary[key]
        if s["programs"]:
            print(f"{key:>8}: {s['programs']:2} programs, top-1 {s['top1_pc']:5.1f} % ({s['top1']}), "
                  f"top-3 {s['top3_pc']:5.1f} % ({s['top3']})")


if __name__ == "__main__":
    main()
