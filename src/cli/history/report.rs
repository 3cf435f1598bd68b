//! What `history record`, `verify` and `show` print, as text and as JSON
//! (`sendsync.history.record/1`, `…verify/1`, `…show/1` in `docs/json.md`).

use super::{chain_change, Case};
use sendsync::drift::history::History;
use sendsync::render::Report;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// `history record`: each toolchain recorded.
#[derive(Serialize)]
pub struct RecordReport {
    /// The history folder.
    pub root: String,
    pub toolchains: Vec<RecordedOn>,
}

/// What recording one toolchain did.
#[derive(Serialize)]
pub struct RecordedOn {
    /// The toolchain's key in the history (`1.80.0`, `nightly-2026-05-19`).
    pub toolchain: String,
    pub release: String,
    /// How many history files changed.
    pub changed: usize,
    pub seconds: f64,
    /// The cases with no result to record, whose old record is kept.
    pub unrecorded: Vec<Unrecorded>,
}

#[derive(Serialize)]
pub struct Unrecorded {
    pub case: String,
    pub why: String,
}

impl RecordedOn {
    /// Its lines, printed as soon as the toolchain is recorded.
    pub fn text(&self) -> String {
        let mut out = format!(
            "{} ({}): {} histories changed, {:.1} s\n",
            self.toolchain, self.release, self.changed, self.seconds
        );
        for u in &self.unrecorded {
            out.push_str(&format!(
                "  {} on {}: not recorded, its old record kept: {}\n",
                u.case, self.toolchain, u.why
            ));
        }
        out
    }
}

impl RecordReport {
    pub fn last_line(&self) -> String {
        format!("{}: updated as one change\n", self.root)
    }
}

impl Report for RecordReport {
    fn schema(&self) -> &'static str {
        "sendsync.history.record/1"
    }
    fn text(&self) -> String {
        let lines: String = self.toolchains.iter().map(RecordedOn::text).collect();
        lines + &self.last_line()
    }
    fn json(&self) -> impl Serialize + '_ {
        self
    }
}

/// `history verify`: each toolchain, verified or new to the history.
#[derive(Serialize)]
pub struct VerifyReport {
    /// How many cases the corpus has.
    pub cases: usize,
    pub toolchains: Vec<VerifiedOn>,
}

#[derive(Serialize)]
pub struct VerifiedOn {
    /// The toolchain's key in the history.
    pub toolchain: String,
    /// Its name as given (a rustup name).
    pub name: String,
    pub release: String,
    /// False for a toolchain no case has a record of: new to the history, not verified.
    pub verified: bool,
    pub differences: Vec<Different>,
}

#[derive(Serialize)]
pub struct Different {
    pub case: String,
    pub toolchain: String,
    pub what: String,
}

impl Report for VerifyReport {
    fn schema(&self) -> &'static str {
        "sendsync.history.verify/1"
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for t in self.toolchains.iter().filter(|t| !t.verified) {
            out.push_str(&format!(
                "{}: new to the history, not verified ({} is not recorded for any case); record it with `sendsync history record --toolchains {}`\n",
                t.toolchain, t.release, t.name
            ));
        }
        for t in self.toolchains.iter().filter(|t| t.verified) {
            out.push_str(&format!(
                "{}: {} cases, {} differ from the recorded history\n",
                t.toolchain,
                self.cases,
                t.differences.len()
            ));
            for d in &t.differences {
                out.push_str(&format!("  {} on {}: {}\n", d.case, d.toolchain, d.what));
            }
        }
        out
    }

    fn json(&self) -> impl Serialize + '_ {
        self
    }
}

/// `history show`: the histories shown.
#[derive(Serialize)]
pub struct ShowReport {
    /// One case was asked for by name.
    #[serde(skip)]
    pub named: bool,
    /// How many cases the corpus has.
    pub corpus_cases: usize,
    /// The history file the text points to (a pattern when several cases are shown).
    #[serde(skip)]
    pub file: PathBuf,
    #[serde(rename = "cases")]
    pub shown: Vec<Shown>,
    /// A case asked for by name that has no history.
    pub no_history: Vec<String>,
}

/// One case's history.
#[derive(Serialize)]
pub struct Shown {
    pub name: String,
    pub topic: String,
    /// Its history file.
    pub file: PathBuf,
    /// Runs of consecutive toolchains with the same variant, in chronological order.
    pub ranges: Vec<Range>,
    /// Each variant's outcome in a few words (`fail E0277`).
    pub variants: BTreeMap<String, String>,
    /// Where the obligation chains changed.
    pub chain_changes: Vec<ChainChange>,
    /// [`History::describe`], for the text.
    #[serde(skip)]
    describe: String,
}

#[derive(Serialize)]
pub struct Range {
    pub from: String,
    pub to: String,
    pub variant: String,
}

#[derive(Serialize)]
pub struct ChainChange {
    /// The toolchain whose chains differ from those recorded before it.
    pub on: String,
    pub what: String,
}

impl Shown {
    pub fn of(case: &Case, h: History, file: PathBuf) -> Shown {
        Shown {
            name: case.name.clone(),
            topic: case.topic.clone(),
            file,
            ranges: h
                .spans()
                .into_iter()
                .map(|s| Range {
                    from: s.from,
                    to: s.to,
                    variant: s.variant,
                })
                .collect(),
            variants: h
                .variants
                .iter()
                .map(|(id, v)| (id.clone(), v.summary()))
                .collect(),
            chain_changes: h
                .chain_changes(Some(&case.source))
                .into_iter()
                .map(|(on, what)| ChainChange { on, what })
                .collect(),
            describe: h.describe(),
        }
    }
}

impl Report for ShowReport {
    fn schema(&self) -> &'static str {
        "sendsync.history.show/1"
    }

    fn text(&self) -> String {
        let mut out = String::new();
        for name in &self.no_history {
            out.push_str(&format!("{name}: no history recorded\n"));
        }
        if !self.named {
            out.push_str(&format!(
                "Only the {} of {} cases whose diagnostics differ between toolchains; the others read \
                 the same\non every toolchain (`sendsync history show NAME` shows any one case).\n",
                self.shown.len(),
                self.corpus_cases
            ));
        }
        if !self.shown.is_empty() {
            out.push_str(&format!(
                "Each letter (A, B, ...) is one variant: an outcome with its structured diagnostics \
                 (messages,\nspans, notes); a letter that comes back is that same variant again. The \
                 variants are\nrecorded in {}.\n\n",
                self.file.display()
            ));
        }
        for s in &self.shown {
            // One range per line: the ranges of a case can be many.
            out.push_str(&format!(
                "{}:\n  {}\n",
                s.name,
                s.describe.replace("; ", "\n  ")
            ));
            for c in &s.chain_changes {
                out.push_str(&chain_change(&c.on, &c.what));
                out.push('\n');
            }
        }
        out
    }

    fn json(&self) -> impl Serialize + '_ {
        self
    }
}
