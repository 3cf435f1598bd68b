//! How two toolchains' chains of one case differ, in words for the drift reports.

use super::{short_at, Chain, Link};

/// How two toolchains' chains of one case differ, in a line naming the first differing link;
/// `None` when they read the same.
pub fn difference(base: &[Chain], other: &[Chain]) -> Option<String> {
    let sorted = |c: &[Chain]| {
        let mut v = c.to_vec();
        v.sort();
        v
    };
    // The same chains in another order is a reordering of the errors, which the drift
    // engine already calls rendering.
    if sorted(base) == sorted(other) {
        return None;
    }
    if base.len() != other.len() {
        return Some(format!("{} chains became {}", base.len(), other.len()));
    }
    for (i, (a, b)) in base.iter().zip(other).enumerate() {
        let which = if base.len() > 1 {
            format!("chain {} ", i + 1)
        } else {
            "chain ".to_string()
        };
        if let Some(what) = chain_difference(&which, a, b) {
            return Some(what);
        }
    }
    None
}

/// How chain `a` became `b`, the first difference named (`which` is `chain ` or `chain 2 `).
fn chain_difference(which: &str, a: &Chain, b: &Chain) -> Option<String> {
    if a.trait_name != b.trait_name {
        return Some(format!(
            "{which}trait `{}` became `{}`",
            a.trait_name, b.trait_name
        ));
    }
    let n = a.links.len().max(b.links.len());
    for j in 0..n {
        match (a.links.get(j), b.links.get(j)) {
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), Some(y)) => {
                return Some(format!(
                    "{which}link {}: {} became {}",
                    j + 1,
                    brief(x),
                    brief(y)
                ))
            }
            (Some(x), None) => return Some(format!("{which}link {} dropped: {}", j + 1, brief(x))),
            (None, Some(y)) => return Some(format!("{which}link {} added: {}", j + 1, brief(y))),
            (None, None) => unreachable!("j < max of both lengths"),
        }
    }
    if a.error != b.error {
        return Some(format!("{which}error `{}` became `{}`", a.error, b.error));
    }
    if a.at != b.at {
        let at = |c: &Chain| c.at.clone().unwrap_or_else(|| "nowhere".into());
        return Some(format!("{which}error at {} moved to {}", at(a), at(b)));
    }
    None
}

/// A link in a few words for drift reports: `within-type `Job` at 9:8`.
fn brief(l: &Link) -> String {
    let at =
        l.at.as_deref()
            .map(|a| format!(" at {}", short_at(a)))
            .unwrap_or_default();
    if l.subject.contains('`') {
        // Already quotes its code: "a bound in `spawn`".
        format!("{} {}{at}", l.kind.as_str(), l.subject)
    } else {
        format!("{} `{}`{at}", l.kind.as_str(), l.subject)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{link, Kind};
    use super::*;

    #[test]
    fn a_changed_link_is_named() {
        let a = Chain {
            trait_name: "Send".into(),
            error: "e".into(),
            at: None,
            links: vec![link(Kind::Culprit, "Rc<u8>", None, None)],
        };
        let mut b = a.clone();
        assert_eq!(
            difference(std::slice::from_ref(&a), std::slice::from_ref(&b)),
            None
        );
        b.links
            .push(link(Kind::WithinType, "Job", Some("9:8-9:11".into()), None));
        assert_eq!(
            difference(std::slice::from_ref(&a), std::slice::from_ref(&b)).as_deref(),
            Some("chain link 2 added: within-type `Job` at 9:8")
        );
        let mut moved = a.clone();
        moved.at = Some("3:1-3:9".into());
        assert_eq!(
            difference(std::slice::from_ref(&a), std::slice::from_ref(&moved)).as_deref(),
            Some("chain error at nowhere moved to 3:1-3:9")
        );
        // Two chains in another order are the same chains.
        assert_eq!(
            difference(&[a.clone(), moved.clone()], &[moved, a.clone()]),
            None
        );
        b.links[0].subject = "Rc<u16>".into();
        assert_eq!(
            difference(&[a], &[b]).as_deref(),
            Some("chain link 1: culprit `Rc<u8>` became culprit `Rc<u16>`")
        );
    }
}
