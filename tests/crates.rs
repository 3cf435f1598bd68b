//! Programs that use crates: a folder of tokio programs with its own `Cargo.toml` and
//! `Cargo.lock`, checked with `sendsync check DIR`, gives rustc's own outcome and codes (held
//! against `cargo check` of the same programs), on the pinned toolchain and on an old one; the
//! matrix classifies them; and every kind of bad input is a clear error.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sendsync(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(args)
        .output()
        .expect("runs sendsync")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The tokio and rand specs of this package's dev-dependencies, and the corpus's lock: the
/// folder's crates are then the very build the corpus uses (one build per toolchain, shared).
fn manifest_text() -> String {
    let ours = std::fs::read_to_string(sendsync::input::corpus::package_root().join("Cargo.toml"))
        .unwrap();
    let doc: toml::Table = ours.parse().unwrap();
    let dev = doc["dev-dependencies"].as_table().unwrap();
    let mut deps = toml::Table::new();
    for name in ["rand", "tokio"] {
        deps.insert(name.into(), dev[name].clone());
    }
    let mut out = toml::Table::new();
    let mut package = toml::Table::new();
    package.insert("name".into(), "tokio-learner".into());
    package.insert("version".into(), "0.1.0".into());
    package.insert("edition".into(), "2021".into());
    out.insert("package".into(), package.into());
    out.insert("dependencies".into(), deps.into());
    toml::to_string(&out).unwrap()
}

const PROGRAMS: [(&str, &str); 4] = [
    (
        "rc_across_await",
        "use std::rc::Rc;\n\n#[tokio::main]\nasync fn main() {\n    let task = tokio::spawn(async {\n        let rc = Rc::new(5);\n        tokio::task::yield_now().await;\n        println!(\"{rc}\");\n    });\n    task.await.unwrap();\n}\n",
    ),
    (
        "arc_across_await",
        "use std::sync::Arc;\n\n#[tokio::main]\nasync fn main() {\n    let task = tokio::spawn(async {\n        let n = Arc::new(5);\n        tokio::task::yield_now().await;\n        println!(\"{n}\");\n    });\n    task.await.unwrap();\n}\n",
    ),
    (
        "spawn_blocking_rc",
        "use std::rc::Rc;\n\n#[tokio::main]\nasync fn main() {\n    let rc = Rc::new(5);\n    tokio::task::spawn_blocking(move || println!(\"{rc}\"))\n        .await\n        .unwrap();\n}\n",
    ),
    (
        "thread_rng_across_await",
        "#[tokio::main]\nasync fn main() {\n    let task = tokio::spawn(async {\n        let mut rng = rand::thread_rng();\n        tokio::task::yield_now().await;\n        rand::Rng::gen::<u8>(&mut rng)\n    });\n    task.await.unwrap();\n}\n",
    ),
];

/// A Cargo package of the programs above, as `src/bin/NAME.rs`, with the corpus's lock.
fn package(dir: &Path) {
    std::fs::create_dir_all(dir.join("src/bin")).unwrap();
    std::fs::write(dir.join("Cargo.toml"), manifest_text()).unwrap();
    std::fs::copy(
        sendsync::input::corpus::bundled_root().join("crates.lock"),
        dir.join("Cargo.lock"),
    )
    .unwrap();
    for (name, source) in PROGRAMS {
        std::fs::write(dir.join(format!("src/bin/{name}.rs")), source).unwrap();
    }
}

/// Each program's outcome and codes from `sendsync check DIR --format json`.
fn sendsync_codes(dir: &Path, toolchain: &str) -> BTreeMap<String, (String, Vec<String>)> {
    let out = sendsync(&[
        "check",
        dir.to_str().unwrap(),
        "--toolchain",
        toolchain,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let codes = c["codes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            (
                c["name"].as_str().unwrap().to_string(),
                (c["outcome"].as_str().unwrap().to_string(), codes),
            )
        })
        .collect()
}

/// Each program's outcome and codes from `cargo check --bins` of the same package with the
/// toolchain's own cargo (in a target folder kept under `target/`, so a warm run is quick).
fn cargo_codes(
    dir: &Path,
    tc: &sendsync::toolchain::Toolchain,
) -> BTreeMap<String, (String, Vec<String>)> {
    let cargo = tc.rustc.with_file_name("cargo");
    let target: PathBuf = sendsync::paths::target_dir()
        .join("sendsync/test-crates-cargo")
        .join(&tc.release);
    let out = Command::new(&cargo)
        .args(["check", "--bins", "--keep-going", "--message-format=json"])
        .env("RUSTC", &tc.rustc)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTFLAGS")
        .current_dir(dir)
        .output()
        .unwrap();
    let mut codes: BTreeMap<String, (String, Vec<String>)> = PROGRAMS
        .iter()
        .map(|(n, _)| (n.to_string(), ("pass".to_string(), vec![])))
        .collect();
    let mut errors = 0;
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v["reason"] != "compiler-message" || v["message"]["level"] != "error" {
            continue;
        }
        // Older rustc sends its closing count as an error of its own, as sendsync reads it.
        if v["message"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("aborting due to"))
        {
            continue;
        }
        let name = v["target"]["name"].as_str().unwrap().to_string();
        let code = v["message"]["code"]["code"]
            .as_str()
            .unwrap_or("-")
            .to_string();
        errors += 1;
        let entry = codes.entry(name).or_default();
        entry.0 = "fail".into();
        if !entry.1.contains(&code) {
            entry.1.push(code);
            entry.1.sort();
        }
    }
    // cargo failing without a compiler error is no result to compare with.
    assert!(
        out.status.success() || errors > 0,
        "cargo check failed on {}: {}",
        tc.name,
        String::from_utf8_lossy(&out.stderr)
    );
    codes
}

#[test]
fn a_folder_of_tokio_programs_checks_as_cargo_does() {
    let dir = tempfile::tempdir().unwrap();
    package(dir.path());
    let mut toolchains = Vec::new();
    toolchains.extend(common::pinned_toolchain("tokio programs"));
    toolchains.extend(common::installed("1.75.0", "tokio programs"));
    for tc in &toolchains {
        let ours = sendsync_codes(dir.path(), &tc.name);
        // A copy of its own for each cargo: a newer cargo rewrites the lock in a format an
        // older one cannot read (sendsync builds the crates from a copy it converts).
        let copy = dir.path().join(format!("cargo-{}", tc.release));
        package(&copy);
        let cargo = cargo_codes(&copy, tc);
        assert_eq!(ours, cargo, "on {}", tc.name);
        // What rustc says is the lesson: the future error without a code, E0277 for a
        // closure, and a compiling fix.
        assert_eq!(ours["rc_across_await"], ("fail".into(), vec!["-".into()]));
        assert_eq!(
            ours["spawn_blocking_rc"],
            ("fail".into(), vec!["E0277".into()])
        );
        assert_eq!(ours["arc_across_await"], ("pass".into(), vec![]));
        assert_eq!(
            ours["thread_rng_across_await"],
            ("fail".into(), vec!["-".into()])
        );
    }
    if toolchains.len() == 2 {
        let out = sendsync(&[
            "matrix",
            dir.path().to_str().unwrap(),
            "--toolchains",
            "1.75.0,1.95.0",
            "--format",
            "json",
        ]);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{}", text(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rendered = json.to_string();
        for (name, _) in PROGRAMS {
            assert!(
                rendered.contains(name),
                "{name} missing from the matrix: {rendered}"
            );
        }
    }
}

/// A manifest that does not resolve, a `crates:` the manifest lacks, a `--manifest` that is
/// not there, and crates with no manifest at all: each a clear error naming the file, exit 2.
#[test]
fn bad_manifests_are_clear_errors() {
    let Some(_) = common::pinned_toolchain("bad manifests") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let unresolved = dir.path().join("unresolved");
    std::fs::create_dir_all(&unresolved).unwrap();
    std::fs::write(
        unresolved.join("Cargo.toml"),
        "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nsendsync-no-such-crate-zz = \"1\"\n",
    )
    .unwrap();
    std::fs::write(unresolved.join("a.rs"), "fn main() {}\n").unwrap();
    let out = sendsync(&["check", unresolved.to_str().unwrap()]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("building the crates of")
            && said.contains("unresolved/Cargo.toml")
            && said.contains("with 1.95.0"),
        "{said}"
    );

    let lacking = dir.path().join("lacking");
    std::fs::create_dir_all(&lacking).unwrap();
    std::fs::write(lacking.join("Cargo.toml"), manifest_text()).unwrap();
    std::fs::write(
        lacking.join("b.rs"),
        "//! Uses serde\n//!\n//! It asks for a crate the manifest has not.\n//!\n//@ pass\n//@ crates: serde\n\nfn main() {}\n",
    )
    .unwrap();
    let out = sendsync(&["check", lacking.to_str().unwrap()]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("b.rs:6: `crates: serde`, but"), "{said}");

    let out = sendsync(&[
        "check",
        lacking.to_str().unwrap(),
        "--manifest",
        dir.path().join("none/Cargo.toml").to_str().unwrap(),
    ]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("none/Cargo.toml: no such manifest"), "{said}");

    let orphan = dir.path().join("orphan");
    std::fs::create_dir_all(&orphan).unwrap();
    std::fs::copy(lacking.join("b.rs"), orphan.join("b.rs")).unwrap();
    let out = sendsync(&["check", orphan.to_str().unwrap()]);
    let said = text(&out);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(said.contains("no manifest provides them"), "{said}");
}
