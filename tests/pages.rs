//! The teaching pages: the site and the book are built into a temporary folder from the
//! bundled corpus, and checked: every case appears, every internal link resolves, and every
//! failing case's page shows its pinned error.

mod common;

use sendsync::engine::report::html_escape;
use sendsync::input::corpus::{bundled_root, Corpus};
use sendsync::learn::pages::{write_book, write_site, HistorySpan, PageInputs, READING_ORDER};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The bundled corpus, loaded once for every test of this file.
fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        Corpus::load(&bundled_root()).unwrap_or_else(|errors| {
            let all: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
            panic!("the corpus does not load:\n{}", all.join("\n"))
        })
    })
}

const HISTORY_CASE: &str = "book_16_06_channel_type_unknown";

fn full_inputs(corpus: &Corpus) -> PageInputs<'_> {
    let mut histories = BTreeMap::new();
    histories.insert(
        HISTORY_CASE.to_string(),
        vec![
            HistorySpan {
                from: "1.70.0".into(),
                to: "1.74.0".into(),
                outcome: "fail".into(),
                codes: vec!["E0282".into(), "E0283".into()],
                messages: vec!["type annotations needed for `(Sender<T>, Receiver<T>)`".into()],
            },
            HistorySpan {
                from: "1.75.0".into(),
                to: "1.95.0".into(),
                outcome: "fail".into(),
                codes: vec!["E0282".into()],
                messages: vec!["type annotations needed".into()],
            },
        ],
    );
    PageInputs {
        corpus,
        pinned_toolchain: "1.95.0",
        table_markdown: Some(
            "| Type | Send | Sync |\n|---|---|---|\n| `Rc<T>` | ✗ | ✗ |\n| `Arc<T>` | ✓ | ✓ |\n"
                .into(),
        ),
        table_html: Some(
            "<table><thead><tr><th>Type</th><th>Send</th><th>Sync</th></tr></thead><tbody><tr><td><code>Rc&lt;T&gt;</code></td><td>✗</td><td>✗</td></tr><tr><td><code>Arc&lt;T&gt;</code></td><td>✓</td><td>✓</td></tr></tbody></table>".into(),
        ),
        histories,
        matrix_html: Some(
            "<table class=\"matrix\"><thead><tr><th>case</th><th>1.70.0</th></tr></thead><tbody>\n\
<tr><td><code>book_16_15_arc_mutex_counter</code></td><td class=\"identical\">pass · identical</td></tr>\n\
<tr><td><code>book_16_14_rc_mutex_not_send</code></td><td class=\"headline\"><details><summary>fail E0277 · headline</summary><pre>error[E0277]: x\n\n   |\n</pre></details></td></tr>\n\
<tr><td><code>not_a_case</code></td><td class=\"identical\">pass · identical</td></tr>\n\
</tbody></table>\n".into(),
        ),
        chains: BTreeMap::new(),
        chain_changes: BTreeMap::new(),
        explain_index: None,
    }
}

fn bare_inputs(corpus: &Corpus) -> PageInputs<'_> {
    PageInputs {
        corpus,
        pinned_toolchain: "1.95.0",
        table_markdown: None,
        table_html: None,
        histories: BTreeMap::new(),
        matrix_html: None,
        chains: BTreeMap::new(),
        chain_changes: BTreeMap::new(),
        explain_index: None,
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files below `dir` with extension `ext`, sorted.
fn files_under(dir: &Path, ext: &str) -> Vec<PathBuf> {
    common::files_under(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The values of `href="..."` and `src="..."` attributes in an HTML text.
fn html_links(html: &str) -> Vec<String> {
    let mut links = Vec::new();
    for attr in [" href=\"", " src=\""] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            rest = &rest[at + attr.len()..];
            let end = rest.find('"').expect("an attribute value ends");
            links.push(rest[..end].replace("&amp;", "&"));
            rest = &rest[end..];
        }
    }
    links
}

/// The targets of `[text](target)` links in Markdown, outside fenced code blocks, plus the
/// links of any HTML in it.
fn markdown_links(md: &str) -> Vec<String> {
    let mut links = Vec::new();
    let mut prose = String::new();
    let mut fence: Option<String> = None;
    for line in md.lines() {
        let t = line.trim_start();
        let ticks: String = t.chars().take_while(|&c| c == '`').collect();
        match &fence {
            Some(f) if t.starts_with(f.as_str()) && t.trim() == f.as_str() => fence = None,
            Some(_) => {}
            None if ticks.len() >= 3 => fence = Some(ticks),
            None => {
                prose.push_str(line);
                prose.push('\n');
            }
        }
    }
    let mut rest = prose.as_str();
    while let Some(at) = rest.find("](") {
        rest = &rest[at + 2..];
        let end = rest.find(')').expect("a markdown link ends");
        links.push(rest[..end].to_string());
        rest = &rest[end..];
    }
    links.extend(html_links(&prose));
    links
}

/// Checks that every internal link of `page` resolves, relative to the page; an anchor on
/// another page must be an `id` there. External links and in-page anchors are not followed.
fn check_links(page: &Path, links: &[String], problems: &mut Vec<String>) {
    for link in links {
        if link.starts_with("http://")
            || link.starts_with("https://")
            || link.starts_with("mailto:")
            || link.starts_with('#')
        {
            continue;
        }
        let no_query = link.split('?').next().unwrap();
        let (file, anchor) = match no_query.split_once('#') {
            Some((f, a)) => (f, Some(a)),
            None => (no_query, None),
        };
        if file.is_empty() {
            continue;
        }
        let target = page.parent().unwrap().join(file);
        if !target.is_file() {
            problems.push(format!("{}: link {link:?} has no file", page.display()));
            continue;
        }
        if let Some(anchor) = anchor {
            if !read(&target).contains(&format!("id=\"{anchor}\"")) {
                problems.push(format!(
                    "{}: link {link:?}: no id {anchor:?} there",
                    page.display()
                ));
            }
        }
    }
}

struct Built {
    _dir: Option<tempfile::TempDir>,
    site: PathBuf,
    book: PathBuf,
    site_files: Vec<PathBuf>,
    book_files: Vec<PathBuf>,
}

fn build(inputs: &PageInputs) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let book = dir.path().join("book");
    let site_files = write_site(inputs, &site).unwrap_or_else(|e| panic!("{e}"));
    let book_files = write_book(inputs, &book).unwrap_or_else(|e| panic!("{e}"));
    Built {
        _dir: Some(dir),
        site,
        book,
        site_files,
        book_files,
    }
}

/// The site and the book of [`full_inputs`], built once for the tests that only read them, under
/// `target/sendsync/pages-test/` (replaced on each run).
fn full_built() -> &'static Built {
    static BUILT: OnceLock<Built> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = sendsync::paths::target_dir()
            .join("sendsync")
            .join("pages-test");
        let _ = std::fs::remove_dir_all(&dir);
        let inputs = full_inputs(corpus());
        let (site, book) = (dir.join("site"), dir.join("book"));
        let site_files = write_site(&inputs, &site).unwrap_or_else(|e| panic!("{e}"));
        let book_files = write_book(&inputs, &book).unwrap_or_else(|e| panic!("{e}"));
        Built {
            _dir: None,
            site,
            book,
            site_files,
            book_files,
        }
    })
}

/// The site's and the book's page of a case that has a page of its own.
fn case_pages(built: &Built, case: &sendsync::input::case::Case) -> (String, String) {
    let site = built
        .site
        .join(&case.topic)
        .join(format!("{}.html", case.name));
    let book = built
        .book
        .join("src")
        .join(&case.topic)
        .join(format!("{}.md", case.name));
    (read(&site), read(&book))
}

#[test]
fn every_case_appears_in_the_site_and_the_book() {
    let corpus = corpus();
    let built = full_built();
    let index = read(&built.site.join("index.html"));
    let summary = read(&built.book.join("src/SUMMARY.md"));
    let mut missing = Vec::new();
    for case in &corpus.cases {
        // The page that holds the case: its own, or (for a fix, first or not) that of each case
        // it repairs.
        let holders: Vec<&sendsync::input::case::Case> = if case.expectation.is_fail() {
            vec![case]
        } else {
            let fixed = corpus.repaired_by(&case.name);
            if fixed.is_empty() {
                vec![case]
            } else {
                fixed
            }
        };
        let code = format!("<code>{}</code>", html_escape(&case.name));
        if !index.contains(&code) {
            missing.push(format!("{}: not in the site's index", case.name));
        }
        for holder in holders {
            let html = built
                .site
                .join(&holder.topic)
                .join(format!("{}.html", holder.name));
            if !html.is_file() || !read(&html).contains(&code) {
                missing.push(format!("{}: not on {}", case.name, html.display()));
            }
            let rel = format!("{}/{}.md", holder.topic, holder.name);
            if !summary.contains(&format!("]({rel})")) {
                missing.push(format!("{}: {rel} not in SUMMARY.md", case.name));
            }
            let md = built.book.join("src").join(&rel);
            if !md.is_file() || !read(&md).contains(&format!("`{}`", case.name)) {
                missing.push(format!("{}: not on {}", case.name, md.display()));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));

    // Every topic is a chapter, with its introduction.
    for topic in &corpus.topics {
        let chapter = read(&built.book.join("src").join(&topic.name).join("README.md"));
        // Links to case files are pointed at the pages; the text is the introduction's.
        let first = topic.introduction.lines().next().unwrap_or_default();
        assert!(chapter.contains(first), "{}", topic.name);
        assert!(summary.contains(&format!("]({}/README.md)", topic.name)));
        assert!(built.site.join(&topic.name).join("index.html").is_file());
    }
    assert!(built.book.join("book.toml").is_file());
    // The returned lists are the files written.
    for f in built.site_files.iter().chain(&built.book_files) {
        assert!(f.is_file(), "{}", f.display());
    }
    assert!(built.site_files.len() > corpus.topics.len() + 2);
}

#[test]
fn every_internal_link_resolves() {
    let built = full_built();
    let mut problems = Vec::new();
    let mut checked = 0;
    for page in files_under(&built.site, "html") {
        let links = html_links(&read(&page));
        checked += links.len();
        check_links(&page, &links, &mut problems);
    }
    for page in files_under(&built.book, "md") {
        let links = markdown_links(&read(&page));
        checked += links.len();
        check_links(&page, &links, &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(checked > 1000, "only {checked} links were found to check");
}

#[test]
fn every_failing_case_shows_its_pinned_error() {
    let corpus = corpus();
    let built = full_built();
    let mut problems = Vec::new();
    for case in corpus.cases.iter().filter(|c| c.expectation.is_fail()) {
        let stderr = std::fs::read_to_string(case.stderr_path()).unwrap();
        let stderr = stderr.trim_end();
        let (html, md) = case_pages(built, case);
        if !strip_tags(&html).contains(&html_escape(stderr)) {
            problems.push(format!("{}: the site's page lacks its stderr", case.name));
        }
        if !html.contains("<pre class=\"stderr\">") {
            problems.push(format!("{}: no coloured error block", case.name));
        }
        if !md.contains(stderr) {
            problems.push(format!("{}: the book's page lacks its stderr", case.name));
        }
        if let sendsync::input::case::Expectation::Fail(codes) = &case.expectation {
            for code in codes.iter().filter(|c| *c != "-") {
                let url = format!("https://doc.rust-lang.org/error_codes/{code}.html");
                if !html.contains(&url) || !md.contains(&url) {
                    problems.push(format!("{}: {code} is not linked", case.name));
                }
            }
        }
        if !md.contains("```diff") || !html.contains("<pre class=\"diff\">") {
            problems.push(format!("{}: no diff to its fix", case.name));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_fix_of_a_case_is_shown_on_its_page() {
    let corpus = corpus();
    let built = full_built();
    let mut problems = Vec::new();
    let mut second_fixes = 0;
    for case in corpus.cases.iter().filter(|c| !c.fix.is_empty()) {
        let (html, md) = case_pages(built, case);
        for (i, name) in case.fix.iter().enumerate() {
            let fix = corpus.get(name).unwrap();
            let (heading, id) = if i == 0 {
                ("The fix", "fix".to_string())
            } else {
                second_fixes += 1;
                ("Another idiomatic fix", format!("fix-{name}"))
            };
            let plus = format!("+++ cases/{}/{}.rs", fix.topic, fix.name);
            if !html.contains(&format!("<h2 id=\"{id}\">{heading}: ")) {
                problems.push(format!(
                    "{}: the site's page lacks `{heading}: {name}`",
                    case.name
                ));
            }
            if !strip_tags(&html).contains(&html_escape(&plus)) {
                problems.push(format!(
                    "{}: the site's page lacks the diff to {name}",
                    case.name
                ));
            }
            if !md.contains(&format!("## {heading}: {}", fix.title)) || !md.contains(&plus) {
                problems.push(format!(
                    "{}: the book's page lacks {name} or its diff",
                    case.name
                ));
            }
            // A fix shown on its failing case's page has no page of its own.
            let own = built.site.join(&fix.topic).join(format!("{name}.html"));
            if fix.miri.as_ref().is_none_or(|m| !m.is_finding()) && own.exists() {
                problems.push(format!("{name}: a page of its own besides {}'s", case.name));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        second_fixes >= 3,
        "only {second_fixes} second fixes were checked"
    );
}

#[test]
fn pages_teach_the_book_listings_table_history_and_matrix() {
    let corpus = corpus();
    let built = full_built();
    let page = |name: &str, ext: &str| {
        let case = corpus.get(name).unwrap();
        match ext {
            "html" => read(&built.site.join(&case.topic).join(format!("{name}.html"))),
            _ => read(
                &built
                    .book
                    .join("src")
                    .join(&case.topic)
                    .join(format!("{name}.md")),
            ),
        }
    };
    // Book listings link to their section pages.
    for (name, url) in [
        (
            "book_16_14_rc_mutex_not_send",
            "https://doc.rust-lang.org/book/ch16-03-shared-state.html#listing-16-14",
        ),
        (
            "book_16_06_channel_type_unknown",
            "https://doc.rust-lang.org/book/ch16-02-message-passing.html#listing-16-6",
        ),
        (
            "book_16_01_spawn_without_join",
            "https://doc.rust-lang.org/book/ch16-01-threads.html#listing-16-1",
        ),
    ] {
        assert!(page(name, "html").contains(url), "{name}");
        assert!(page(name, "md").contains(url), "{name}");
    }
    // A recorded history is shown; an unrecorded one says so.
    let html = page(HISTORY_CASE, "html");
    assert!(
        html.contains("1.70.0 – 1.74.0") && html.contains("E0283"),
        "{html}"
    );
    assert!(page(HISTORY_CASE, "md").contains("| 1.70.0 – 1.74.0 | fail |"));
    assert!(page("book_16_14_rc_mutex_not_send", "html").contains("not recorded"));
    // The truth table and the matrix.
    let table = read(&built.site.join("table.html"));
    assert!(table.contains('✓') && table.contains('✗'));
    let table_md = read(&built.book.join("src/truth-table.md"));
    assert!(table_md.contains("| `Rc<T>` | ✗ | ✗ |"));
    assert!(read(&built.site.join("drift.html")).contains("<table class=\"matrix\">"));
    let drift_md = read(&built.book.join("src/drift.md"));
    assert!(drift_md.contains("<table class=\"matrix\">"));
    // No blank line inside the HTML, which would end its block in Markdown.
    let html_part = &drift_md[drift_md.find("<table").unwrap()..drift_md.find("</table>").unwrap()];
    assert!(!html_part.contains("\n\n"), "{html_part}");
    // The matrix's case names link to their pages (a fix to the page that shows it).
    let drift = read(&built.site.join("drift.html"));
    assert!(drift.contains(
        "<a href=\"book/book_16_14_rc_mutex_not_send.html\"><code>book_16_14_rc_mutex_not_send</code></a>"
    ));
    assert!(drift.contains("href=\"book/book_16_13_mutex_moved_into_loop.html#fix\""));
    assert!(drift.contains("<td><code>not_a_case</code></td>"));
    // Code is highlighted; errors are coloured.
    let html = page("book_16_14_rc_mutex_not_send", "html");
    assert!(html.contains("<span class=\"k\">use</span>"));
    assert!(html.contains("<span class=\"m\">println!</span>"));
    assert!(html.contains("<span class=\"er\">error[E0277]</span>"));
    assert!(html.contains("<span class=\"no\">note</span>"));
    // The races topic has only passing cases: each has its own page, or is the correct twin
    // shown on the page of the case whose Miri finding it fixes.
    for case in corpus.topic_cases("races") {
        let own = built.site.join("races").join(format!("{}.html", case.name));
        let shown_with = corpus.fixed_by(&case.name);
        assert!(
            own.is_file()
                || shown_with.iter().any(|c| built
                    .site
                    .join(&c.topic)
                    .join(format!("{}.html", c.name))
                    .is_file()),
            "{} has no page of its own and is shown on none",
            case.name
        );
    }
}

#[test]
fn the_site_needs_no_network() {
    let built = full_built();
    for page in files_under(&built.site, "html") {
        let html = read(&page);
        assert!(
            !html.contains(" src=\""),
            "{}: loads something",
            page.display()
        );
        assert!(!html.contains("<link "), "{}", page.display());
        assert!(!html.contains("<script src"), "{}", page.display());
        assert!(html.contains("<style>"), "{}", page.display());
    }
    let index = read(&built.site.join("index.html"));
    assert!(index.contains("<input id=\"q\""));
    assert!(index.contains("URLSearchParams"));
}

#[test]
fn missing_inputs_say_not_recorded() {
    let corpus = corpus();
    let built = build(&bare_inputs(corpus));
    assert!(read(&built.site.join("table.html")).contains("not recorded"));
    assert!(read(&built.site.join("drift.html")).contains("not recorded"));
    assert!(read(&built.book.join("src/truth-table.md")).contains("not recorded"));
    assert!(read(&built.book.join("src/drift.md")).contains("not recorded"));
    let case = corpus.get(HISTORY_CASE).unwrap();
    let html = read(
        &built
            .site
            .join(&case.topic)
            .join(format!("{}.html", case.name)),
    );
    assert!(html.contains("history of this case across toolchains is not recorded"));
}

#[test]
fn regenerating_replaces_and_a_foreign_folder_is_refused() {
    let corpus = corpus();
    let inputs = bare_inputs(corpus);
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let first: BTreeSet<PathBuf> = write_site(&inputs, &site).unwrap().into_iter().collect();
    let stale = site.join("rc_arc").join("old_case.html");
    std::fs::write(&stale, "old").unwrap();
    let second: BTreeSet<PathBuf> = write_site(&inputs, &site).unwrap().into_iter().collect();
    assert_eq!(first, second);
    // A file the generator did not write is never removed.
    assert!(stale.is_file());

    let foreign = dir.path().join("notes");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("todo.txt"), "mine").unwrap();
    let err = write_book(&inputs, &foreign).unwrap_err().to_string();
    assert!(err.contains("not written by sendsync"), "{err}");
    assert_eq!(read(&foreign.join("todo.txt")), "mine");
}

/// The truth table's pages link, from a type's row, the Miri lessons that show why the type is
/// not `Send` or `Sync` (`sendsync::learn::pages::TABLE_LESSONS`), and the topic introductions link
/// the same cases: a lesson that is missing from its row or its introduction, or a link that
/// leads nowhere, fails here.
#[test]
fn the_truth_table_and_topic_introductions_link_the_miri_lessons() {
    use sendsync::input::case::MiriExpectation;
    use sendsync::learn::pages::TABLE_LESSONS;
    use sendsync::learn::table::{rows, Cond, Trait};
    let corpus = corpus();
    let no_history = tempfile::tempdir().unwrap();
    let inputs = PageInputs::gather(corpus, no_history.path(), None).unwrap();
    let built = build(&inputs);
    let site_table = read(&built.site.join("table.html"));
    let book_table = read(&built.book.join("src/truth-table.md"));
    let mut problems = Vec::new();
    for (ty, lacks, name) in TABLE_LESSONS {
        let Some(case) = corpus.cases.iter().find(|c| c.name == name) else {
            problems.push(format!("TABLE_LESSONS names `{name}`, which is no case"));
            continue;
        };
        if case.miri != Some(MiriExpectation::DataRace) {
            problems.push(format!("`{name}` is not a case with `miri: data-race`"));
        }
        match rows().iter().find(|r| r.ty == ty) {
            None => problems.push(format!("the truth table has no row `{ty}`")),
            Some(row) => {
                let cond = if lacks == Trait::Send {
                    row.send
                } else {
                    row.sync
                };
                if cond != Cond::Never {
                    problems.push(format!("`{ty}` is not declared never {lacks}"));
                }
            }
        }
        // The row's own cells, in the site and in the book.
        let start = format!("<tr><td><code>{}</code></td>", html_escape(ty));
        let site_row = site_table
            .split_once(&start)
            .and_then(|(_, rest)| rest.split_once("</tr>"))
            .map(|(row, _)| row);
        let href = format!("{}/{name}.html", case.topic);
        if !site_row.is_some_and(|r| r.contains(&format!("href=\"{href}\""))) {
            problems.push(format!(
                "table.html: the row of `{ty}` does not link {href}"
            ));
        }
        if !built.site.join(&href).is_file() {
            problems.push(format!("table.html links {href}, which is no page"));
        }
        let book_row = book_table
            .lines()
            .find(|l| l.starts_with(&format!("| `{ty}` |")));
        let md = format!("{}/{name}.md", case.topic);
        if !book_row.is_some_and(|r| r.contains(&format!("]({md})"))) {
            problems.push(format!(
                "truth-table.md: the row of `{ty}` does not link {md}"
            ));
        }
        if !built.book.join("src").join(&md).is_file() {
            problems.push(format!("truth-table.md links {md}, which is no page"));
        }
        // The topic's introduction links the case beside it.
        let readme = bundled_root().join(&case.topic).join("README.md");
        if !read(&readme).contains(&format!("]({name}.rs)")) {
            problems.push(format!("{} does not link `{name}`", readme.display()));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The introduction of the type's topic names the row's lesson too: `Rc` in `rc_arc`,
    // `Cell` in `cells`, raw pointers in `pointers`.
    for (topic, name) in [
        ("rc_arc", "rc_behind_lying_send_impl_races_count"),
        ("cells", "cell_counter_behind_lying_sync_impl"),
        ("pointers", "raw_pointer_wrapper_written_from_two_threads"),
    ] {
        let readme = read(&bundled_root().join(topic).join("README.md"));
        let link = format!("(../unsafe_impls/{name}.rs)");
        assert!(
            readme.contains(&link),
            "cases/{topic}/README.md does not link {link}"
        );
        assert!(bundled_root()
            .join("unsafe_impls")
            .join(format!("{name}.rs"))
            .is_file());
    }
}

/// The learner's path: `READING_ORDER` names every topic once, and the README's "Where to start
/// reading", the site's index and the book's introduction all give the topics in that order.
#[test]
fn the_readme_the_site_and_the_book_give_one_reading_order() {
    let order: Vec<&str> = READING_ORDER.to_vec();
    let mut topics: Vec<&str> = corpus().topics.iter().map(|t| t.name.as_str()).collect();
    let mut sorted = order.clone();
    topics.sort();
    sorted.sort();
    assert_eq!(
        sorted, topics,
        "READING_ORDER must name every topic exactly once"
    );

    let readme = read(&sendsync::paths::package_root().join("README.md"));
    let start = readme
        .find("**Where to start reading**")
        .expect("the README has a \"Where to start reading\" paragraph");
    let paragraph = &readme[start..start + readme[start..].find("\n\n").unwrap()];
    let named: Vec<&str> = paragraph
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|t| t.trim_start_matches("cases/").trim_end_matches('/'))
        .filter(|t| topics.contains(t))
        .collect();
    assert_eq!(named, order, "the README's reading order");

    let built = full_built();
    let index = read(&built.site.join("index.html"));
    let nav = &index[index
        .find("id=\"start-here\"")
        .expect("the index has a start-here path")..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    let linked: Vec<&str> = nav
        .split("<li><a href=\"#")
        .skip(1)
        .map(|r| &r[..r.find('"').unwrap()])
        .collect();
    assert_eq!(linked, order, "the site's start-here list");
    let sections: Vec<&str> = index
        .split("<section class=\"topic\" id=\"")
        .skip(1)
        .map(|r| &r[..r.find('"').unwrap()])
        .collect();
    assert_eq!(sections, order, "the site's topic sections");

    let intro = read(&built.book.join("src/introduction.md"));
    let chapters: Vec<&str> = intro
        .lines()
        .filter(|l| {
            l.split_once(". [")
                .is_some_and(|(n, _)| n.parse::<usize>().is_ok())
        })
        .filter_map(|l| l.rsplit_once("](")?.1.split_once("/README.md"))
        .map(|(topic, _)| topic)
        .collect();
    assert_eq!(chapters, order, "the book's chapters");
}

/// Text from the corpus is never markup: a title, an explanation, an introduction or a pinned
/// error that holds `<script>` comes out escaped on the site's pages and as text in the book's
/// Markdown (where mdBook would otherwise pass raw HTML through).
#[test]
fn html_in_the_corpus_comes_out_escaped() {
    let root = tempfile::tempdir().unwrap();
    let topic = root.path().join("topic");
    std::fs::create_dir(&topic).unwrap();
    for (file, text) in [
        (
            "README.md",
            "# A <b>topic</b>\n\nAn introduction <script>intro()</script>.\n\n<script>block()</script>\n",
        ),
        (
            "hostile.rs",
            "//! <script>alert(1)</script> & \"quoted\" <img src=x onerror=y>\n//!\n\
//! An explanation <script>explain()</script> of `Rc<T>`.\n//!\n//@ fail: E0277\n//@ fix: hostile_fixed\n\n\
fn main() { let _: std::rc::Rc<u8>; }\n",
        ),
        ("hostile.stderr", "error[E0277]: <script>pinned()</script>\n"),
        (
            "hostile_fixed.rs",
            "//! The fix <script>fix()</script>\n//!\n//! Its explanation <script>fixed()</script>.\n//!\n//@ pass\n\nfn main() {}\n",
        ),
    ] {
        std::fs::write(topic.join(file), text).unwrap();
    }
    let corpus = Corpus::load(root.path()).unwrap_or_else(|e| panic!("{}", e[0]));
    let built = build(&bare_inputs(&corpus));
    let mut pages: Vec<(PathBuf, String)> = files_under(&built.site, "html")
        .into_iter()
        .map(|p| (p.clone(), read(&p)))
        .collect();
    assert!(pages.len() >= 3, "{pages:?}");
    for (path, html) in &pages {
        // The site's own scripts (search, explain) are the only `<script>`s, and none of the
        // corpus's markup survives as a tag.
        let scripts = html.matches("<script>").count();
        let own = usize::from(html.contains("const INDEX") || html.contains("URLSearchParams"));
        assert!(
            scripts <= own,
            "{}: a <script> from the corpus",
            path.display()
        );
        for tag in ["<img", "<b>", "alert(1)</script>", "intro()</script>"] {
            assert!(
                !html.contains(tag),
                "{}: {tag} is not escaped",
                path.display()
            );
        }
    }
    let case = read(&built.site.join("topic/hostile.html"));
    for want in [
        "<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; &lt;img src=x onerror=y&gt; · ",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;script&gt;explain()&lt;/script&gt;",
        "&lt;script&gt;pinned()&lt;/script&gt;",
        "&lt;script&gt;fix()&lt;/script&gt;",
    ] {
        assert!(case.contains(want), "the site's case page lacks {want:?}");
    }
    // The book: every `<` of raw HTML in the corpus's text is written `&lt;`; code keeps its own.
    pages = files_under(&built.book, "md")
        .into_iter()
        .map(|p| (p.clone(), read(&p)))
        .collect();
    for (path, md) in &pages {
        for tag in ["<script>", "<img", "<b>"] {
            let outside_code: String = md.split("```").step_by(2).collect::<Vec<_>>().join("");
            assert!(!outside_code.contains(tag), "{}: raw {tag}", path.display());
        }
    }
    let case = read(&built.book.join("src/topic/hostile.md"));
    assert!(
        case.starts_with(
            "# &lt;script>alert(1)&lt;/script> & \"quoted\" &lt;img src=x onerror=y>\n"
        ),
        "{case}"
    );
    assert!(
        case.contains("`Rc<T>`"),
        "code spans are left alone: {case}"
    );
    assert!(
        case.contains("error[E0277]: <script>pinned()</script>"),
        "the pinned error is code: {case}"
    );
}

/// The chain section's heading names each trait the chains lack once, in the site and in the
/// book alike, however the chains alternate.
#[test]
fn the_chain_heading_names_each_trait_once() {
    use sendsync::engine::chain::Chain;
    let corpus = corpus();
    let name = "book_16_14_rc_mutex_not_send";
    let chain = |t: &str| Chain {
        trait_name: t.into(),
        error: format!("`Rc<Mutex<i32>>` cannot be shared: {t}"),
        at: None,
        links: vec![],
    };
    let mut inputs = bare_inputs(corpus);
    inputs.chains.insert(
        name.to_string(),
        vec![chain("Send"), chain("Sync"), chain("Send")],
    );
    let built = build(&inputs);
    let (html, md) = case_pages(&built, corpus.get(name).unwrap());
    assert!(
        html.contains(
            "<h2 id=\"chain\">How the missing <code>Send</code> and <code>Sync</code> travels</h2>"
        ),
        "{html}"
    );
    assert!(
        md.contains("\n## How the missing `Send` and `Sync` travels\n"),
        "{md}"
    );
    assert!(md.contains("the type that is not `Send` or `Sync`, what holds it"));
}
