//! A chain in words: on one line (`show`, `explain`, the diagrams' captions), or link by link
//! (`show`, and the snapshots that pin the chains).

use super::{short_at, Chain, Kind, Link};

impl Chain {
    /// One line: `Rc<Vec<String>>  →  captured by closure at 17:32  →  Send, required by
    /// a bound in `spawn` (call at 17:18)`.
    pub fn to_line(&self) -> String {
        let parts: Vec<String> = self.links.iter().map(|l| self.describe(l)).collect();
        parts.join("  →  ")
    }

    /// A link in words, for text output and the diagrams' captions.
    fn describe(&self, l: &Link) -> String {
        let at = |prefix: &str| match &l.at {
            Some(at) => format!("{prefix}{}", short_at(at)),
            None => String::new(),
        };
        match l.kind {
            Kind::Culprit => format!("{} (not {})", l.subject, self.trait_name),
            Kind::WithinType => format!("within {}{}", l.subject, at(" at ")),
            Kind::ReferenceTo | Kind::RequiredFor => {
                format!("{} (not {})", l.subject, self.required_of(l))
            }
            Kind::CapturedByClosure => format!("captured by {}", closure_words(l, &at(" at "))),
            Kind::CapturedByFuture => format!("captured by the future{}", at(" at ")),
            Kind::HeldAcrossAwait => {
                let var = l
                    .detail
                    .as_deref()
                    .map(|v| format!("`{v}` "))
                    .unwrap_or_default();
                format!("{var}held across .await{}", at(" at "))
            }
            Kind::RequiredByBound => {
                let call = l
                    .detail
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                format!("{}, required by {}{call}", self.trait_name, l.subject)
            }
            Kind::Hidden => format!("({} hidden by rustc)", l.subject),
            Kind::Unknown => format!("unknown ({})", l.subject),
        }
    }

    /// The chain link by link, one per line, as `show` prints it and the snapshots pin it:
    /// kind, subject, where in the case, and what rustc adds.
    pub fn to_block(&self) -> String {
        let mut out = format!("{} ({} not implemented)\n", self.error, self.trait_name);
        let width = self
            .links
            .iter()
            .map(|l| l.kind.as_str().len())
            .max()
            .unwrap_or(0);
        for (i, l) in self.links.iter().enumerate() {
            out.push_str(&format!(
                "{:>2}. {:width$}  {}",
                i + 1,
                l.kind.as_str(),
                l.subject
            ));
            if let Some(at) = &l.at {
                out.push_str(&format!("  at {at}"));
            }
            if let Some(d) = &l.detail {
                out.push_str(&format!("  ({d})"));
            }
            out.push('\n');
        }
        out
    }

    fn required_of<'a>(&'a self, l: &'a Link) -> &'a str {
        l.detail.as_deref().unwrap_or(&self.trait_name)
    }
}

fn closure_words(l: &Link, at: &str) -> String {
    if l.subject.starts_with("{closure@") {
        format!("the closure{at}")
    } else {
        format!("{}{at}", l.subject)
    }
}
