#!/usr/bin/env bash
# Makes cases/crates.lock: the lock sendsync builds the corpus's crates with on every tracked
# toolchain. The crates are the dev-dependencies that [package.metadata.sendsync] lists in
# Cargo.toml; their dependencies are resolved for the oldest tracked toolchain, 1.70, with
# cargo's MSRV-aware fallback resolver (cargo 1.84 or newer), so the same lock builds on 1.70.0
# and on the pin alike. Run it after changing those dev-dependencies; read the diff; commit.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import sys, tomllib
doc = tomllib.load(open("Cargo.toml", "rb"))
meta = doc["package"]["metadata"]["sendsync"]
dev = doc["dev-dependencies"]
def spec(v):
    if isinstance(v, str):
        return '"%s"' % v
    parts = []
    for k, x in v.items():
        if isinstance(x, list):
            x = "[" + ", ".join('"%s"' % i for i in x) + "]"
        elif isinstance(x, bool):
            x = "true" if x else "false"
        else:
            x = '"%s"' % x
        parts.append("%s = %s" % (k, x))
    return "{ " + ", ".join(parts) + " }"
lines = ['[package]', 'name = "sendsync-deps"', 'version = "0.0.0"', 'edition = "2021"',
         'rust-version = "1.70"', 'publish = false', '', '[lib]', 'path = "lib.rs"', '',
         '[dependencies]']
lines += ["%s = %s" % (name, spec(dev[name])) for name in meta["crates"]]
open(sys.argv[1] + "/Cargo.toml", "w").write("\n".join(lines) + "\n")
open(sys.argv[1] + "/lib.rs", "w").write("")
PY
(cd "$work" && CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo generate-lockfile)
cp "$work/Cargo.lock" cases/.crates.lock.new
mv cases/.crates.lock.new cases/crates.lock
echo "wrote cases/crates.lock"
