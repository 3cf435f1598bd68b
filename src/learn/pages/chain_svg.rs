//! An obligation chain drawn as a small inline SVG: one box per link, from the culprit type at
//! the top to the bound that demanded the trait at the bottom, each arrow labelled with how the
//! two are related ("is a field of", "is captured by", "is held across .await by", "must be
//! Send for"). A box whose link has a place in the case is a link to that line of the program
//! shown on the page. No script: the picture is the page's own markup.

use crate::engine::chain::{short_at, Chain, Kind, Link};
use crate::engine::report::html_escape;

/// Pixel metrics of the drawing. Text is monospace, so a box's width follows its text.
const CHAR_W: f64 = 7.3;
const PAD: f64 = 10.0;
const BOX_H: f64 = 40.0;
const GAP: f64 = 34.0;
const MIN_W: f64 = 220.0;

/// The words on the arrow that leads into `next`, read from the link above it.
fn arrow(chain: &Chain, next: &Link) -> String {
    match next.kind {
        Kind::Culprit => String::new(),
        Kind::WithinType => "is a field of".into(),
        Kind::ReferenceTo => "is behind the reference".into(),
        Kind::RequiredFor => "is inside".into(),
        Kind::CapturedByClosure | Kind::CapturedByFuture => "is captured by".into(),
        Kind::HeldAcrossAwait => "is held across .await by".into(),
        Kind::RequiredByBound => format!("must be {} for", chain.trait_name),
        Kind::Hidden | Kind::Unknown => "then".into(),
    }
}

/// The box's caption: what the link is, and where.
fn caption(chain: &Chain, l: &Link) -> String {
    let line =
        l.at.as_deref()
            .map(|a| format!(" · line {}", short_at(a).split(':').next().unwrap_or("")))
            .unwrap_or_default();
    let what = match l.kind {
        Kind::Culprit => format!("culprit: not {}", chain.trait_name),
        Kind::WithinType => "a type containing it".into(),
        Kind::ReferenceTo => format!(
            "not {}: a reference",
            l.detail.as_deref().unwrap_or(&chain.trait_name)
        ),
        Kind::RequiredFor => format!("not {}", l.detail.as_deref().unwrap_or(&chain.trait_name)),
        Kind::CapturedByClosure => "a closure".into(),
        Kind::CapturedByFuture => "a future".into(),
        Kind::HeldAcrossAwait => match &l.detail {
            Some(var) => format!("`{var}` lives across this .await"),
            None => "a value lives across this .await".into(),
        },
        Kind::RequiredByBound => {
            let call_line = l.detail.as_deref().and_then(|d| d.strip_prefix("call at "));
            let call_line = call_line.and_then(|c| c.split(':').next());
            match (call_line, l.at.as_deref().map(line_of_at)) {
                // The bound is in std: the box stands at the call that introduced it.
                (Some(c), Some(at)) if c == at => {
                    return format!("the demanding bound · called at line {c}")
                }
                (Some(c), _) => format!("the demanding bound (called at line {c})"),
                (None, _) => "the demanding bound".into(),
            }
        }
        Kind::Hidden => "rustc hid this step".into(),
        Kind::Unknown => "rustc's notes do not say".into(),
    };
    format!("{what}{line}")
}

/// The box's main text.
fn label(l: &Link) -> String {
    match l.kind {
        Kind::CapturedByClosure if l.subject.starts_with("{closure@") => "the closure".into(),
        Kind::HeldAcrossAwait => "the future".into(),
        Kind::Hidden => format!("{} hidden", l.subject),
        Kind::Unknown => "unknown".into(),
        // Backticks quote code in rustc's words; in a box the type is already set as code.
        _ => l.subject.replace('`', ""),
    }
}

fn line_of_at(at: &str) -> &str {
    short_at(at).split(':').next().unwrap_or("")
}

/// The SVG of one chain. `href` maps a link's `line:col-…` to the anchor of that line on the
/// page (`#L17`); links without a place, or for which `href` gives none, are plain boxes.
pub(crate) fn svg(chain: &Chain, id: &str, href: &dyn Fn(&str) -> Option<String>) -> String {
    let texts: Vec<(String, String)> = chain
        .links
        .iter()
        .map(|l| (label(l), caption(chain, l)))
        .collect();
    let widest = texts
        .iter()
        .map(|(a, b)| a.chars().count().max(b.chars().count()))
        .max()
        .unwrap_or(0);
    let arrows = chain
        .links
        .iter()
        .map(|l| arrow(chain, l).chars().count())
        .max()
        .unwrap_or(0);
    let box_w = (widest as f64 * CHAR_W + 2.0 * PAD).max(MIN_W);
    // Arrow labels sit to the right of the arrow, which runs down the boxes' middle.
    let width = (box_w / 2.0 + 12.0 + arrows as f64 * CHAR_W + PAD).max(box_w) + 2.0;
    let n = chain.links.len() as f64;
    let height = n * BOX_H + (n - 1.0).max(0.0) * GAP + 2.0;
    let x = 1.0;
    let mid = x + box_w / 2.0;
    let mut out = format!(
        "<svg class=\"chain\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"ui-monospace, Menlo, Consolas, monospace\" font-size=\"12\" role=\"img\" aria-labelledby=\"{id}-title\">\n<title id=\"{id}-title\">{}</title>\n<defs><marker id=\"{id}-head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#5f6368\"/></marker></defs>\n",
        html_escape(&chain.to_line())
    );
    for (i, (l, (text, cap))) in chain.links.iter().zip(&texts).enumerate() {
        let y = 1.0 + i as f64 * (BOX_H + GAP);
        if i > 0 {
            let (y1, y2) = (y - GAP, y - 1.0);
            out.push_str(&format!(
                "<line class=\"arrow\" x1=\"{mid:.1}\" y1=\"{y1:.1}\" x2=\"{mid:.1}\" y2=\"{y2:.1}\" stroke=\"#5f6368\" marker-end=\"url(#{id}-head)\"/>\n<text class=\"arrow-label\" fill=\"#5f6368\" font-style=\"italic\" font-size=\"11\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
                mid + 8.0,
                y1 + GAP / 2.0 + 4.0,
                html_escape(&arrow(chain, l))
            ));
        }
        let class = format!("link {}", l.kind.as_str());
        let (fill, stroke) = match l.kind {
            Kind::Culprit => ("#fdecea", "#b3261e"),
            Kind::RequiredByBound => ("#eef3fd", "#0b57d0"),
            Kind::Hidden | Kind::Unknown => ("#ffffff", "#8c959f"),
            _ => ("#f6f8fa", "#8c959f"),
        };
        let shape = format!(
            "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{box_w:.1}\" height=\"{BOX_H:.1}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\"/>\n<text class=\"subject\" fill=\"#1d1d1f\" font-weight=\"600\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\n<text class=\"caption\" fill=\"#5f6368\" font-size=\"11\" x=\"{:.1}\" y=\"{:.1}\">{}</text>\n",
            x + PAD,
            y + 17.0,
            html_escape(text),
            x + PAD,
            y + 33.0,
            html_escape(cap)
        );
        match l.at.as_deref().and_then(href) {
            Some(target) => out.push_str(&format!(
                "<a href=\"{}\"><title>{}</title>\n{shape}</a>\n",
                html_escape(&target),
                html_escape(&format!("{}: go to line {}", label(l), line_of(l)))
            )),
            None => out.push_str(&shape),
        }
    }
    out.push_str("</svg>");
    out
}

fn line_of(l: &Link) -> &str {
    l.at.as_deref().map(line_of_at).unwrap_or("")
}

/// The line a `line:col-…` span starts on.
pub(crate) fn line(at: &str) -> Option<usize> {
    short_at(at).split(':').next()?.parse().ok()
}

/// The chains of a case as a figure each: the diagram, and the chain in one line of text
/// beneath it (which is also what a screen reader reads).
pub(crate) fn figures(
    chains: &[Chain],
    name: &str,
    href: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut out = String::new();
    for (i, chain) in chains.iter().enumerate() {
        let id = format!("chain-{}-{}", name, i + 1);
        out.push_str(&format!(
            "<figure class=\"chain\" id=\"{id}\">\n{}\n<figcaption><code>{}</code></figcaption>\n</figure>\n",
            svg(chain, &id, href),
            html_escape(&chain.to_line())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain() -> Chain {
        let link = |kind, subject: &str, at: Option<&str>| Link {
            kind,
            subject: subject.into(),
            at: at.map(String::from),
            detail: None,
        };
        Chain {
            trait_name: "Send".into(),
            error: "`Rc<u8>` cannot be sent between threads safely".into(),
            at: None,
            links: vec![
                link(Kind::Culprit, "Rc<u8>", None),
                link(Kind::WithinType, "Job<'a>", Some("9:8-9:11")),
                link(
                    Kind::CapturedByClosure,
                    "{closure@17:32}",
                    Some("17:32-17:39"),
                ),
                link(Kind::RequiredByBound, "a bound in `spawn`", None),
            ],
        }
    }

    #[test]
    fn boxes_arrows_and_line_links() {
        let svg = svg(&chain(), "c1", &|at| line(at).map(|l| format!("#L{l}")));
        assert_eq!(svg.matches("<rect").count(), 4);
        assert_eq!(svg.matches("<line class=\"arrow\"").count(), 3);
        for words in ["is a field of", "is captured by", "must be Send for"] {
            assert!(svg.contains(words), "{words} in {svg}");
        }
        // Boxes with a place link to their line; the others do not.
        assert!(svg.contains("<a href=\"#L9\">"));
        assert!(svg.contains("<a href=\"#L17\">"));
        assert_eq!(svg.matches("<a href").count(), 2);
        // Text is escaped.
        assert!(svg.contains("Rc&lt;u8&gt;") && svg.contains("Job&lt;&#39;a&gt;"));
        assert!(!svg.contains("Rc<u8>"));
    }
}
