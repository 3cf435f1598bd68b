//! The crate under test: its manifest, its UI programs, and the package the deps engine builds
//! for it once per toolchain: the crate itself by `path`, beside its `[dev-dependencies]`, as
//! trybuild's generated project has them.

use crate::engine::deps::{self, Builder, Failure};
use crate::error::{Error, Result};
use crate::input::manifest::{Manifest, Sections, Source};
use crate::toolchain::Toolchain;
use std::path::{Path, PathBuf};

/// A crate with UI tests.
#[derive(Clone, Debug)]
pub struct Crate {
    /// Its `Cargo.toml`, absolute.
    pub manifest: PathBuf,
    /// Its folder, absolute: what paths in the normalized stderr are relative to (trybuild's
    /// `CARGO_MANIFEST_DIR`).
    pub dir: PathBuf,
    /// `package.name`.
    pub name: String,
    /// The edition its UI programs are compiled with: the crate's own (trybuild's generated
    /// project inherits it), 2015 when the manifest names none, as cargo reads it.
    pub edition: String,
    /// The package the deps engine builds: the crate and its dev-dependencies.
    pub package: Manifest,
    /// The toolchain a trybuild `NAME.stderr` belongs to: the release the crate's
    /// `rust-toolchain.toml` pins, else sendsync's pinned one.
    pub stderr_toolchain: String,
    /// Its release (`1.97.0-nightly` for `nightly-2026-05-19`), which orders it among others.
    pub stderr_release: String,
}

impl Crate {
    /// Reads the crate at `manifest`. A missing or unreadable manifest is an error naming it.
    pub fn read(manifest: &Path) -> Result<Crate> {
        if !manifest.is_file() {
            return Err(Error::input(
                manifest,
                None,
                "no such manifest (--manifest-path names the crate's Cargo.toml)",
            ));
        }
        let manifest = std::path::absolute(manifest).map_err(|e| Error::io(manifest, e))?;
        let dir = manifest.parent().unwrap_or(Path::new("/")).to_path_buf();
        let text = crate::fs::read_text(&manifest)?;
        let doc: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            Error::input(
                &manifest,
                None,
                format!("not a valid Cargo.toml: {}", e.message()),
            )
        })?;
        let package = doc.get("package").and_then(|p| p.as_table());
        let name = package
            .and_then(|p| p.get("name"))
            .and_then(|n| n.as_str())
            .ok_or_else(|| {
                Error::input(
                    &manifest,
                    None,
                    "no `package.name`: `sendsync ui` tests a crate (a package), not a workspace",
                )
            })?
            .to_string();
        let edition = match package.and_then(|p| p.get("edition")) {
            Some(toml::Value::String(e)) => e.clone(),
            // `edition.workspace = true`: the workspace root's `[workspace.package]`.
            Some(toml::Value::Table(_)) => workspace_edition(&dir).unwrap_or("2021".into()),
            _ => "2015".into(),
        };
        let source = Source {
            manifest: manifest.clone(),
            sections: Sections::Dev,
        };
        let mut package = Manifest::read(&source)?;
        package.deps.insert(
            name.clone(),
            toml::Value::Table(toml::Table::from_iter([(
                "path".to_string(),
                toml::Value::String(dir.display().to_string()),
            )])),
        );
        if package.lock.is_none() {
            // A workspace member's lock lies at the workspace root.
            package.lock = dir
                .ancestors()
                .skip(1)
                .map(|d| d.join("Cargo.lock"))
                .find(|l| l.is_file())
                .map(|l| crate::fs::read_text(&l))
                .transpose()?;
        }
        let stderr_toolchain =
            pinned_release(&dir).unwrap_or_else(|| crate::toolchain::pinned().to_string());
        Ok(Crate {
            stderr_release: stderr_toolchain.clone(),
            stderr_toolchain,
            manifest,
            dir,
            name,
            edition,
            package,
        })
    }

    /// The UI programs: every `.rs` file below `dir`, sorted. None is an error naming it.
    pub fn programs(&self, dir: &Path) -> Result<Vec<PathBuf>> {
        let dir = if dir.is_absolute() {
            dir.to_path_buf()
        } else {
            self.dir.join(dir)
        };
        if !dir.is_dir() {
            return Err(Error::input(&dir, None, "no such UI folder (--dir)"));
        }
        let mut out: Vec<PathBuf> = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(|e| e.ok())
            .map(|e| e.into_path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "rs"))
            .collect();
        out.sort();
        if out.is_empty() {
            return Err(Error::input(
                &dir,
                None,
                "the UI folder holds no programs (no .rs file below it)",
            ));
        }
        Ok(out)
    }

    /// Reads trybuild's `.stderr` files as `toolchain`'s expectations (`--stderr-toolchain`).
    pub fn stderr_from(&mut self, toolchain: &Toolchain) {
        self.stderr_toolchain = crate::drift::history::key_of(toolchain);
        self.stderr_release = toolchain.release.clone();
    }

    /// A program's path as trybuild names it: relative to the crate's folder.
    pub fn relative(&self, program: &Path) -> String {
        crate::engine::normalize::relative(program, &self.dir)
            .unwrap_or_else(|| program.display().to_string())
    }

    /// The crate and its dev-dependencies built with `toolchain` (cargo asked once per process).
    /// `Ok(Err(reason))`: they do not build there, which the history records as `n/a`.
    pub fn build(&self, toolchain: &Toolchain) -> Result<std::result::Result<deps::Built, String>> {
        match deps::try_build_fresh(Builder::Rustc(toolchain), &self.package) {
            Ok(built) => Ok(Ok(built)),
            Err(Failure::DoesNotBuild(why)) => Ok(Err(why)),
            Err(Failure::Other(why)) if too_old(&why) => Ok(Err(why)),
            Err(Failure::Other(why)) => Err(Error::tool("cargo", why)),
        }
    }
}

/// Whether cargo's failure says the toolchain is too old for the crate or a dependency, which the
/// expectations record as `n/a` there. `try_build` reads rustc's rejection of a crate from
/// `compiler-message` lines, which `--message-format=json-render-diagnostics` leaves out, so
/// cargo's own "could not compile" line is the sign here; before rustc, cargo refuses a newer
/// `rust-version` ("requires rustc 1.80"), and cannot read a newer edition's manifest.
fn too_old(why: &str) -> bool {
    [
        "error: could not compile `",
        "requires rustc",
        "this version of Cargo is older than the `",
        "consider trying a newer version of Cargo",
    ]
    .iter()
    .any(|sign| why.contains(sign))
}

/// `[workspace.package] edition` of the nearest workspace root above `dir`.
fn workspace_edition(dir: &Path) -> Option<String> {
    dir.ancestors().skip(1).find_map(|d| {
        let text = std::fs::read_to_string(d.join("Cargo.toml")).ok()?;
        let doc: toml::Table = text.parse().ok()?;
        doc.get("workspace")?
            .get("package")?
            .get("edition")?
            .as_str()
            .map(str::to_string)
    })
}

/// The release a crate's `rust-toolchain.toml` (or `rust-toolchain`) pins, if it pins one.
fn pinned_release(dir: &Path) -> Option<String> {
    dir.ancestors().find_map(|d| {
        ["rust-toolchain.toml", "rust-toolchain"]
            .iter()
            .find_map(|f| std::fs::read_to_string(d.join(f)).ok())
            .and_then(|text| {
                let channel = match text.parse::<toml::Table>() {
                    Ok(doc) => doc.get("toolchain")?.get("channel")?.as_str()?.to_string(),
                    Err(_) => text.trim().to_string(),
                };
                crate::toolchain::Version::parse(&channel)
                    .filter(|_| channel.split('.').count() == 3)
                    .map(|_| channel)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_package_is_the_crate_and_its_dev_dependencies() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("Cargo.toml"),
            "[package]\nname = \"my-crate\"\nversion = \"0.1.0\"\nedition = \"2018\"\n\n[dependencies]\nlibc = \"0.2\"\n\n[dev-dependencies]\nstatic_assertions = \"1\"\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("rust-toolchain.toml"),
            "[toolchain]\nchannel = \"1.80.0\"\n",
        )
        .unwrap();
        let c = Crate::read(&dir.path().join("Cargo.toml")).unwrap();
        assert_eq!((c.name.as_str(), c.edition.as_str()), ("my-crate", "2018"));
        assert_eq!(c.package.crate_names(), ["my_crate", "static_assertions"]);
        let generated = c.package.generated();
        assert!(
            generated.contains(&dir.path().display().to_string()) && !generated.contains("libc"),
            "{generated}"
        );
        assert_eq!(c.stderr_toolchain, "1.80.0");
        let e = c.programs(Path::new("tests/ui")).unwrap_err().to_string();
        assert!(e.contains("tests/ui: no such UI folder"), "{e}");
        std::fs::create_dir_all(dir.path().join("tests/ui")).unwrap();
        let e = c.programs(Path::new("tests/ui")).unwrap_err().to_string();
        assert!(e.contains("holds no programs"), "{e}");
    }

    #[test]
    fn a_toolchain_too_old_for_the_crate_or_a_dependency_is_told_from_a_broken_setup() {
        for why in [
            "building the crates of x with 1.75.0 failed:\nerror: could not compile `fixture` (lib) due to 3 previous errors",
            "error: package `indexmap v2.14.2` cannot be built because it requires rustc 1.82 or newer",
            "Caused by:\n  this version of Cargo is older than the `2024` edition, and only supports `2015`, `2018`, and `2021` editions.",
        ] {
            assert!(too_old(why), "{why}");
        }
        assert!(!too_old(
            "error: failed to get `tokio` as a dependency of package `sendsync-deps`: network"
        ));
    }

    #[test]
    fn a_missing_manifest_is_an_error_naming_it() {
        let e = Crate::read(Path::new("/nonexistent/Cargo.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("/nonexistent/Cargo.toml: no such manifest"),
            "{e}"
        );
    }
}
