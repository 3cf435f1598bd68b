#!/usr/bin/env python3
"""Benchmark of `sendsync check` and `sendsync matrix` against the naive floor and trybuild.

Prints paired figures (median of --runs) on the bundled corpus and on copies scaled to N times
its size:
  (a) naive floor: the corpus's crates (tokio, rand) built once with cargo, as ui_test does
      (`cargo build --message-format=json` in a fresh target folder, the same lock and flags
      sendsync uses), then one rustc per case, 2 at a time, a crate case with `--extern` and
      `-L dependency=`; failing cases --emit=metadata, passing cases built and run. Printed
      as the total and its dependency build;
  (b) sendsync check, cold: a fresh CARGO_TARGET_DIR and result cache, so it builds the
      crates too (once for the run) and every sysroot view;
  (c) trybuild: `cargo test --test ui` after touching every case;
  (d) sendsync check, cached re-run;
  peak RSS of (b), of sendsync itself and of its largest child (rustc);
  matrix: `sendsync matrix --no-cache` over 1, 2 and 4 toolchains (cost ~ cases x toolchains);
  miri: `sendsync miri` on the corpus, cold (--no-cache: every native run and every Miri run
      afresh, the Miri sysroot already prepared) and cached; goals cold <= 120 s, cached < 1 s.
  explain: `sendsync explain` on eval/bench/ten_errors.rs (ten Send/Sync errors): the whole
      command with its compile, and beyond compiling (rustc's JSON, made once, read from
      stdin, as text and as JSON); goal < 100 ms beyond compiling.
  cargo test (--cargo-test warm|cold|both, alone): wall time of the whole `cargo test`;
      goals warm <= 60 s, cold <= 5 min.
      warm: in the package's own target/, after one unmeasured run, every installed toolchain
            visible (the history and Miri checks run through sendsync's result cache).
      cold: a fresh CARGO_TARGET_DIR, so cargo's build output AND sendsync's own caches below it
            (results, sysroot views, the Miri sysroot) all start empty; crates already in
            CARGO_HOME are reused (download time is not counted); RUSTUP_HOME is a temporary
            folder linking only the pinned toolchain, which is also its default, as on a machine
            with only what rustup installs (the tests for other toolchains and for Miri then
            print SKIPPED). Takes minutes: run it once.

Usage: python3 scripts/bench.py [--scales 1,4] [--runs 3] [--no-trybuild] [--toolchains ...]
                                [--only-miri] [--only-explain] [--only-check] [--cargo-test warm|cold|both]
Run from the package root; it builds the release binary first.
"""
import argparse, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time, tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "sendsync"
PINNED = next(l.split("=")[1].strip().strip('"') for l in (ROOT / "rust-toolchain.toml").read_text().splitlines() if l.startswith("channel"))

def rustc_path(toolchain):
    return subprocess.run(["rustup", "which", "rustc", "--toolchain", toolchain], capture_output=True, text=True, check=True).stdout.strip()

def scaled_copy(scale):
    """The corpus copied `scale` times into target/bench-xN/<topic>/ with unique names, with a
    Cargo.toml and Cargo.lock of the corpus's crates (a folder of programs as a user has it)."""
    dest = ROOT / "target" / f"bench-x{scale}"
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    (dest / "Cargo.toml").write_text(crates_manifest()[1])
    shutil.copy(CRATES_LOCK, dest / "Cargo.lock")
    for topic in sorted((ROOT / "cases").iterdir()):
        if not topic.is_dir():
            continue
        (dest / topic.name).mkdir(parents=True)
        shutil.copy(topic / "README.md", dest / topic.name / "README.md")
        for i in range(scale):
            for f in topic.glob("*.rs"):
                text = f.read_text()
                name = f.stem if scale == 1 else f"{f.stem}_x{i}"
                # Keep fix: names (one or several) resolving inside the copy.
                lines = [("//@ fix: " + " ".join(n + f"_x{i}" for n in l.split(":", 1)[1].split()) if l.startswith("//@ fix:") and scale > 1 else l) for l in text.splitlines()]
                (dest / topic.name / f"{name}.rs").write_text("\n".join(lines) + "\n")
                if f.with_suffix(".stderr").exists():
                    shutil.copy(f.with_suffix(".stderr"), dest / topic.name / f"{name}.stderr")
    return dest

def cases_in(folder):
    """(file, expect_pass, edition, crates) of every case below `folder`."""
    out = []
    for f in sorted(Path(folder).rglob("*.rs")):
        head = f.read_text().splitlines()[:20]
        expect_pass = any(l.strip() == "//@ pass" for l in head)
        edition = next((l.split(":")[1].strip() for l in head if l.startswith("//@ edition:")), "2021")
        crates = next((l.split(":", 1)[1].split() for l in head if l.startswith("//@ crates:")), [])
        out.append((f, expect_pass, edition, crates))
    return out

CRATES_LOCK = ROOT / tomllib.loads((ROOT / "Cargo.toml").read_text())["package"]["metadata"]["sendsync"]["lock"]

def crates_manifest():
    """(crate names, a Cargo.toml whose [dependencies] are the corpus's crates with their
    dev-dependency specs): the package the floor builds, and the manifest of a scaled copy."""
    meta = tomllib.loads((ROOT / "Cargo.toml").read_text())
    deps = {name: meta["dev-dependencies"][name] for name in meta["package"]["metadata"]["sendsync"]["crates"]}
    def spec(v):
        if isinstance(v, str):
            return json.dumps(v)
        return "{ " + ", ".join(f"{k} = {json.dumps(x)}" for k, x in v.items()) + " }"
    text = ('[package]\nname = "floor"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n'
            '[lib]\npath = "lib.rs"\n[workspace]\n[dependencies]\n'
            + "".join(f"{n} = {spec(v)}\n" for n, v in deps.items()))
    return deps, text

def build_crates(rustc, cargo):
    """The corpus's crates built once, as the floor's share of a cold run: the package's
    [package.metadata.sendsync] crates with their dev-dependency specs, in a package of their
    own with cases/crates.lock, built by `cargo build --lib --message-format=json` into a fresh
    target folder (debug info off, as sendsync builds them). Returns (seconds, the rustc
    arguments per crate name, the folder to remove)."""
    deps, manifest = crates_manifest()
    work = Path(tempfile.mkdtemp(prefix="sendsync-bench-floor-"))
    (work / "Cargo.toml").write_text(manifest)
    (work / "lib.rs").write_text("")
    shutil.copy(CRATES_LOCK, work / "Cargo.lock")
    env = dict(os.environ, RUSTC=rustc, CARGO_TARGET_DIR=str(work / "target"), CARGO_INCREMENTAL="0",
               CARGO_PROFILE_DEV_DEBUG="0", CARGO_TERM_COLOR="never")
    t = time.perf_counter()
    r = subprocess.run([cargo, "build", "--lib", "--message-format=json"], cwd=work, env=env,
                       capture_output=True, text=True)
    secs = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"bench: building the corpus's crates for the floor failed:\n{r.stderr}")
    libs = {}
    for line in r.stdout.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg["target"]["name"] in deps:
            rlib = next((f for f in msg["filenames"] if f.endswith(".rlib")), None)
            if rlib:
                libs[msg["target"]["name"]] = rlib
    missing = set(deps) - set(libs)
    if missing:
        sys.exit(f"bench: cargo built no library for {sorted(missing)}")
    dep_dir = str(work / "target" / "debug" / "deps")
    args = {n: ["--extern", f"{n}={p}", "-L", f"dependency={dep_dir}"] for n, p in libs.items()}
    return secs, args, work

def naive(folder, rustc, cargo):
    """The floor: (total seconds, of which the crates' build)."""
    items = cases_in(folder)
    crate_secs, crate_args, work = 0.0, {}, None
    t = time.perf_counter()
    if any(c for *_, c in items):
        crate_secs, crate_args, work = build_crates(rustc, cargo)
    def one(item):
        f, expect_pass, edition, crates = item
        with tempfile.TemporaryDirectory() as td:
            cmd = [rustc, f"--edition={edition}", "--crate-type=bin", "--crate-name=c", "--error-format=json",
                   "-A", "dead_code", "--out-dir", td, str(f)]
            for name in crates:
                cmd += crate_args[name]
            if not expect_pass:
                cmd.append("--emit=metadata")
            r = subprocess.run(cmd, capture_output=True)
            if expect_pass and r.returncode == 0:
                hangs = any(l.strip() == "//@ native: hangs" for l in f.read_text().splitlines()[:20])
                try:
                    # A `native: hangs` case runs for as long as sendsync watches it (2 s).
                    subprocess.run([os.path.join(td, "c")], capture_output=True, timeout=2 if hangs else 10)
                except subprocess.TimeoutExpired:
                    if not hangs:
                        raise
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(one, items))
    total = time.perf_counter() - t
    if work:
        shutil.rmtree(work, ignore_errors=True)
    return total, crate_secs

def cold_check(check, env):
    """`check` with everything below a fresh CARGO_TARGET_DIR (result cache, sysroot views,
    the crates' build): seconds."""
    fresh = tempfile.mkdtemp(prefix="sendsync-bench-cold-")
    cold = {k: v for k, v in env.items() if k not in ("SENDSYNC_CACHE_DIR", "SENDSYNC_SYSROOT_DIR")}
    cold["CARGO_TARGET_DIR"] = fresh
    t, r = timed(check, cold)
    shutil.rmtree(fresh, ignore_errors=True)
    if r.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(check)} failed ({r.returncode}):\n{r.stderr.decode()[-2000:]}")
    return t

def timed(cmd, env=None):
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, env=env, cwd=ROOT)
    return time.perf_counter() - t, r

def peak_rss(cmd, env):
    """Peak RSS in MiB: sendsync's own (its VmHWM), and the largest process of the whole tree
    (GNU time's %M, which is a rustc)."""
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, capture_output=True, text=True, env=dict(env, SENDSYNC_PEAK_RSS="1"), cwd=ROOT)
    lines = r.stderr.strip().splitlines()
    own = next((int(l.split()[-2]) / 1024 for l in lines if l.startswith("sendsync peak RSS:")), float("nan"))
    return own, int(lines[-1]) / 1024

def median(f, runs):
    return statistics.median(f() for _ in range(runs))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scales", default="1,4")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-trybuild", action="store_true")
    ap.add_argument("--toolchains", default=f"1.70.0,1.80.0,{PINNED},nightly")
    ap.add_argument("--only-miri", action="store_true", help="only the Miri figures")
    ap.add_argument("--only-explain", action="store_true", help="only the explain figures")
    ap.add_argument("--only-check", action="store_true", help="only the check table (floor, cold, trybuild, cached)")
    ap.add_argument("--cargo-test", choices=["warm", "cold", "both"], help="only the `cargo test` wall times")
    args = ap.parse_args()
    if args.cargo_test:
        cargo_test_bench(args.cargo_test, args.runs)
        return
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    if args.only_explain:
        explain_bench(args.runs)
        return
    if args.only_miri:
        cache = tempfile.mkdtemp(prefix="sendsync-bench-cache-")
        miri_bench(dict(os.environ, SENDSYNC_CACHE_DIR=cache), args.runs)
        shutil.rmtree(cache, ignore_errors=True)
        return
    subprocess.run(["cargo", "test", "--test", "ui", "--no-run", "--quiet"], cwd=ROOT, check=True)
    rustc = rustc_path(PINNED)
    cargo = os.path.join(os.path.dirname(rustc), "cargo")
    cache = tempfile.mkdtemp(prefix="sendsync-bench-cache-")
    env = dict(os.environ, SENDSYNC_CACHE_DIR=cache)
    print(f"sendsync benchmark: {os.cpu_count()} cores, rustc {PINNED}, median of {args.runs} runs")
    print(f"{'corpus':>8} {'cases':>6} {'(a) naive':>10} {'of it crates':>13} {'(b) check':>10} {'b/a':>6} {'(c) trybuild':>13} {'c/b':>6} {'(d) cached':>11} {'RSS MiB own/tree':>17}")
    for scale in [int(s) for s in args.scales.split(",")]:
        folder = ROOT / "cases" if scale == 1 else scaled_copy(scale)
        n = len(cases_in(folder))
        check = [str(BIN), "check", "--toolchain", PINNED, str(folder)]
        floors = sorted((naive(folder, rustc, cargo) for _ in range(args.runs)), key=lambda x: x[0])
        a, a_crates = floors[len(floors) // 2]
        b = median(lambda: cold_check(check, env), args.runs)
        rss = peak_rss(check + ["--no-cache"], env)
        timed(check, env)  # fill the cache
        d = median(lambda: timed(check, env)[0], args.runs)
        c = None
        if not args.no_trybuild:
            def trybuild():
                for f in Path(folder).rglob("*.rs"):
                    f.touch()
                return timed(["cargo", "test", "--quiet", "--test", "ui"], dict(env, SENDSYNC_CASES_DIR=str(folder)))[0]
            c = median(trybuild, 1 if scale > 1 else args.runs)
        cs = f"{c:12.2f}s" if c else f"{'-':>13}"
        cb = f"{c / b:6.2f}" if c else f"{'-':>6}"
        print(f"{'x' + str(scale):>8} {n:>6} {a:9.2f}s {a_crates:12.2f}s {b:9.2f}s {b / a:6.2f} {cs} {cb} {d:10.2f}s {rss[0]:8.0f} / {rss[1]:.0f}", flush=True)
    if args.only_check:
        shutil.rmtree(cache, ignore_errors=True)
        return
    # Matrix: cost against cases x toolchains, cold (no cache).
    tcs = [t for t in args.toolchains.split(",") if subprocess.run(["rustup", "which", "rustc", "--toolchain", t], capture_output=True).returncode == 0]
    print(f"\nmatrix --no-cache (type-checks every case on every toolchain): toolchains {','.join(tcs)}")
    print(f"{'corpus':>8} {'toolchains':>10} {'cells':>7} {'time':>8} {'ms/cell':>8}")
    for scale in [int(s) for s in args.scales.split(",")]:
        folder = ROOT / "cases" if scale == 1 else ROOT / "target" / f"bench-x{scale}"
        n = len(cases_in(folder))
        # Both axes vary: toolchains 1, 2, 4 on the corpus; cases x4 on one toolchain.
        for k in [1, 2, 4] if scale == 1 else [1]:
            if k > len(tcs):
                break
            t, _ = timed([str(BIN), "matrix", "--no-cache", "--toolchains", ",".join(tcs[:k]), "--format", "json", "--out", os.path.join(cache, "m.json"), str(folder)], env)
            print(f"{'x' + str(scale):>8} {k:>10} {n * k:>7} {t:7.2f}s {1000 * t / (n * k):8.1f}", flush=True)
    miri_bench(env, args.runs)
    explain_bench(args.runs)
    shutil.rmtree(cache, ignore_errors=True)

def miri_bench(env, runs):
    """The whole corpus under nightly Miri, cold and cached (the sysroot prepared first)."""
    if subprocess.run(["rustup", "which", "miri", "--toolchain", "nightly"], capture_output=True).returncode != 0:
        print("\nmiri: SKIPPED (nightly with the miri component is not installed)")
        return
    miri = [str(BIN), "miri", "--toolchain", "nightly", "--jobs", "2"]
    t, r = timed(miri + ["cases/races"], env)  # prepares the Miri sysroot if it is not yet
    if r.returncode not in (0, 1):
        print(f"\nmiri: could not run: {r.stderr.decode()[-500:]}")
        return
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    cold = median(lambda: timed(miri + ["--no-cache"], env)[0], runs)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time hardly depends on what else the machine runs: CPU s / cores is the wall time an
    # idle machine would need at best.
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) / runs
    timed(miri, env)  # fill the cache
    cached = median(lambda: timed(miri, env)[0], runs)
    n = len(cases_in(ROOT / "cases"))
    print(f"\nmiri (nightly, 2 jobs, whole corpus of {n} programs): cold {cold:.2f}s (goal <= 120 s; {cpu:.1f} CPU s), cached {cached:.2f}s (goal < 1 s); {load()} at the end", flush=True)

def load():
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())

def cargo_test_bench(which, runs):
    """Wall time of the whole `cargo test` (see the module's docstring for warm and cold)."""
    print(f"cargo test: {os.cpu_count()} cores; {load()} at the start", flush=True)
    if which in ("warm", "both"):
        r = subprocess.run(["cargo", "test", "--no-fail-fast", "--quiet"], cwd=ROOT, capture_output=True)
        if r.returncode != 0:
            print(f"warm: the unmeasured first run failed:\n{r.stdout.decode()[-3000:]}{r.stderr.decode()[-3000:]}")
            return
        t = median(lambda: timed(["cargo", "test", "--no-fail-fast", "--quiet"])[0], runs)
        print(f"cargo test, warm (median of {runs}): {t:.1f} s (goal <= 60 s); {load()} at the end", flush=True)
    if which in ("cold", "both"):
        target = tempfile.mkdtemp(prefix="sendsync-bench-target-")
        home = tempfile.mkdtemp(prefix="sendsync-bench-rustup-")
        real_home = Path(os.environ.get("RUSTUP_HOME", Path.home() / ".rustup"))
        host = subprocess.run(["rustc", "-vV"], capture_output=True, text=True, cwd=ROOT).stdout.split("host: ")[1].split()[0]
        (Path(home) / "toolchains").mkdir()
        name = f"{PINNED}-{host}"
        os.symlink(real_home / "toolchains" / name, Path(home) / "toolchains" / name)
        # As rustup-init leaves it: the one toolchain is also the default (outside the package,
        # where rust-toolchain.toml does not reach, `rustc` is then still that toolchain).
        (Path(home) / "settings.toml").write_text(f'version = "12"\ndefault_toolchain = "{name}"\nprofile = "minimal"\n\n[overrides]\n')
        env = dict(os.environ, CARGO_TARGET_DIR=target, RUSTUP_HOME=home, RUSTUP_AUTO_INSTALL="0")
        env.pop("SENDSYNC_CACHE_DIR", None)
        t, r = timed(["cargo", "test", "--no-fail-fast"], env)
        skipped = sum(1 for l in r.stderr.decode().splitlines() if l.startswith("SKIPPED"))
        size = subprocess.run(["du", "-sm", target], capture_output=True, text=True).stdout.split()[0]
        status = "passed" if r.returncode == 0 else f"FAILED (exit {r.returncode})"
        print(f"cargo test, cold (one run, only {PINNED} installed): {t:.1f} s (goal <= 300 s), {status}, "
              f"{skipped} SKIPPED lines, target {size} MiB; {load()} at the end", flush=True)
        log = ROOT / "target" / "bench-cargo-test-cold.log"
        log.parent.mkdir(exist_ok=True)
        log.write_bytes(r.stdout + b"\n--- stderr ---\n" + r.stderr)
        print(f"its whole output: {log}")
        if r.returncode != 0:
            failed = [l for l in (r.stdout + r.stderr).decode().splitlines() if l.endswith("... FAILED") or l.startswith("error: test failed")]
            print("\n".join(failed))
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(home, ignore_errors=True)

def explain_bench(runs):
    """`sendsync explain` on a program with ten Send/Sync errors: with its compile, and beyond
    compiling (the same errors as rustc's JSON on stdin: process start, loading the corpus and
    its pinned chains, shaping, matching, printing)."""
    program = ROOT / "eval" / "bench" / "ten_errors.rs"
    rustc = rustc_path(PINNED)
    with tempfile.TemporaryDirectory() as td:
        r = subprocess.run([rustc, "--edition=2021", "--crate-type=bin", "--error-format=json", "--emit=metadata", "--out-dir", td, str(program)], capture_output=True, cwd=ROOT)
    json_lines = r.stderr
    cpu = {"text": [], "json": []}
    def stdin_run(fmt):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        out = subprocess.run([str(BIN), "explain", "-", "--format", fmt], input=json_lines, capture_output=True, cwd=ROOT)
        took = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[fmt].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if out.returncode != 0:
            sys.exit(f"explain failed: {out.stderr.decode()}")
        return took, out
    _, out = stdin_run("json")
    import json
    errors = json.loads(out.stdout)["errors"]
    explained = sum(1 for e in errors if e["matches"])
    runs = max(runs, 5)
    text = median(lambda: stdin_run("text")[0], runs)
    js = median(lambda: stdin_run("json")[0], runs)
    whole = median(lambda: timed([str(BIN), "explain", str(program), "--toolchain", PINNED])[0], runs)
    print(f"\nexplain ({program.relative_to(ROOT)}: {len(errors)} errors, {explained} matched; median of {runs} runs)")
    print(f"  beyond compiling (rustc's JSON on stdin): text {1000 * text:.0f} ms, json {1000 * js:.0f} ms (goal < 100 ms)")
    print(f"  of which CPU time (user + system): text {1000 * statistics.median(cpu['text']):.0f} ms, json {1000 * statistics.median(cpu['json']):.0f} ms")
    print(f"  load average during the run: {os.getloadavg()[0]:.1f}")
    print(f"  with the compile (explain FILE): {1000 * whole:.0f} ms", flush=True)

if __name__ == "__main__":
    main()
