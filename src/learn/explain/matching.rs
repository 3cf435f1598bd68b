//! Ranking lessons for an error: the points a case's shape earns against the user's (see the
//! table in the module's documentation), and the nearest cases, best first.

use super::index::Index;
use super::shape::Shape;

/// A corpus case near the user's error.
#[derive(Clone, Debug)]
pub(crate) struct Match {
    pub(crate) name: String,
    pub(crate) topic: String,
    pub(crate) title: String,
    pub(crate) score: f64,
    pub(crate) why: Vec<String>,
}

impl Index {
    /// The `n` nearest cases to a shape, best first, one entry per case.
    pub(crate) fn nearest(&self, shape: &Shape, n: usize) -> Vec<Match> {
        let mut best: Vec<Match> = Vec::new();
        for e in &self.entries {
            let (points, why) = score(shape, &e.shape);
            match best.iter_mut().find(|m| m.name == e.name) {
                Some(m) if m.score >= points => {}
                Some(m) => {
                    m.score = points;
                    m.why = why;
                }
                None => best.push(Match {
                    name: e.name.clone(),
                    topic: e.topic.clone(),
                    title: e.title.clone(),
                    score: points,
                    why,
                }),
            }
        }
        best.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.name.cmp(&b.name))
        });
        best.truncate(n);
        best
    }
}

// Points of each feature (see the module's documentation for why these weights).
const CODE: f64 = 3.0;
const HEADLINE: f64 = 1.5;
const TRAIT: f64 = 1.0;
const CULPRIT: f64 = 4.0;
const CULPRIT_KIN: f64 = 2.0;
const BOUND: f64 = 2.0;
const KINDS: f64 = 3.0;
const CONTEXT: f64 = 2.0;

/// How near a case's error is to the user's: points, and the reasons in words. One function,
/// as its copy in the browser (`explain.js`'s `score`) is, so the two read side by side.
pub(crate) fn score(user: &Shape, case: &Shape) -> (f64, Vec<String>) {
    let mut points = 0.0;
    let mut why = Vec::new();
    let same_headline = user.headline == case.headline;
    if user.code == case.code {
        points += CODE;
        let and = if same_headline { " and message" } else { "" };
        why.push(if user.code == "-" {
            format!("same error without a code{and}")
        } else {
            format!("same error {}{and}", user.code)
        });
    }
    if same_headline {
        points += HEADLINE;
        if user.code != case.code {
            why.push("same message".into());
        }
    }
    if !user.trait_name.is_empty() && user.trait_name == case.trait_name {
        points += TRAIT;
        why.push(format!("`{}` missing", user.trait_name));
    }
    if !user.culprit.is_empty() && !case.culprit.is_empty() {
        if user.culprit == case.culprit {
            points += CULPRIT;
            why.push(format!("same culprit {}", culprit_words(&user.culprit)));
        } else if let (Some(a), Some(b)) = (kin(&user.culprit), kin(&case.culprit)) {
            if a == b {
                points += CULPRIT_KIN;
                why.push(format!(
                    "culprit of the same kind ({a}: {} like {})",
                    culprit_words(&case.culprit),
                    culprit_words(&user.culprit)
                ));
            }
        }
    }
    if !user.bound.is_empty() && user.bound == case.bound {
        points += BOUND;
        why.push(format!("demanded by {}", bound_words(&user.bound)));
    }
    let (share, common) = jaccard(&user.kinds, &case.kinds);
    if share > 0.0 {
        points += KINDS * share;
        let words: Vec<&str> = common.iter().map(|k| kind_words(k)).collect();
        why.push(words.join(", "));
    }
    let (share, common) = jaccard(&user.context, &case.context);
    if share > 0.0 {
        points += CONTEXT * share;
        why.push(format!("around {}", common.join(", ")));
    }
    (round2(points), why)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn jaccard<'a>(a: &'a [String], b: &[String]) -> (f64, Vec<&'a str>) {
    let common: Vec<&str> = a
        .iter()
        .filter(|x| b.contains(x))
        .map(String::as_str)
        .collect();
    let union = a.len() + b.len() - common.len();
    if union == 0 {
        return (0.0, common);
    }
    (common.len() as f64 / union as f64, common)
}

/// Culprits that teach the same lesson under different names.
fn kin(constructor: &str) -> Option<&'static str> {
    Some(match constructor {
        "Cell" | "RefCell" | "UnsafeCell" | "OnceCell" | "LazyCell" | "Ref" | "RefMut" => {
            "interior mutability"
        }
        "Rc" | "Weak" => "reference counting",
        "MutexGuard" | "RwLockReadGuard" | "RwLockWriteGuard" | "StdoutLock" | "StderrLock"
        | "ReentrantLockGuard" | "MappedMutexGuard" => "a lock guard",
        "*mut" | "*const" | "NonNull" => "a raw pointer",
        "dyn" => "a trait object",
        "Sender" | "Receiver" | "SyncSender" => "a channel end",
        c if c.starts_with("impl ") || c.starts_with("async") => "an opaque type",
        c if !c.is_empty() && c.len() <= 2 && c.chars().all(|ch| ch.is_ascii_uppercase()) => {
            "a type parameter"
        }
        _ => return None,
    })
}

fn culprit_words(c: &str) -> String {
    match c {
        "*mut" | "*const" => format!("`{c} _`"),
        "dyn" => "`dyn Trait`".into(),
        c if kin(c) == Some("a type parameter") => format!("a type parameter `{c}`"),
        c if c.starts_with("impl ") || c.starts_with("async") => format!("`{c}`"),
        c => format!("`{c}<_>`"),
    }
}

fn bound_words(b: &str) -> String {
    match b {
        "spawn" => "`thread::spawn`".into(),
        "Scope::spawn" => "`Scope::spawn` (scoped threads)".into(),
        "user-fn" => "a bound on a function of the program's own".into(),
        "static" => "a `static`".into(),
        "cast" => "a cast to `dyn … + Send`".into(),
        "return-type" => "an `impl Trait + Send` return type".into(),
        b => format!("`{b}`"),
    }
}

fn kind_words(k: &str) -> &'static str {
    match k {
        "within-type" => "inside another type",
        "reference-to" => "behind a shared reference",
        "required-for" => "inside a generic wrapper",
        "captured-by-closure" => "captured by a closure",
        "captured-by-future" => "captured by a future",
        "held-across-await" => "held across `.await`",
        _ => "linked",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_constructors_not_names() {
        let user = Shape {
            code: "E0277".into(),
            culprit: "Rc".into(),
            trait_name: "Send".into(),
            bound: "spawn".into(),
            kinds: vec!["captured-by-closure".into()],
            ..Shape::default()
        };
        let same = user.clone();
        let cell = Shape {
            culprit: "Cell".into(),
            ..user.clone()
        };
        let (a, why) = score(&user, &same);
        let (b, _) = score(&user, &cell);
        assert!(a > b);
        assert!(why.iter().any(|w| w == "same culprit `Rc<_>`"), "{why:?}");
        assert!(
            why.iter().any(|w| w == "demanded by `thread::spawn`"),
            "{why:?}"
        );
        let refcell = Shape {
            culprit: "RefCell".into(),
            ..user.clone()
        };
        let (_, why) = score(&cell, &refcell);
        assert!(
            why.iter().any(|w| w.contains("interior mutability")),
            "{why:?}"
        );
    }
}
