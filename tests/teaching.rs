//! The teaching text held to the standard of the code: what an explanation quotes from the
//! compiler is in the pinned output, what a topic README says about cases names cases that
//! exist, and no two failing cases fail in the same way unless a comment here says what else
//! tells them apart. Nothing here compiles: it reads the cases, their `.stderr` and their
//! snapshots, which `tests/ui.rs` and `tests/corpus.rs` hold to the compiler.

mod common;

use sendsync::input::case::Case;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Collapses runs of white space, so a quote wrapped over two `//!` lines still matches.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The compiler quotes of an explanation: text in double quotes outside code spans (a code
/// span inside the quotes belongs to the quote), and code spans that read `note: ...` or
/// `help: ...`. Quotes that are not the compiler's are written in *emphasis* instead.
fn compiler_quotes(text: &str) -> Vec<String> {
    let mut quotes = Vec::new();
    let mut in_code = false;
    let mut code = String::new();
    let mut quote: Option<String> = None;
    for c in text.chars() {
        if c == '`' {
            if in_code {
                for prefix in ["note: ", "help: "] {
                    if code.starts_with(prefix) {
                        quotes.push(code.clone());
                    }
                }
                code.clear();
            }
            in_code = !in_code;
        } else if in_code {
            code.push(c);
        }
        match (&mut quote, c) {
            (None, '"' | '\u{201c}') if !in_code => quote = Some(String::new()),
            (Some(q), '"' | '\u{201d}') if !in_code => {
                quotes.push(std::mem::take(q));
                quote = None;
            }
            (Some(q), c) => q.push(c),
            _ => {}
        }
    }
    quotes.into_iter().map(|q| squash(&q)).collect()
}

/// Where a case's quotes must come from: its own `.stderr`, or for a passing case, the
/// `.stderr` of every failing case it repairs.
fn pinned_stderr(case: &Case, cases: &[Case]) -> Vec<(String, String)> {
    let sources: Vec<&Case> = if case.expectation.is_pinned() {
        vec![case]
    } else {
        cases
            .iter()
            .filter(|c| c.fix.iter().any(|f| f == &case.name))
            .collect()
    };
    sources
        .iter()
        .filter_map(|c| {
            let text = std::fs::read_to_string(c.path.with_extension("stderr")).ok()?;
            Some((c.name.clone(), squash(&text)))
        })
        .collect()
}

#[test]
fn compiler_quotes_are_in_the_pinned_stderr() {
    assert_eq!(
        compiler_quotes(
            "It says \"within the type `(u32, Rc<T>)`\",\nthen `help: use \"x\"`; `\"no\"`."
        ),
        ["within the type `(u32, Rc<T>)`", "help: use \"x\""]
    );
    let cases = common::cases();
    let mut bad = Vec::new();
    let mut checked = 0;
    for case in &cases {
        let quotes = compiler_quotes(&case.explanation);
        if quotes.is_empty() {
            continue;
        }
        let stderrs = pinned_stderr(case, &cases);
        for quote in quotes {
            checked += 1;
            let text = quote
                .trim_start_matches("note: ")
                .trim_start_matches("help: ");
            if stderrs.is_empty() {
                bad.push(format!(
                    "{} ({}): quotes {quote:?}, but neither it nor a case it fixes has a pinned .stderr (write quotes that are not the compiler's in *emphasis*)",
                    case.name,
                    case.path.display()
                ));
            } else if !stderrs.iter().any(|(_, s)| s.contains(text)) {
                let names: Vec<&str> = stderrs.iter().map(|(n, _)| n.as_str()).collect();
                bad.push(format!(
                    "{} ({}): quotes {quote:?}, which is not in the pinned stderr of {}",
                    case.name,
                    case.path.display(),
                    names.join(", ")
                ));
            }
        }
    }
    assert!(checked >= 5, "only {checked} compiler quotes found");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Words that look like case names in a README but are Rust's own identifiers.
const NOT_CASES: &[&str] = &["static_mut_refs", "split_at_mut", "invalid_atomic_ordering"];

/// A README's prose: fenced code blocks left out.
fn prose(md: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `[label](target)` links: the start of the label, the label, the target.
fn links(md: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = md[from..].find('[').map(|i| from + i) {
        from = open + 1;
        let Some(close) = md[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = md[close..].find(')').map(|i| close + i) else {
            break;
        };
        if md[open + 1..close].contains('[') {
            continue;
        }
        out.push((
            open,
            md[open + 1..close].to_string(),
            md[close + 2..end].to_string(),
        ));
        from = end + 1;
    }
    out
}

/// Snake-case words of three parts or more, the shape of a case's name, with their offsets.
fn case_like_words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        let word_char = c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                let word = text[s..i].trim_matches('_');
                if word.split('_').filter(|p| !p.is_empty()).count() >= 3 {
                    out.push((s, word));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// What is wrong with the case mentions of one topic README.
fn readme_problems(readme: &Path, md: &str, cases: &[Case]) -> Vec<String> {
    let names: BTreeMap<&str, &Case> = cases.iter().map(|c| (c.name.as_str(), c)).collect();
    let dir = readme.parent().unwrap();
    let text = prose(md);
    let mut problems = Vec::new();
    let links = links(&text);
    for (_, _, target) in &links {
        if target.contains("://") || target.starts_with('#') || target.starts_with("mailto:") {
            continue;
        }
        let path = dir.join(target.split('#').next().unwrap());
        if !path.exists() {
            problems.push(format!(
                "{}: the link {target:?} leads nowhere",
                readme.display()
            ));
        }
    }
    // A link's target names its file, not a case in prose: blank it before looking for names.
    let mut words_text = text.clone();
    for (open, label, target) in &links {
        let start = open + 1 + label.len() + 2;
        words_text.replace_range(start..start + target.len(), &" ".repeat(target.len()));
    }
    // The lints the lint cases name (`arc_with_non_send_sync`) are lints, not cases.
    let lints: BTreeSet<String> = cases
        .iter()
        .filter_map(|c| match &c.expectation {
            sendsync::input::case::Expectation::Lint(lints) => Some(lints),
            _ => None,
        })
        .flatten()
        .map(|l| l.trim_start_matches("clippy::").to_string())
        .collect();
    for (at, word) in case_like_words(&words_text) {
        if NOT_CASES.contains(&word) || lints.contains(word) {
            continue;
        }
        let Some(case) = names.get(word) else {
            problems.push(format!(
                "{}: `{word}` looks like a case's name but no case has it (renamed or removed?; \
                 if it is Rust's own identifier, add it to NOT_CASES)",
                readme.display()
            ));
            continue;
        };
        let linked = links.iter().any(|(open, label, target)| {
            *open < at
                && at < open + 1 + label.len()
                && dir.join(target).canonicalize().ok() == case.path.canonicalize().ok()
        });
        if !linked {
            problems.push(format!(
                "{}: mentions the case `{word}` without a link to its file ([{word}]({}))",
                readme.display(),
                if case.topic == dir.file_name().unwrap().to_string_lossy() {
                    format!("{word}.rs")
                } else {
                    format!("../{}/{word}.rs", case.topic)
                }
            ));
        }
    }
    problems
}

#[test]
fn readme_mentions_of_cases_are_links_that_resolve() {
    let cases = common::cases();
    // The rule itself, on a README written for the purpose.
    let dir = tempfile::tempdir().unwrap();
    let topic = dir.path().join("topic");
    std::fs::create_dir(&topic).unwrap();
    std::fs::write(topic.join("one_two_three.rs"), "").unwrap();
    let fake = Case::parse(
        &topic.join("one_two_three.rs"),
        "//! T\n//!\n//! E. F.\n//@ pass\nfn main() {}\n".into(),
        true,
    )
    .unwrap();
    let readme = topic.join("README.md");
    let problems = |md: &str| readme_problems(&readme, md, std::slice::from_ref(&fake));
    assert!(problems("See [one_two_three](one_two_three.rs), `static_mut_refs`.").is_empty());
    assert_eq!(problems("See one_two_three.").len(), 1);
    assert_eq!(problems("See [x](gone_away_now.rs).").len(), 1);
    assert_eq!(problems("See `gone_away_now`.").len(), 1);

    let root = sendsync::input::corpus::bundled_root();
    let mut bad = Vec::new();
    let mut topics = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let readme = entry.unwrap().path().join("README.md");
        if let Ok(md) = std::fs::read_to_string(&readme) {
            topics += 1;
            bad.extend(readme_problems(&readme, &md, &cases));
        }
    }
    assert!(topics >= 10, "only {topics} topic READMEs found");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Pairs (or groups) of failing cases whose diagnostics have the same shape, each with what
/// tells them apart. A new case whose errors look like an existing case's must either teach
/// something else, said here, or not be added.
const SAME_SHAPE_ALLOWED: &[(&[&str], &str)] = &[
    (
        &[
            "rc_alive_across_await_in_tokio_spawn",
            "rc_task_spawned_on_current_thread_runtime",
            "thread_rng_across_await_in_tokio_spawn",
        ],
        // The second runs on a current-thread runtime and `tokio::spawn` still asks `Send`; in
        // the third the `Rc` hides inside `ThreadRng`, which the error names first.
        "the current-thread flavor still asks Send; the Rc inside ThreadRng",
    ),
    (
        &[
            "mutex_guard_dropped_before_await_still_held",
            "mutex_guard_held_across_await",
            "mutex_guard_temporary_in_match_across_await",
        ],
        // The second calls `drop(guard)` before the `.await` and still fails: the compiler
        // decides what a future holds by scope, not by `drop`. The third never names the guard:
        // it is a temporary of a `match` scrutinee, alive through the arms (editions 2021 and
        // 2024 alike).
        "drop(guard) does not end the guard for the future; a scrutinee temporary",
    ),
    (
        &[
            "book_16_14_rc_mutex_not_send",
            "rc_config_into_spawn",
            "spawn_closure_returns_rc",
        ],
        // Listing 16-14 shares a `Mutex` counter; the second shares read-only data, whose `Rc`
        // count is still shared state; the third returns the `Rc` from the thread (the `T: Send`
        // of `spawn`'s result, not of its closure).
        "read-only sharing; an Rc as the thread's result",
    ),
    (
        &[
            "cell_counter_shared_in_scope",
            "cell_shared_ref_sent_to_thread",
        ],
        // The second's fix is `&mut Cell` to one thread (only `Send` needed), not an atomic.
        "an exclusive borrow needs only Send",
    ),
    (
        &[
            "book_16_03_closure_borrows_v",
            "scoped_loop_index_borrowed_without_move",
        ],
        // A scoped thread may borrow, but not a loop variable that dies before the join.
        "scoped threads still cannot borrow a per-iteration local",
    ),
    (
        &[
            "book_16_09_use_after_send",
            "book_16_13_mutex_moved_into_loop",
            "move_original_arc_into_each_thread",
        ],
        // Two Book listings (a value used after `send`; a `Mutex` moved in a loop), and the
        // mistake of moving the `Arc` itself, not a clone, although the type is already `Arc`.
        "moving the one Arc handle instead of a clone",
    ),
    (
        &[
            "book_16_04_move_then_drop_v",
            "sender_moved_into_two_threads",
        ],
        // A channel's producers each need their own `Sender` (fix: `tx.clone()`).
        "one Sender per producer",
    ),
    (
        &[
            "borrowed_words_sent_to_spawned_thread",
            "config_ref_into_spawn",
            "local_mutex_borrowed_into_tokio_spawn",
            "spawn_loop_over_borrowed_vec",
        ],
        // The borrow hides in a channel's message type, in a `&Config` shared by several
        // threads, in the items of a loop over `&names`, and in an `async move` block handed to
        // `tokio::spawn` (its `'static` bound, not `thread::spawn`'s).
        "where the non-'static borrow hides; tokio::spawn's 'static",
    ),
    (
        &[
            "mut_ref_marker_cursor_buffer_still_borrowed",
            "scoped_join_early_still_borrowed",
            "scoped_read_while_thread_mutates",
        ],
        // The first borrow is made by a raw-pointer cursor through its `PhantomData<&mut>`
        // marker, not by a closure capture; the second reads only after `join`, which does not
        // end a scoped closure's borrow (fix: return the value through `join`).
        "a PhantomData marker carries the borrow; joined early",
    ),
    (
        &[
            "scoped_assign_while_thread_reads",
            "scoped_bool_stop_flag_written",
        ],
        // The stop flag must change while the worker runs, so its fix is an atomic, not moving
        // the assignment before the scope.
        "a flag that must change while the thread runs",
    ),
];

/// A type reduced to its outermost name: `Rc<Vec<u8>>` -> `Rc`, `&'a Cell<u32>` -> `&Cell`,
/// `std::sync::MutexGuard<'_, T>` -> `MutexGuard`, a tuple -> `(..)`, a closure -> `closure`.
fn type_head(ty: &str) -> String {
    let mut t = ty.trim();
    if t.starts_with("{closure") {
        return "closure".into();
    }
    if t.starts_with("{async") {
        return "async".into();
    }
    if t.starts_with('(') {
        return "(..)".into();
    }
    let mut prefix = String::new();
    while let Some(rest) = t.strip_prefix('&') {
        prefix.push('&');
        t = rest.trim_start();
        if t.starts_with('\'') {
            t = t.split_once(' ').map_or("", |(_, r)| r);
        }
        if let Some(rest) = t.strip_prefix("mut ") {
            prefix.push_str("mut ");
            t = rest;
        }
    }
    let name = t.split('<').next().unwrap_or(t);
    prefix + name.rsplit("::").next().unwrap_or(name)
}

/// The text between the first pair of backticks after `marker` in `text`.
fn ticked_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let start = rest.find('`')? + 1;
    let len = rest[start..].find('`')?;
    Some(&rest[start..start + len])
}

/// The shape of one failing case's pinned structured diagnostics: its error codes and, per
/// error, the trait and culprit type (their outermost names) or else the headline with its
/// quoted names blanked, and the obligation chain (containing types, `&T` steps, and the
/// bound that demanded the trait).
fn shape(snapshot: &serde_json::Value) -> String {
    let mut parts = Vec::new();
    for d in snapshot["diagnostics"].as_array().into_iter().flatten() {
        let level = d["level"].as_str().unwrap_or("");
        if !level.starts_with("error") {
            continue;
        }
        let code = d["code"].as_str().unwrap_or("-");
        let message = d["message"].as_str().unwrap_or("");
        let mut culprit = None;
        let mut chain = Vec::new();
        for child in d["children"].as_array().into_iter().flatten() {
            // `level: message`, as rustc renders a child.
            let child = format!(
                "{}: {}",
                child["level"].as_str().unwrap_or(""),
                child["message"].as_str().unwrap_or("")
            );
            let child = child.as_str();
            if culprit.is_none() && child.contains("is not implemented for `") {
                let tr = ticked_after(child, "the trait").unwrap_or("?");
                let ty = ticked_after(child, "is not implemented for").unwrap_or("?");
                culprit = Some(format!("{tr} for {}", type_head(ty)));
            } else if let Some(b) = child
                .strip_prefix("note: required by a bound in ")
                .and_then(|c| ticked_after(c, ""))
            {
                chain.push(format!("bound {b}"));
            } else if child.starts_with("note: required because it appears within the type") {
                let ty = ticked_after(child, "the type").unwrap_or("?");
                chain.push(format!("in {}", type_head(ty)));
            } else if child.starts_with("note: required for `") {
                let ty = ticked_after(child, "required for").unwrap_or("?");
                chain.push(format!("for {}", type_head(ty)));
            }
        }
        let what = culprit.unwrap_or_else(|| {
            let mut blanked = String::new();
            for (i, piece) in message.split('`').enumerate() {
                blanked.push_str(if i % 2 == 1 { "`_`" } else { piece });
            }
            blanked
        });
        parts.push(format!("{code} {what} [{}]", chain.join(", ")));
    }
    parts.sort();
    parts.join("; ")
}

#[test]
fn failing_cases_differ_in_shape_or_say_how_they_differ() {
    let sample = serde_json::json!({"diagnostics": [{
    "level": "error", "code": "E0277",
    "message": "`Rc<u8>` cannot be sent between threads safely",
    "children": [
        {"level": "help", "message": "within `Job`, the trait `Send` is not implemented for `Rc<u8>`"},
        {"level": "note", "message": "required because it appears within the type `Job`"},
        {"level": "note", "message": "required by a bound in `spawn`",
         "spans": [{"at": "$RUST/std/src/thread/functions.rs", "primary": true}]}
    ]}]});
    assert_eq!(shape(&sample), "E0277 Send for Rc [in Job, bound spawn]");
    assert_eq!(type_head("&'a mut std::cell::Cell<u8>"), "&mut Cell");

    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut by_shape: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for case in common::cases().iter().filter(|c| c.expectation.is_fail()) {
        let path = dir.join(format!("{}.snap", case.name));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json = text.split_once("\n---\n").map_or("", |(_, j)| j);
        let value: serde_json::Value = serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
        let codes: Vec<&str> = value["codes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|c| c.as_str())
            .collect();
        let key = format!("{}: {}", codes.join(" "), shape(&value));
        by_shape.entry(key).or_default().insert(case.name.clone());
    }
    assert!(by_shape.len() >= 20, "only {} shapes", by_shape.len());
    let allowed: Vec<BTreeSet<&str>> = SAME_SHAPE_ALLOWED
        .iter()
        .map(|(names, _)| names.iter().copied().collect())
        .collect();
    let mut bad = Vec::new();
    let mut used = vec![false; allowed.len()];
    for (key, names) in by_shape.iter().filter(|(_, n)| n.len() > 1) {
        let names: BTreeSet<&str> = names.iter().map(String::as_str).collect();
        match allowed.iter().position(|a| *a == names) {
            Some(i) => used[i] = true,
            None => bad.push(format!(
                "same shape ({key}): {}",
                names.into_iter().collect::<Vec<_>>().join(", ")
            )),
        }
    }
    for (i, (names, _)) in SAME_SHAPE_ALLOWED.iter().enumerate() {
        if !used[i] {
            bad.push(format!(
                "SAME_SHAPE_ALLOWED lists {names:?}, which is no longer exactly one group of the same shape"
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "failing cases whose diagnostics have the same shape: merge them, or make them differ, \
         or add the group to SAME_SHAPE_ALLOWED saying what else tells them apart\n{}",
        bad.join("\n")
    );
}

/// One text's claims, checked: the problems (a claim the compiler refutes, or one it cannot
/// ask), how many claims were checked, and the sentences that look like claims but were not read.
fn claim_problems(
    toolchain: &sendsync::toolchain::Toolchain,
    cache: &sendsync::engine::cache::Cache,
    who: &str,
    text: &str,
    context: Option<(&str, &str, &[String])>,
) -> (Vec<String>, usize, Vec<String>) {
    use sendsync::learn::claims;
    let reading = claims::read(text);
    let defined = context.map_or(Vec::new(), |(s, _, _)| claims::probe::defined_names(s));
    let mut checks = Vec::new();
    let mut owner = Vec::new();
    for (k, (_, claim)) in reading.claims.iter().enumerate() {
        for check in claim.checks(&defined) {
            checks.push(check);
            owner.push(k);
        }
    }
    let unread = reading
        .unread
        .iter()
        .map(|s| format!("{who}: {s}"))
        .collect();
    if checks.is_empty() {
        return (Vec::new(), 0, unread);
    }
    let (source, edition, extra) =
        context.map_or((None, "2021", &[][..]), |(s, e, x)| (Some(s), e, x));
    let answers = claims::probe::answer(toolchain, source, edition, extra, &checks, Some(cache))
        .unwrap_or_else(|e| panic!("{who}: {e}"));
    let mut problems = Vec::new();
    for ((check, answer), k) in checks.iter().zip(answers).zip(owner) {
        let sentence = &reading.claims[k].0;
        let what = format!("`{}: {}`", check.ty, check.trait_path);
        match answer {
            Ok(got) if got == check.expect => {}
            Ok(got) => problems.push(format!(
                "{who}: \"{sentence}\" — on the pinned toolchain {what} {}, but the sentence says it {}",
                if got { "holds" } else { "does not hold" },
                if got { "does not" } else { "does" },
            )),
            Err(message) => problems.push(format!(
                "{who}: \"{sentence}\" — {what} cannot be asked ({message}): name a type and trait that resolve, with the case's items or std's"
            )),
        }
    }
    (problems, reading.claims.len(), unread)
}

/// Every claim an explanation or a topic README makes that a type is (not) `Send` or `Sync`,
/// under which condition on its parameter, or that it implements a trait, is asked of the
/// pinned compiler (`src/learn/claims.rs` reads them; a case's claims are compiled with the case, so
/// they may name its own types). The sentences that look like claims but are not read are
/// listed, visibly, for rewording.
#[test]
fn trait_claims_in_the_text_hold_on_the_pinned_toolchain() {
    let Some(toolchain) = common::pinned_toolchain("the text's trait claims") else {
        return;
    };
    let cache = sendsync::engine::cache::Cache::new(sendsync::engine::cache::Cache::default_dir());
    // The check itself: false claims about std and about a case's own type are caught, true
    // ones pass (`Receiver<T>: Iterator` fails at each of the four instantiations).
    let (problems, read, _) = claim_problems(
        &toolchain,
        &cache,
        "self-test",
        "`RefCell<u8>` is not `Send`. `Receiver<T>` implements `IntoIterator`. \
         `Receiver<T>` implements `Iterator`. `Wrapper` is `Send`. `Rc<T>` is not `Send`.",
        Some(("struct Wrapper(std::rc::Rc<u8>);\n", "2021", &[])),
    );
    assert_eq!(read, 5, "{problems:?}");
    assert_eq!(problems.len(), 6, "{problems:#?}");
    assert!(problems
        .iter()
        .all(|p| !p.contains("IntoIterator") && !p.contains("Rc<T>")));
    let cases = common::cases();
    let results = sendsync::work::map(sendsync::work::default_jobs(), &cases, |case| {
        let who = format!("{} ({})", case.name, common::rel(&case.path).display());
        // A case that uses crates is compiled with them, as `check` compiles it.
        let crates = sendsync::engine::compile::crate_args(&toolchain, case)
            .unwrap_or_else(|e| panic!("{who}: {e}"));
        claim_problems(
            &toolchain,
            &cache,
            &who,
            &case.explanation,
            Some((&case.source, &case.edition, &crates)),
        )
    });
    let root = sendsync::input::corpus::bundled_root();
    let mut readmes: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path().join("README.md"))
        .filter(|p| p.exists())
        .collect();
    readmes.sort();
    let mut all = results;
    for readme in &readmes {
        let md = std::fs::read_to_string(readme).unwrap();
        let who = common::rel(readme).display().to_string();
        all.push(claim_problems(&toolchain, &cache, &who, &md, None));
    }
    let mut problems = Vec::new();
    let mut unread = Vec::new();
    let mut checked = 0;
    for (p, n, u) in all {
        problems.extend(p);
        checked += n;
        unread.extend(u);
    }
    if !unread.is_empty() {
        use std::io::Write;
        let mut err = std::io::stderr();
        let _ = writeln!(
            err,
            "UNREAD {} claim-like sentences the trait-claims check could not parse ({checked} claims read and checked; reword these as cases/EVIDENCE.md says):",
            unread.len()
        );
        for u in &unread {
            let _ = writeln!(err, "  {u}");
        }
    }
    assert!(checked >= 100, "only {checked} claims read");
    assert!(
        problems.is_empty(),
        "{} of {checked} trait claims do not hold:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
