//! Finding a toolchain's Miri, preparing its sysroot once, and running a program under it.

use super::*;

/// A toolchain's Miri, ready to run: its binary and the sysroot it interprets std from.
#[derive(Clone, Debug)]
pub struct Miri {
    pub toolchain: Toolchain,
    pub miri: PathBuf,
    /// The Miri sysroot, under `target/sendsync/miri/<identity hash>/`.
    pub sysroot: PathBuf,
}

/// The command that installs what Miri needs on `toolchain`.
pub fn install_hint(toolchain: &Toolchain) -> String {
    if toolchain.release.contains("nightly") {
        format!(
            "`rustup component add miri rust-src --toolchain {}`",
            toolchain.name
        )
    } else {
        "Miri runs only on a nightly toolchain: `rustup toolchain install nightly --component miri,rust-src` (then `--toolchain nightly`)".to_string()
    }
}

impl Miri {
    /// Finds Miri in `toolchain` without installing anything: a missing `miri` or `rust-src`
    /// component is an [`Error::ComponentMissing`] naming the command that adds it.
    pub fn find(toolchain: &Toolchain) -> Result<Miri> {
        let bin = toolchain.sysroot.join("bin");
        let miri = bin.join("miri");
        let missing = |component: &str, what: &str| Error::ComponentMissing {
            toolchain: toolchain.name.clone(),
            component: component.into(),
            message: format!(
                "toolchain `{}` ({}) has no {what}; {}",
                toolchain.name,
                toolchain.release,
                install_hint(toolchain)
            ),
        };
        if !miri.is_file() || !bin.join("cargo-miri").is_file() {
            return Err(missing("miri", "`miri` component"));
        }
        if !toolchain
            .sysroot
            .join("lib/rustlib/src/rust/library")
            .is_dir()
        {
            return Err(missing(
                "rust-src",
                "`rust-src` component (Miri builds std from it)",
            ));
        }
        // Keyed by the toolchain and the Miri binary alone (not by this build's code, as cache
        // entries are): it takes a minute to build.
        let id: String = {
            use sha2::{Digest, Sha256};
            let mut h = Sha256::new();
            h.update(toolchain.identity().as_bytes());
            h.update([0u8]);
            h.update(binary_stamp(&miri).as_bytes());
            h.finalize().iter().map(|b| format!("{b:02x}")).collect()
        };
        let sysroot = crate::paths::target_dir()
            .join("sendsync")
            .join("miri")
            .join(&id[..16]);
        Ok(Miri {
            toolchain: toolchain.clone(),
            miri,
            sysroot,
        })
    }

    /// Whether the Miri sysroot has been prepared.
    pub fn is_ready(&self) -> bool {
        self.sysroot.join(READY).is_file()
    }

    /// Prepares the Miri sysroot with `cargo miri setup` unless it is ready, calling `announce`
    /// before it starts (it takes about a minute). One preparation at a time (a lock file), so
    /// two runs never build into the same folder.
    pub fn prepare(&self, announce: impl FnOnce(&str)) -> Result<()> {
        if self.is_ready() {
            return Ok(());
        }
        let parent = self.sysroot.parent().expect("under target/sendsync/miri");
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let _lock = crate::fs::Lock::acquire(&parent.join(".setup.lock"))?;
        if self.is_ready() {
            return Ok(());
        }
        announce(&format!(
            "preparing the Miri sysroot for {} ({}) with `cargo miri setup` in {} (once per toolchain, about a minute)",
            self.toolchain.name,
            self.toolchain.release,
            self.sysroot.display()
        ));
        let bin = self.toolchain.sysroot.join("bin");
        let mut cmd = bare_command(&bin.join("cargo-miri"));
        cmd.env(
            "PATH",
            crate::toolchain::process::path_with_bin_first(&bin)?,
        )
        .env("MIRI_SYSROOT", &self.sysroot)
        .env("RUSTUP_AUTO_INSTALL", "0")
        .args(["miri", "setup"]);
        let tmp = process::TempDir::new()?;
        cmd.current_dir(tmp.path());
        let done = process::run(
            &mut cmd,
            process::Output::Capture,
            process::Bounds {
                time: Duration::from_secs(1800),
                memory: None,
            },
        )?;
        if !done.status.is_some_and(|s| s.success()) {
            return Err(Error::tool(
                "cargo miri setup",
                format!(
                    "`cargo miri setup` failed for {}:\n{}",
                    self.toolchain.name,
                    done.output.text().trim_end()
                ),
            ));
        }
        crate::fs::write_atomic(&self.sysroot.join(READY), b"prepared by cargo miri setup\n")
    }

    /// Runs one compiled case under Miri.
    pub fn run(&self, case: &Case, options: &Options) -> Result<Run> {
        let started = Instant::now();
        let tmp = process::TempDir::new()?;
        let input = std::path::absolute(&case.path).map_err(|e| Error::io(&case.path, e))?;
        let dir = input.parent().unwrap_or(Path::new("/"));
        let display = compile::display_path(case);
        let virtual_dir = format!("{VIRTUAL_ROOT}{display}");
        let virtual_dir = virtual_dir
            .rsplit_once('/')
            .map_or(VIRTUAL_ROOT, |(d, _)| d);
        let mut remap = std::ffi::OsString::from("--remap-path-prefix=");
        remap.push(dir);
        remap.push("=");
        remap.push(virtual_dir);
        let crates = self.crate_args(case)?;
        let mut cmd = bare_command(&self.miri);
        cmd.arg("--sysroot")
            .arg(&self.sysroot)
            .arg(format!("--edition={}", case.edition))
            .args(["--crate-type=bin", "--crate-name", CRATE_NAME])
            .args(&case.flags)
            .args(&crates)
            .args(options.flags())
            .arg(remap)
            .arg("--out-dir")
            .arg(tmp.path())
            .arg(&input)
            .current_dir(tmp.path());
        let done = process::run(
            &mut cmd,
            process::Output::Capture,
            process::Bounds {
                time: options.timeout,
                memory: None,
            },
        )?;
        let text = done.output.text().replace(VIRTUAL_ROOT, "");
        let report = normalize_report(&text);
        let (verdict, headline) = if done.timed_out {
            (Verdict::Timeout, None)
        } else if done.status.is_some_and(|s| s.success()) {
            // A spawned thread's panic leaves Miri's exit code 0 too: not clean (rustc's own UI
            // tests are judged by their exit code, as compiletest judges them).
            let compiletest = case.format == crate::input::case::Format::Compiletest;
            match compile::thread_panic(&text).filter(|_| !compiletest) {
                Some(panic) => (Verdict::Failed, Some(format!("exit code 0, but {panic}"))),
                None => (Verdict::Clean, None),
            }
        } else {
            classify(&report).unwrap_or_else(|| {
                // Miri runs with no memory limit of ours.
                let why = done.status.map_or("killed".to_string(), |s| {
                    compile::failure_reason(&s, &text, None)
                });
                (Verdict::Failed, Some(why))
            })
        };
        Ok(Run {
            verdict,
            headline,
            report,
            millis: started.elapsed().as_millis() as u64,
        })
    }

    /// The builder of a case's crates for Miri: `cargo miri build` on this sysroot.
    fn builder(&self) -> crate::engine::deps::Builder<'_> {
        crate::engine::deps::Builder::Miri {
            toolchain: &self.toolchain,
            sysroot: &self.sysroot,
        }
    }

    /// Miri's arguments for the crates a case uses: its manifest's dependencies built by
    /// `cargo miri test --no-run` (once per Miri sysroot and lock), as rustc's are by cargo.
    fn crate_args(&self, case: &Case) -> Result<Vec<String>> {
        crate::engine::deps::crate_args(self.builder(), case)
    }

    /// A Miri run through the cache: keyed by the toolchain and Miri binary, the Miri sysroot,
    /// the flags and time limit, the case's content and name, and for a case that uses crates
    /// the build it runs against.
    pub fn run_cached(&self, case: &Case, options: &Options) -> Result<(Run, bool)> {
        let deps = match (&case.deps, case.crates.is_empty()) {
            (Some(source), false) => crate::input::manifest::manifest(source)
                .map(|m| crate::engine::deps::key_with(self.builder(), &m))
                .unwrap_or_default(),
            _ => String::new(),
        };
        let (identity, stamp, sysroot) = (
            self.toolchain.identity(),
            binary_stamp(&self.miri),
            self.sysroot.display().to_string(),
        );
        let (flags, timeout, case_flags) = (
            options.flags().join(" "),
            format!("{:?}", options.timeout),
            case.flags.join(" "),
        );
        let display = compile::display_path(case);
        let mut parts: Vec<&str> = vec![
            "miri",
            &identity,
            &stamp,
            &sysroot,
            &flags,
            &timeout,
            &case.edition,
            &case_flags,
            &display,
            &case.source,
        ];
        // Only a case that uses crates adds its build: the others keep the keys they had.
        if !deps.is_empty() {
            parts.push(&deps);
        }
        let key = Cache::key_of(&parts);
        if let Some(cache) = &options.cache {
            if let Some(run) = cache.get_value::<Run>(&key) {
                return Ok((run, true));
            }
        }
        let run = self.run(case, options)?;
        if let Some(cache) = options
            .cache
            .as_ref()
            .filter(|_| run.verdict != Verdict::Timeout)
        {
            cache.put_value(&key, &run);
        }
        Ok((run, false))
    }
}

/// Marks a prepared Miri sysroot.
pub(super) const READY: &str = ".sendsync-ready";

pub(super) fn binary_stamp(path: &Path) -> String {
    let meta = std::fs::metadata(path);
    let mtime = meta
        .as_ref()
        .ok()
        .and_then(|m| m.modified().ok())
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    format!("{}:{}:{mtime}", path.display(), meta.map_or(0, |m| m.len()))
}
