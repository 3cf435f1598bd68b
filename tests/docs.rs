//! The README and `docs/` tell the truth: the example case is the file it names, the reading
//! order names every topic, and every name they use exists: each `sendsync` command and flag
//! (held against the binary's own `--help`), each path into the package, each `SENDSYNC_*`
//! variable (held against the source that reads it), each link and its anchor. The README stays
//! short enough to read in one sitting.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The README and every page of `docs/`, as (path relative to the package, text).
fn documents() -> Vec<(String, String)> {
    let mut out = vec![("README.md".to_string(), read(&root().join("README.md")))];
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("a docs/ folder")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    for page in pages {
        let name = format!("docs/{}", page.file_name().unwrap().to_string_lossy());
        out.push((name, read(&page)));
    }
    assert!(out.len() > 2, "docs/ holds no pages");
    out
}

/// A Markdown text split into its fenced code blocks (each line, with the continuation lines of
/// a command joined to it) and its prose.
fn split_fences(text: &str) -> (Vec<String>, String) {
    let mut code: Vec<String> = Vec::new();
    let mut prose = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            prose.push('\n');
            continue;
        }
        if !fenced {
            prose.push_str(line);
            prose.push('\n');
            continue;
        }
        let trimmed = line.trim_start();
        let continues = code.last().is_some_and(|l| l.ends_with('\\'))
            || (line.starts_with(' ') && (trimmed.starts_with('[') || trimmed.starts_with("--")));
        match code.last_mut() {
            Some(last) if continues => {
                if last.ends_with('\\') {
                    last.pop();
                }
                last.push(' ');
                last.push_str(trimmed);
            }
            _ => code.push(line.to_string()),
        }
    }
    (code, prose)
}

/// The inline code spans of prose, as CommonMark finds them: a run of n backticks up to the
/// next run of exactly n.
fn code_spans(prose: &str) -> Vec<String> {
    let chars: Vec<char> = prose.chars().collect();
    let run_at = |i: usize| chars[i..].iter().take_while(|&&c| c == '`').count();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            i += 1;
            continue;
        }
        let n = run_at(i);
        let start = i + n;
        let mut j = start;
        let mut end = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let m = run_at(j);
                if m == n {
                    end = Some(j);
                    break;
                }
                j += m;
            } else {
                j += 1;
            }
        }
        match end {
            Some(j) => {
                let span: String = chars[start..j].iter().collect();
                spans.push(span.split_whitespace().collect::<Vec<_>>().join(" "));
                i = j + n;
            }
            None => i = start,
        }
    }
    spans
}

/// Every command line and inline code span of a document.
fn snippets(text: &str) -> Vec<String> {
    let (mut code, prose) = split_fences(text);
    code.extend(code_spans(&prose));
    code
}

/// What `sendsync --help` and each subcommand's `--help` offer: subcommand path (`check`,
/// `history record`) -> its long and short flags.
fn cli() -> BTreeMap<String, BTreeSet<String>> {
    fn help(args: &[&str]) -> String {
        let out = Command::new(env!("CARGO_BIN_EXE_sendsync"))
            .args(args)
            .arg("--help")
            .output()
            .expect("runs sendsync");
        assert!(out.status.success(), "sendsync {args:?} --help failed");
        String::from_utf8(out.stdout).unwrap()
    }
    fn subcommands(help: &str) -> Vec<String> {
        let Some((_, rest)) = help.split_once("Commands:\n") else {
            return Vec::new();
        };
        rest.lines()
            .take_while(|l| l.starts_with("  "))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|name| *name != "help")
            .map(str::to_string)
            .collect()
    }
    fn flags(help: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for line in help.lines().map(str::trim_start) {
            for word in line.split([' ', ',']).filter(|w| !w.is_empty()).take(2) {
                let name: String = word
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if name.starts_with('-') && name.len() > 1 {
                    out.insert(name);
                }
            }
        }
        out
    }
    let mut out = BTreeMap::new();
    for sub in subcommands(&help(&[])) {
        let text = help(&[&sub]);
        for nested in subcommands(&text) {
            out.insert(format!("{sub} {nested}"), flags(&help(&[&sub, &nested])));
        }
        out.insert(sub, flags(&text));
    }
    out
}

/// Every use of a `sendsync` command in `text` that names something wrong: an unknown
/// subcommand, or a flag its `--help` does not list. A use is a code span or command line with
/// `sendsync SUB`, `cargo run --release -- SUB`, or a span that begins with a subcommand and a
/// flag (`check --bless`).
fn wrong_commands(text: &str, cli: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    let top: BTreeSet<&str> = cli.keys().filter_map(|k| k.split(' ').next()).collect();
    let mut wrong = Vec::new();
    for snippet in snippets(text) {
        let mut uses: Vec<&str> = Vec::new();
        for prefix in ["sendsync ", "cargo run --release -- "] {
            uses.extend(
                snippet
                    .match_indices(prefix)
                    .map(|(i, _)| &snippet[i + prefix.len()..]),
            );
        }
        let words: Vec<&str> = snippet.split_whitespace().collect();
        if words.len() > 1
            && top.contains(words[0])
            && (words[1].starts_with("--") || words[0] == "history")
        {
            uses.push(&snippet);
        }
        for rest in uses {
            // A command ends at a shell comment, a redirection or another command.
            let words: Vec<&str> = rest
                .split_whitespace()
                .take_while(|w| !matches!(*w, "#" | "2>&1" | "&&" | ";" | "<" | ">"))
                .take_while(|w| !w.starts_with("sendsync"))
                .collect();
            let Some(&sub) = words.first() else { continue };
            // `sendsync COMMAND --help`, `sendsync --help`: no particular subcommand.
            if sub.starts_with('-') || sub.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            let sub = sub.trim_end_matches([',', '.', ':', ')']);
            if !top.contains(sub) {
                wrong.push(format!(
                    "`sendsync {sub}` is no subcommand (in `{snippet}`)"
                ));
                continue;
            }
            let mut command = sub.to_string();
            let mut flags_from = 1;
            if let Some(nested) = words
                .get(1)
                .filter(|w| !w.starts_with(['-', '[']))
                .map(|w| w.trim_end_matches([',', '.', ':', ')']))
            {
                let path = format!("{sub} {nested}");
                if cli.contains_key(&path) {
                    command = path;
                    flags_from = 2;
                } else if cli.keys().any(|k| k.starts_with(&format!("{sub} "))) {
                    wrong.push(format!(
                        "`sendsync {path}` is no subcommand (in `{snippet}`)"
                    ));
                    continue;
                }
            }
            for word in &words[flags_from..] {
                let word = word.trim_start_matches(['[', '(']);
                if !word.starts_with("--") {
                    continue;
                }
                let flag: String = word
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                if !cli[&command].contains(&flag) {
                    wrong.push(format!(
                        "`sendsync {command}` has no {flag} (in `{snippet}`)"
                    ));
                }
            }
        }
    }
    wrong
}

#[test]
fn readme_and_docs_name_only_commands_and_flags_the_cli_has() {
    let cli = cli();
    assert!(cli["check"].contains("--bless"), "{cli:?}");
    assert!(cli.contains_key("history verify"), "{cli:?}");
    // The rule itself, on text written for the purpose.
    let made_up = "Run `sendsync check --blessed`, `history replay`, then\n\
                   ```sh\ncargo run --release -- miri --seeds 4 \\\n    --flaky\n```\n";
    let found = wrong_commands(made_up, &cli);
    assert_eq!(found.len(), 3, "{found:#?}");
    let fine = "`sendsync check --bless`, `history verify`, `table --toolchains A,B`";
    assert_eq!(wrong_commands(fine, &cli), Vec::<String>::new());

    let mut wrong = Vec::new();
    let mut uses = 0;
    for (name, text) in documents() {
        uses += snippets(&text).len();
        wrong.extend(
            wrong_commands(&text, &cli)
                .into_iter()
                .map(|w| format!("{name}: {w}")),
        );
    }
    assert!(uses > 100, "only {uses} code spans read");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The words of a text that name a path inside the package (not placeholders such as
/// `cases/<topic>/`).
fn package_paths(text: &str) -> Vec<String> {
    const TOP: [&str; 10] = [
        "cases/", "tests/", "scripts/", "eval/", "benches/", "docs/", "history/", ".ci/",
        ".github/", "src/",
    ];
    let separators = |c: char| c.is_whitespace() || "`()[]|,;\"'".contains(c);
    let mut out = Vec::new();
    for word in text.split(separators) {
        if !TOP.iter().any(|t| word.starts_with(t)) || word.contains(['<', '*', '…', '$']) {
            continue;
        }
        // `cases/x.rs:7:5:`, a sentence's full stop.
        let path = word.split(':').next().unwrap().trim_end_matches('.');
        out.push(path.to_string());
    }
    out
}

#[test]
fn readme_and_docs_name_only_paths_that_exist() {
    let made_up = "see `cases/rc_arc/rc_config_into_spawn.rs:17:32`, cases/no_such_topic/, \
                   (tests/nothing.rs) and `cases/<topic>/<name>.rs`.";
    let missing: Vec<String> = package_paths(made_up)
        .into_iter()
        .filter(|p| !root().join(p).exists())
        .collect();
    assert_eq!(missing, ["cases/no_such_topic/", "tests/nothing.rs"]);

    let mut wrong = Vec::new();
    for (name, text) in documents() {
        for path in package_paths(&text) {
            if !root().join(&path).exists() {
                wrong.push(format!("{name} names {path}, which does not exist"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The heading anchors of a Markdown text, as GitHub makes them.
fn anchors(text: &str) -> BTreeSet<String> {
    let (_, prose) = split_fences(text);
    prose
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| {
            l.trim_start_matches('#')
                .trim()
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
                .map(|c| if c == ' ' { '-' } else { c })
                .collect()
        })
        .collect()
}

/// What is wrong with the Markdown links of the document at `name` (relative to the package).
fn broken_links(name: &str, text: &str) -> Vec<String> {
    let (_, prose) = split_fences(text);
    let dir = Path::new(name).parent().unwrap();
    let mut wrong = Vec::new();
    for (i, _) in prose.match_indices("](") {
        let target = &prose[i + 2..];
        let target = &target[..target.find(')').unwrap_or(target.len())];
        if target.starts_with("http://") || target.starts_with("https://") {
            continue;
        }
        let (path, anchor) = target.split_once('#').unwrap_or((target, ""));
        let file = if path.is_empty() {
            root().join(name)
        } else {
            root().join(dir).join(path)
        };
        if !file.exists() {
            wrong.push(format!("{name} links {target}, which does not exist"));
        } else if !anchor.is_empty() && !anchors(&read(&file)).contains(anchor) {
            wrong.push(format!(
                "{name} links {target}, a heading that does not exist"
            ));
        }
    }
    wrong
}

#[test]
fn readme_and_docs_links_resolve_and_the_index_lists_every_page() {
    let made_up = "[a](docs/drift.md), [b](docs/drift.md#history), [c](docs/nothing.md), \
                   [d](docs/drift.md#no-such-heading)";
    assert_eq!(broken_links("README.md", made_up).len(), 2);

    let mut wrong = Vec::new();
    for (name, text) in documents() {
        wrong.extend(broken_links(&name, &text));
    }
    let index = read(&root().join("docs/README.md"));
    for (name, _) in documents() {
        let page = name.trim_start_matches("docs/");
        if name.starts_with("docs/")
            && page != "README.md"
            && !index.contains(&format!("]({page})"))
        {
            wrong.push(format!("docs/README.md does not link {page}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The `SENDSYNC_*` variables a text names.
fn variables(text: &str) -> BTreeSet<String> {
    let re = regex_lite::Regex::new(r"SENDSYNC_[A-Z0-9_]*[A-Z0-9]").unwrap();
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

/// The `SENDSYNC_*` variables something reads: named as a string in the library's source or the
/// tests' shared helpers (`var_os("SENDSYNC_CACHE_DIR")`), or expanded by `.ci/run`.
fn variables_read() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for dir in ["src", "tests/common"] {
        for entry in walkdir::WalkDir::new(root().join(dir)) {
            let entry = entry.unwrap();
            if entry.path().extension().is_some_and(|e| e == "rs") {
                let text = read(entry.path());
                out.extend(
                    variables(&text)
                        .into_iter()
                        .filter(|v| text.contains(&format!("\"{v}\""))),
                );
            }
        }
    }
    let ci = read(&root().join(".ci/run"));
    out.extend(
        variables(&ci)
            .into_iter()
            .filter(|v| ci.contains(&format!("${{{v}"))),
    );
    out
}

#[test]
fn readme_and_docs_name_only_environment_variables_something_reads() {
    let read_vars = variables_read();
    assert!(read_vars.contains("SENDSYNC_CACHE_DIR"), "{read_vars:?}");
    assert!(read_vars.contains("SENDSYNC_REQUIRE"), "{read_vars:?}");
    assert!(!read_vars.contains("SENDSYNC_NOTHING"), "{read_vars:?}");

    let mut wrong = Vec::new();
    for (name, text) in documents() {
        for var in variables(&text) {
            if !read_vars.contains(&var) {
                wrong.push(format!("{name} names {var}, which nothing reads"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_readme_is_at_most_250_lines() {
    let lines = read(&root().join("README.md")).lines().count();
    assert!(
        lines <= 250,
        "README.md has {lines} lines: the reference belongs in docs/"
    );
}

/// The README's example case is the file it names, as it is; every topic of its reading order
/// and its table of topics exists, and every topic is in both.
#[test]
fn the_readme_shows_a_real_case_and_a_reading_order_of_every_topic() {
    let readme = read(&root().join("README.md"));
    let (_, rest) = readme
        .split_once("A case (`")
        .expect("the README shows an example case");
    let (path, rest) = rest.split_once("`").unwrap();
    let block = rest.split("```rust\n").nth(1).unwrap();
    let block = block.split("```").next().unwrap();
    let shown = block.trim_end().trim_end_matches("// ...").trim_end();
    let file = read(&root().join(path));
    assert!(
        file.starts_with(shown),
        "the README's example differs from {path}:\n{shown}"
    );
    let order = readme
        .split("**Where to start reading**")
        .nth(1)
        .expect("a reading order")
        .split("\n\n")
        .next()
        .unwrap();
    let topics: Vec<String> = std::fs::read_dir(root().join("cases"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for topic in &topics {
        assert!(
            order.contains(&format!("`{topic}`")) || order.contains(&format!("`cases/{topic}/`")),
            "the reading order leaves out {topic}"
        );
    }
    let table: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `")?.split_once("` |"))
        .map(|(name, _)| name)
        .filter(|name| !name.contains(' '))
        .collect();
    let mut sorted = topics.clone();
    sorted.sort();
    let mut listed: Vec<String> = table.iter().map(|t| t.to_string()).collect();
    listed.sort();
    assert_eq!(listed, sorted, "the README's table of topics");
    for quoted in order.split('`').skip(1).step_by(2) {
        let name = quoted.trim_start_matches("cases/").trim_end_matches('/');
        if !quoted.contains(' ') {
            assert!(
                topics.iter().any(|t| t == name),
                "the reading order names {quoted}, which is no topic"
            );
        }
    }
}
