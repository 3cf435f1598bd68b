//! The normalization steps after trybuild's ([`LATER_STEPS`]), each named and tested by the
//! table in this module's tests.

use super::hide_trailing_numbers;

/// A normalization step of our own, after trybuild's: a name, what it does to rendered text,
/// and what it does to a structured span's place ([`crate::engine::diagnostic::Span::at`]).
pub(crate) struct Step {
    // Read by the tests' table, which names each step; nothing else needs it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) name: &'static str,
    pub(crate) text: fn(&str) -> String,
    pub(crate) span: fn(&str) -> String,
}

/// The steps after trybuild's, in the order they were added. As in trybuild, a new step is
/// appended, never inserted, and what was recorded before it existed still compares equal: the
/// steps apply where two outputs are compared, to both sides (the drift classes), never to what
/// is recorded or pinned. Pinned `.stderr` files stay as trybuild writes them, since trybuild
/// (`tests/ui.rs`) checks them too and knows none of these steps.
pub(crate) const LATER_STEPS: [Step; 1] = [Step {
    // std's bundled dependencies (hashbrown, below `/rust/deps/<crate>-<version>/`) move
    // their lines, and change their version, with releases that change nothing the compiler
    // says about the program: treated as trybuild treats lines outside the case file
    // (numbers hidden) and versions of registry crates (`$VERSION`).
    name: "std-dependency-lines",
    text: std_dependency_lines,
    span: std_dependency_span,
}];

/// Rendered stderr with every [`LATER_STEPS`] step applied, for comparing.
pub(crate) fn comparable(stderr: &str) -> String {
    LATER_STEPS
        .iter()
        .fold(stderr.to_string(), |text, step| (step.text)(&text))
}

/// A span's place with every [`LATER_STEPS`] step applied, for comparing.
pub(crate) fn comparable_span(at: &str) -> String {
    LATER_STEPS
        .iter()
        .fold(at.to_string(), |at, step| (step.span)(&at))
}

const STD_DEPS: &str = "/rust/deps/";

/// `  --> /rust/deps/hashbrown-0.16.1/src/map.rs:185:11` becomes
/// `  --> /rust/deps/hashbrown-$VERSION/src/map.rs`.
fn std_dependency_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let trimmed = body.trim_start();
        let is_path_line = trimmed.starts_with("--> ") || trimmed.starts_with("::: ");
        match body.find(STD_DEPS).filter(|_| is_path_line) {
            Some(at) => {
                let mut line = body.to_string();
                let crate_at = at + STD_DEPS.len();
                let component = line[crate_at..].split('/').next().unwrap_or("").to_string();
                if let Some((name, version)) = component.rsplit_once('-') {
                    if version.starts_with(|c: char| c.is_ascii_digit()) {
                        line.replace_range(
                            crate_at..crate_at + component.len(),
                            &format!("{name}-$VERSION"),
                        );
                    }
                }
                hide_trailing_numbers(&mut line);
                out.push_str(&line);
            }
            None => out.push_str(body),
        }
        out.push_str(end);
    }
    out
}

/// A span's place in the structured record names a file outside the package and std by its
/// bare file name (see [`crate::engine::diagnostic::normalize_path`]), which for a case is one of std's
/// bundled dependencies: `map.rs:185:12-185:19` becomes `map.rs`. The case's own spans (a bare
/// range), std's (`$RUST/…`, already without numbers) and the package's (`cases/…`) stay.
fn std_dependency_span(at: &str) -> String {
    let Some((file, range)) = at.split_once(':') else {
        return at.to_string();
    };
    let is_range = range
        .split(['-', ':'])
        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        && range.matches(':').count() == 2
        && range.matches('-').count() == 1;
    if is_range && file.ends_with(".rs") && !file.contains('/') {
        file.to_string()
    } else {
        at.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every step after trybuild's, on rendered text and on spans: (step, input, output).
    #[test]
    fn later_steps() {
        let text = [
            (
                "std-dependency-lines",
                "note: within `HashMap`\n  --> /rust/deps/hashbrown-0.16.1/src/map.rs:185:11\n",
                "note: within `HashMap`\n  --> /rust/deps/hashbrown-$VERSION/src/map.rs\n",
            ),
            (
                "std-dependency-lines",
                "  ::: /rust/deps/hashbrown-0.17.1/src/raw/mod.rs:182:1",
                "  ::: /rust/deps/hashbrown-$VERSION/src/raw/mod.rs",
            ),
            // compiletest's form of the same line, and a `$DIR` line left alone
            (
                "std-dependency-lines",
                "  --> /rust/deps/hashbrown-0.14.5/src/map.rs:190:12\n  --> $DIR/x.rs:3:4\n",
                "  --> /rust/deps/hashbrown-$VERSION/src/map.rs\n  --> $DIR/x.rs:3:4\n",
            ),
            // only path lines: a message that names the folder is left alone
            (
                "std-dependency-lines",
                "note: see /rust/deps/hashbrown-0.16.1/src/map.rs:185:11\n",
                "note: see /rust/deps/hashbrown-0.16.1/src/map.rs:185:11\n",
            ),
        ];
        for (name, input, output) in text {
            let step = LATER_STEPS.iter().find(|s| s.name == name).unwrap();
            assert_eq!((step.text)(input), output, "{name}: {input}");
        }
        let spans = [
            ("std-dependency-lines", "map.rs:185:12-185:19", "map.rs"),
            ("std-dependency-lines", "28:34-28:85", "28:34-28:85"),
            (
                "std-dependency-lines",
                "cases/t/other.rs:3:1-3:9",
                "cases/t/other.rs:3:1-3:9",
            ),
            (
                "std-dependency-lines",
                "$RUST/std/src/thread/mod.rs",
                "$RUST/std/src/thread/mod.rs",
            ),
        ];
        for (name, input, output) in spans {
            let step = LATER_STEPS.iter().find(|s| s.name == name).unwrap();
            assert_eq!((step.span)(input), output, "{name}: {input}");
        }
        // What was pinned before a step existed compares equal: both sides get every step.
        let pinned = "  --> /rust/deps/hashbrown-0.16.1/src/map.rs:185:11\n";
        let later = "  --> /rust/deps/hashbrown-0.17.1/src/map.rs:182:11\n";
        assert_eq!(comparable(pinned), comparable(later));
    }
}
