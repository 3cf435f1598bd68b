//! The site in a real browser: headless Chromium opens the index with `?q=E0382` (the index's
//! script puts the query in the search box and filters, as typing would), the filtered list is
//! read back from the DOM, and screenshots are saved under `target/sendsync/`.
//!
//! Where no Chromium is installed (`chromium`, `chromium-browser`, `google-chrome`, or the
//! path in `SENDSYNC_CHROMIUM`), the test prints `SKIPPED ...` and passes. Nothing is fetched
//! from a network: the site is local files, and Chromium's background networking is off.

mod common;

use sendsync::input::corpus::{bundled_root, Corpus};
use sendsync::learn::pages::{write_site, PageInputs};
use std::collections::BTreeMap;
use std::path::Path;

const CODE: &str = "E0382";

/// The `<li class="case" ...>` opening tags of a serialized DOM, as (data-codes, hidden).
fn case_items(dom: &str) -> Vec<(String, bool)> {
    let mut items = Vec::new();
    let mut rest = dom;
    while let Some(at) = rest.find("<li class=\"case\"") {
        rest = &rest[at..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..end];
        let codes = tag
            .split_once("data-codes=\"")
            .and_then(|(_, r)| r.split_once('"'))
            .map(|(c, _)| c.to_string())
            .unwrap_or_default();
        let hidden = tag.contains(" hidden");
        items.push((codes, hidden));
        rest = &rest[end..];
    }
    items
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn searching_the_index_for_an_error_code_in_headless_chromium() {
    let Some(binary) = common::chromium::find() else {
        common::skip(common::Need::Chromium, format_args!("browser test: no Chromium found (install Debian's `chromium`, or set SENDSYNC_CHROMIUM)"
        ));
        return;
    };
    let corpus = Corpus::load(&bundled_root()).unwrap_or_else(|e| panic!("{}", e[0]));
    let inputs = PageInputs {
        corpus: &corpus,
        pinned_toolchain: "1.95.0",
        table_markdown: None,
        table_html: None,
        histories: BTreeMap::new(),
        matrix_html: None,
        chains: BTreeMap::new(),
        chain_changes: BTreeMap::new(),
        explain_index: None,
    };
    // Under target/, and kept, so that the pages the screenshots show can be opened too.
    let out = sendsync::paths::target_dir().join("sendsync");
    let site = out.join("browser-test-site");
    write_site(&inputs, &site).unwrap();
    let index = site.join("index.html");
    let url = format!("{}?q={CODE}", file_url(&index));

    // The DOM and a screenshot of the filtered index, from one run of Chromium.
    let dom = match dom_and_screenshot(
        &binary,
        &url,
        &out.join("site-search-E0382.png"),
        "1280,1000",
    ) {
        Ok(dom) => dom,
        Err(why) => {
            common::skip(
                common::Need::Chromium,
                format_args!("browser test: {} cannot run here: {why}", binary.display()),
            );
            return;
        }
    };
    let items = case_items(&dom);
    assert!(
        !items.is_empty(),
        "no case items in the DOM Chromium dumped:\n{}",
        &dom[..dom.len().min(2000)]
    );
    let visible: Vec<&(String, bool)> = items.iter().filter(|(_, hidden)| !hidden).collect();
    let expected = corpus
        .cases
        .iter()
        .filter(|c| matches!(&c.expectation, sendsync::input::case::Expectation::Fail(codes) if codes.contains(CODE)))
        .count();
    assert!(expected > 0);
    assert_eq!(
        visible.len(),
        expected,
        "{} items visible after searching {CODE}, of {}",
        visible.len(),
        items.len()
    );
    for (codes, hidden) in &items {
        let matches = codes.split(' ').any(|c| c == CODE);
        assert_eq!(
            matches,
            !hidden,
            "an item with codes {codes:?} is {}",
            if *hidden { "hidden" } else { "shown" }
        );
    }
    assert!(
        dom.contains(&format!("{expected} of {} pages match", items.len())),
        "the count line does not say {expected} of {}",
        items.len()
    );

    // A screenshot of a case page, to look at.
    let page = file_url(&site.join("book").join("book_16_14_rc_mutex_not_send.html"));
    if let Err(why) =
        dom_and_screenshot(&binary, &page, &out.join("site-case-page.png"), "1280,3600")
    {
        panic!("Chromium ran once but not for a case page: {why}");
    }
}

/// Chromium's DOM of `url`, with a screenshot saved as `png` (replacing an earlier one) in the
/// same run; fails if the screenshot is not a PNG.
fn dom_and_screenshot(binary: &Path, url: &str, png: &Path, size: &str) -> Result<String, String> {
    let _ = std::fs::remove_file(png);
    let args = [
        "--dump-dom".to_string(),
        format!("--screenshot={}", png.display()),
        format!("--window-size={size}"),
    ];
    let dom = common::chromium::run(binary, &args, url)?;
    let bytes = std::fs::read(png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
    assert!(
        bytes.starts_with(b"\x89PNG"),
        "{} is not a PNG",
        png.display()
    );
    println!("screenshot: {}", png.display());
    Ok(dom)
}

/// The obligation-chain diagrams as Chromium draws them, for three shapes: a struct field
/// through a closure, a reference needing `Sync`, and an `Rc` held across `.await`. The DOM
/// Chromium builds has one box per link, every box with a line links to a line of the program
/// on the same page, and a screenshot of each page is kept under `target/sendsync/`.
#[test]
fn chain_diagrams_in_headless_chromium() {
    let Some(binary) = common::chromium::find() else {
        common::skip(common::Need::Chromium, format_args!("chain diagrams: no Chromium found (install Debian's `chromium`, or set SENDSYNC_CHROMIUM)"));
        return;
    };
    let corpus = Corpus::load(&bundled_root()).unwrap_or_else(|e| panic!("{}", e[0]));
    let inputs =
        PageInputs::gather(&corpus, &sendsync::drift::history::default_root(), None).unwrap();
    let out = sendsync::paths::target_dir().join("sendsync");
    let site = out.join("browser-chain-site");
    write_site(&inputs, &site).unwrap();
    let shapes = [
        (
            "auto_traits",
            "nested_generic_wrapper_with_rc_not_send",
            "is a field of",
        ),
        (
            "cells",
            "cell_counter_shared_in_scope",
            "is behind the reference",
        ),
        ("async", "rc_held_across_await", "is held across .await by"),
    ];
    // The three pages in Chromium at once (each run is mostly waiting on its own processes).
    let doms: Vec<Result<String, String>> = std::thread::scope(|s| {
        let runs: Vec<_> = shapes
            .iter()
            .map(|(topic, name, _)| {
                let url = file_url(&site.join(topic).join(format!("{name}.html")));
                let png = out.join(format!("chain-{name}.png"));
                let binary = &binary;
                s.spawn(move || dom_and_screenshot(binary, &url, &png, "900,2600"))
            })
            .collect();
        runs.into_iter().map(|r| r.join().unwrap()).collect()
    });
    for ((_, name, arrow), dom) in shapes.into_iter().zip(doms) {
        let chains = inputs
            .chains
            .get(name)
            .unwrap_or_else(|| panic!("{name} has no obligation chain in the history"));
        let dom = match dom {
            Ok(dom) => dom,
            Err(why) => {
                common::skip(
                    common::Need::Chromium,
                    format_args!(
                        "chain diagrams: {} cannot run here: {why}",
                        binary.display()
                    ),
                );
                return;
            }
        };
        let svg_start = dom
            .find("<svg class=\"chain\"")
            .unwrap_or_else(|| panic!("{name}: no chain diagram in the DOM"));
        let svg = &dom[svg_start..svg_start + dom[svg_start..].find("</svg>").unwrap()];
        assert_eq!(
            svg.matches("<rect").count(),
            chains[0].links.len(),
            "{name}: one box per link"
        );
        assert!(svg.contains(arrow), "{name}: no arrow saying {arrow:?}");
        let targets: Vec<&str> = svg
            .split("<a href=\"#")
            .skip(1)
            .map(|r| &r[..r.find('"').unwrap()])
            .collect();
        assert!(!targets.is_empty(), "{name}: no box links to a line");
        for t in targets {
            assert_eq!(
                dom.matches(&format!("id=\"{t}\"")).count(),
                1,
                "{name}: a box links to #{t}, which is not on the page exactly once"
            );
        }
    }
}
