//! Where a lint guards a row of the truth table: the table says which std types are `Send` and
//! `Sync`; some mistakes with those types still compile, and a lint case (`cases/lints/`) shows
//! the lint that catches each. The truth table's page lists them under the table, linked.

use crate::engine::report::html_escape;
use crate::input::case::Case;
use crate::input::corpus::Corpus;

/// A row of the truth table (its type, as `src/table/rows.rs` writes it), the lint case that
/// guards it, and what goes wrong with the type although it compiles.
pub(crate) const GUARDS: &[(&str, &str, &str)] = &[
    (
        "sync::Arc<T>",
        "arc_refcell_on_one_thread",
        "`Arc<RefCell<T>>` is neither `Send` nor `Sync`: an `Arc` that cannot leave its thread",
    ),
    (
        "rc::Rc<T>",
        "rc_mutex_on_one_thread",
        "`Rc<Mutex<T>>` cannot reach a second thread, so its lock guards nothing",
    ),
    (
        "rc::Rc<T>",
        "unsafe_send_for_rc_field",
        "an `unsafe impl Send` for a struct with an `Rc` field overrides the ✗",
    ),
    (
        "rc::Rc<T>",
        "pub_async_fn_future_not_send",
        "an `Rc` held across `.await` makes a public future not `Send`",
    ),
    (
        "cell::Ref<'static, T>",
        "refcell_borrow_across_await_one_thread",
        "a `Ref` held across `.await` keeps the `RefCell` borrowed while the task waits",
    ),
    (
        "sync::MutexGuard<'static, T>",
        "mutex_guard_across_await_one_thread",
        "a guard held across `.await` keeps the lock while the task waits",
    ),
    (
        "sync::MutexGuard<'static, T>",
        "let_underscore_lock_guard",
        "`let _ = m.lock()` drops the guard at once",
    ),
    (
        "sync::MutexGuard<'static, T>",
        "guard_in_match_scrutinee",
        "a guard in a `match` scrutinee lives through every arm",
    ),
    (
        "sync::Mutex<T>",
        "mutex_bool_stop_flag",
        "`Mutex<bool>` where an `AtomicBool` does",
    ),
    (
        "sync::Mutex<T>",
        "mutex_u64_id_counter",
        "`Mutex<u64>` where an `AtomicU64` does",
    ),
    (
        "sync::atomic::AtomicBool",
        "atomic_store_with_acquire_ordering",
        "a store with a load's ordering",
    ),
    (
        "sync::atomic::AtomicUsize",
        "const_atomic_counter",
        "a `const` atomic is a fresh value at every use",
    ),
];

/// The guards whose case is in the corpus, with the case.
fn present(corpus: &Corpus) -> Vec<(&'static str, &Case, &'static str)> {
    GUARDS
        .iter()
        .filter_map(|(row, name, what)| corpus.get(name).map(|c| (*row, c, *what)))
        .collect()
}

/// The lints a case expects, as `a, b`.
fn lints(case: &Case) -> String {
    super::lints_of(case)
        .iter()
        .map(|l| format!("`{l}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The section under the table on the site's table page (which lies at the site's root).
pub(crate) fn html(corpus: &Corpus) -> String {
    let guards = present(corpus);
    if guards.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<h2 id=\"lints\">Lints that guard these rows</h2>\n<p>Some mistakes with these types \
compile, and only a lint catches them. Each lesson shows the lint's warning and its fix.</p>\n<ul>\n",
    );
    for (row, case, what) in guards {
        out.push_str(&format!(
            "<li><code>{}</code>: {}: <a href=\"{}/{}.html\">{}</a> ({})</li>\n",
            html_escape(row),
            super::markdown::inline(what),
            html_escape(&case.topic),
            html_escape(&case.name),
            super::markdown::inline(&case.title),
            super::markdown::inline(&lints(case))
        ));
    }
    out.push_str("</ul>\n");
    out
}

/// The same section for the book's table page (`src/truth-table.md`).
pub(crate) fn markdown(corpus: &Corpus) -> String {
    let guards = present(corpus);
    if guards.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "\n## Lints that guard these rows\n\nSome mistakes with these types compile, and only a \
lint catches them. Each lesson shows the lint's warning and its fix.\n\n",
    );
    for (row, case, what) in guards {
        out.push_str(&format!(
            "- `{row}`: {what}: [{}]({}/{}.md) ({})\n",
            super::render::link_text(&case.title),
            case.topic,
            case.name,
            lints(case)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guard_names_a_row_of_the_table_and_a_lint_case() {
        let rows: Vec<&str> = crate::learn::table::rows().iter().map(|r| r.ty).collect();
        let corpus = Corpus::load(&crate::input::corpus::bundled_root()).expect("the corpus loads");
        for (row, name, _) in GUARDS {
            assert!(rows.contains(row), "`{row}` is no row of the truth table");
            let case = corpus
                .get(name)
                .unwrap_or_else(|| panic!("no case `{name}`"));
            assert!(case.expectation.is_lint(), "`{name}` is not a lint case");
        }
        assert_eq!(present(&corpus).len(), GUARDS.len());
    }
}
