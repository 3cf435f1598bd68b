//! What a compiletest test asks beyond the fields of a [`crate::input::case::Case`]: its
//! conditions on the host, its `normalize-stderr` rules, how its stderr is compared. The types
//! stand apart from [`crate::input::compiletest`], which reads them, so that a case can hold them
//! without the case format depending on the compiletest reader.

use serde::Serialize;

/// What a compiletest test asks of the checking beyond what [`crate::input::case::Case`] holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Props {
    /// `only-*`, `ignore-*` and `needs-*` lines: held against each toolchain's host.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// `normalize-stderr*` rules, applied in order after compiletest's own normalization.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub normalize_stderr: Vec<Rule>,
    /// Whether the compiler's stderr is compared (`dont-check-compiler-stderr` says no).
    pub check_stderr: bool,
    /// `stderr-per-bitwidth`: the expected stderr is `<name>.64bit.stderr` (or `32bit`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub stderr_per_bitwidth: bool,
}

impl Default for Props {
    fn default() -> Self {
        Props {
            conditions: Vec::new(),
            normalize_stderr: Vec::new(),
            check_stderr: true,
            stderr_per_bitwidth: false,
        }
    }
}

/// One `only-NAME`, `ignore-NAME` or `needs-NAME` line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Condition {
    pub line: usize,
    /// The directive's name: `only-linux`, `needs-threads`, ...
    pub name: String,
    /// What follows it (the widths of `needs-target-has-atomic: 64`, or a remark).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub value: String,
}

/// A `//@ normalize-stderr: "REGEX" -> "REPLACEMENT"` rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rule {
    pub regex: String,
    pub replacement: String,
    /// Only on hosts of this pointer width (`normalize-stderr-32bit`, `-64bit`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bits: Option<u32>,
}
