//! The reader proper: a sentence's tokens into claims, by the shapes the corpus writes.

use super::checks::TRAITS;
use super::{Claim, Cond, Token};
use crate::learn::table::{rows, Trait};

/// A sentence that says something about `Send`/`Sync` or an implementation: `is `Send``,
/// `not `Sync``, `` `X: Send` ``, `implements`.
pub(super) fn looks_like_a_claim(tokens: &[Token]) -> bool {
    // The predicate: "is `Send`", "not `Sync`", "neither `Send`", "implements `X`".
    let predicate = |k: usize| match (tokens.get(k), tokens.get(k + 1)) {
        (Some(Token::Word(v)), Some(Token::Code(t))) => {
            (matches!(v.as_str(), "is" | "are" | "not" | "neither" | "only")
                && auto_traits(t).is_some())
                || matches!(v.as_str(), "implement" | "implements")
        }
        _ => false,
    };
    // Its subject: a type in code before it ("`X` is", "`X`, which is", "`X` therefore"),
    // or a pronoun with a condition on a parameter ("so it is `Send` exactly when `T` is").
    // A claim about one value of the program ("the closure is `Send`") has the program's
    // compile as its evidence, and is not listed.
    (0..tokens.len()).any(|k| {
        if !predicate(k) {
            return false;
        }
        let typed = (k.saturating_sub(3)..k)
            .any(|j| matches!(&tokens[j], Token::Code(c) if is_type(c)) && !is_question(tokens, j));
        let before: Vec<&Token> = tokens[..k].iter().rev().take(3).collect();
        let pronoun = matches!(before.first(), Some(Token::Word(w)) if w == "it" || w == "they")
            || matches!(before.get(1), Some(Token::Word(w)) if w == "it" || w == "they");
        let conditional = tokens[k..]
            .iter()
            .take(8)
            .any(|t| matches!(t, Token::Word(w) if w == "when" || w == "whenever" || w == "if"));
        typed || (pronoun && conditional)
    })
}

/// `Send`, `Sync`, `Send + Sync`, `!Send`: the traits and whether they are negated.
fn auto_traits(code: &str) -> Option<(Vec<Trait>, bool)> {
    let (negated, rest) = match code.trim().strip_prefix('!') {
        Some(r) => (true, r),
        None => (false, code.trim()),
    };
    let mut traits = Vec::new();
    for part in rest.split('+') {
        traits.push(match part.trim() {
            "Send" => Trait::Send,
            "Sync" => Trait::Sync,
            _ => return None,
        });
    }
    (!negated || traits.len() == 1).then_some((traits, negated))
}

/// Whether code text reads as a type (not a variable, an expression, a bound or a lifetime).
fn is_type(code: &str) -> bool {
    let c = code.trim();
    if c.is_empty()
        || c.starts_with("impl ")
        || c.contains(['.', ';', '{', '"'])
        || c.find('=')
            .is_some_and(|e| c.find('<').is_none_or(|l| e < l))
        || c.ends_with("()")
        || c.contains(": ")
    {
        return false;
    }
    if is_param(c) || auto_traits(c).is_some() || TRAITS.iter().any(|(n, _)| *n == c) {
        return false;
    }
    // `&'a mut T`, `*const T`: a type only if what they point to is one.
    for prefix in ["*const ", "*mut ", "&"] {
        if let Some(rest) = c.strip_prefix(prefix) {
            let mut rest = rest.trim_start();
            if rest.starts_with('\'') {
                rest = rest.split_once(' ').map_or("", |(_, r)| r);
            }
            let rest = rest.strip_prefix("mut ").unwrap_or(rest);
            return is_param(rest) || is_type(rest) || rest == "str";
        }
    }
    let spaced_ok = ["dyn ", ", ", "-> ", " + ", "mut ", "const ", " = "];
    if c.contains(' ') && !spaced_ok.iter().any(|k| c.contains(k)) {
        return false;
    }
    let first = c.chars().next().unwrap_or(' ');
    // `fmt::Arguments`, `std::sync::MutexGuard`: a path whose last segment is a type's name.
    let path = c.split('<').next().unwrap_or(c);
    let last = path.rsplit("::").next().unwrap_or("");
    first.is_ascii_uppercase()
        || matches!(first, '&' | '*' | '[' | '(')
        || c.starts_with("dyn ")
        || c.starts_with("fn(")
        || (path.contains("::") && last.starts_with(|l: char| l.is_ascii_uppercase()))
}

struct Parser<'a> {
    t: &'a [Token],
    i: usize,
}

impl Parser<'_> {
    fn word(&mut self, words: &[&str]) -> bool {
        if let Some(Token::Word(w)) = self.t.get(self.i) {
            if words.contains(&w.as_str()) {
                self.i += 1;
                return true;
            }
        }
        false
    }
    fn mark(&mut self, marks: &[char]) -> bool {
        if let Some(Token::Mark(m)) = self.t.get(self.i) {
            if marks.contains(m) {
                self.i += 1;
                return true;
            }
        }
        false
    }
    fn code(&mut self) -> Option<String> {
        if let Some(Token::Code(c)) = self.t.get(self.i) {
            self.i += 1;
            return Some(c.clone());
        }
        None
    }
    fn traits(&mut self) -> Option<(Vec<Trait>, bool)> {
        let at = self.i;
        let t = self.code().and_then(|c| auto_traits(&c));
        if t.is_none() {
            self.i = at;
        }
        t
    }
    /// `Send`, `Send` and `Sync`, both `Send` and `Sync`, `Send`/`Sync`.
    fn trait_list(&mut self) -> Option<Vec<Trait>> {
        self.word(&["both"]);
        let (mut traits, negated) = self.traits()?;
        if negated {
            return None;
        }
        let at = self.i;
        if self.word(&["and"]) || self.mark(&['/']) {
            match self.traits() {
                Some((more, false)) => traits.extend(more),
                _ => self.i = at,
            }
        }
        Some(traits)
    }
    /// A condition on parameters, after *when*: `T: Send + Sync`, `T` is `Sync`, `T` is both
    /// `Send` and `Sync`; `T` is, `T` does: each claimed trait on `T` (an empty list).
    fn condition(&mut self) -> Option<Vec<(String, Vec<Trait>)>> {
        let code = self.code()?;
        if let Some((param, traits)) = code.split_once(':') {
            let (traits, negated) = auto_traits(traits)?;
            return (is_param(param.trim()) && !negated)
                .then(|| vec![(param.trim().to_string(), traits)]);
        }
        let param = code.trim().to_string();
        if !is_param(&param) {
            return None;
        }
        if self.word(&["does"]) {
            return Some(vec![(param, Vec::new())]);
        }
        if !self.word(&["is", "are"]) {
            return None;
        }
        match self.trait_list() {
            Some(traits) => Some(vec![(param, traits)]),
            None => Some(vec![(param, Vec::new())]),
        }
    }
    /// What follows a claimed trait: a condition, or none (with *for every `T`*, *whatever
    /// `T` is*, or nothing). `None`: a qualifier this reader does not know.
    fn qualifier(&mut self, holds: bool, only_before: bool) -> Option<Cond> {
        let at = self.i;
        let only = self.word(&["only"]) | only_before;
        self.word(&["exactly"]);
        let as_soon_as = self.word(&["as"]) && self.word(&["soon"]) && self.word(&["as"]);
        if !as_soon_as {
            self.i = at;
            self.word(&["only"]);
            self.word(&["exactly"]);
        }
        if as_soon_as || self.word(&["when", "whenever", "if"]) {
            if !holds {
                return None;
            }
            let cond = self.condition()?;
            return Some(if only {
                Cond::OnlyWhen(cond)
            } else {
                Cond::When(cond)
            });
        }
        if only && !only_before {
            // "only then", "only in …": a condition this reader does not know.
            self.i = at;
            return None;
        }
        self.i = at;
        if self.word(&["for"])
            && self.word(&["every", "any", "all"])
            && matches!(self.t.get(self.i), Some(Token::Code(c)) if is_param(c))
        {
            self.i += 1;
            return (!only_before).then_some(Cond::Always);
        }
        self.i = at;
        if self.word(&["whatever"]) {
            return (!only_before).then_some(Cond::Always);
        }
        // Any other words that name a parameter before the clause ends ("unless `T` is …",
        // "provided `T` is …"): a condition this reader does not know.
        for t in self.t[at..].iter().take(6) {
            match t {
                Token::Mark(',' | ':' | '(' | ')') => break,
                Token::Code(c) if is_param(c) || c.contains(": ") => return None,
                _ => {}
            }
        }
        (!only_before).then_some(Cond::Always)
    }
}

/// Whether the code at `i` names one value of a generic std type rather than the type: "the
/// `Arc` is `Send`" speaks of the program's `Arc<Config>`, not of every `Arc<T>`.
fn names_a_value(tokens: &[Token], i: usize) -> bool {
    let Token::Code(code) = &tokens[i] else {
        return false;
    };
    if is_question(tokens, i) {
        return true;
    }
    let article = i
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| {
            matches!(t, Token::Word(w) if matches!(w.as_str(), "the" | "this" | "that" | "its" | "their" | "our" | "your" | "each"))
        });
    article && bare_row(code).is_some_and(|r| r.is_generic())
}

/// "whether `Request` is `Send`", "needs `Job` to be": a question or a demand, not a claim.
fn is_question(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1).and_then(|k| tokens.get(k)).is_some_and(|t| {
        matches!(t, Token::Word(w) if matches!(w.as_str(), "whether" | "unless" | "needs" | "need" | "requires"))
    })
}

/// The truth table's row that a bare std name stands for (`Rc`, `rc::Weak`, `MutexGuard`).
pub(super) fn bare_row(name: &str) -> Option<&'static crate::learn::table::Row> {
    let s = name.trim();
    if s.contains(['<', ' ', '&', '*', '[', '(']) {
        return None;
    }
    let last = s.rsplit("::").next().unwrap_or(s);
    let qualified = s.contains("::");
    rows().iter().find(|r| {
        let head = r.ty.split('<').next().unwrap_or(r.ty);
        // A bare `Weak` could be either kind: only `rc::Weak` or `sync::Weak` is read.
        head.rsplit("::").next() == Some(last)
            && (!qualified || s.ends_with(head) || head.ends_with(s))
            && (qualified || last != "Weak")
    })
}

/// A type parameter: one capital letter (`T`, `P`).
pub(super) fn is_param(s: &str) -> bool {
    s.len() == 1 && s.chars().all(|c| c.is_ascii_uppercase())
}

/// The claims of one sentence.
pub(super) fn parse(tokens: &[Token]) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        i = match &tokens[i] {
            Token::Code(code) => claims_about(tokens, i, code, &mut out),
            _ => i + 1,
        };
    }
    for k in 0..tokens.len() {
        verb_first(tokens, k, &mut out);
    }
    out
}

/// The claims whose subject is the code span `code` at `i` (with the subjects listed after
/// it); the index to read on from.
fn claims_about(tokens: &[Token], i: usize, code: &str, out: &mut Vec<Claim>) -> usize {
    let mut p = Parser {
        t: tokens,
        i: i + 1,
    };
    if bound_claim(&mut p, code, out) {
        return p.i;
    }
    if !is_type(code) || names_a_value(tokens, i) {
        return i + 1;
    }
    let subjects = more_subjects(&mut p, code);
    let before = out.len();
    predicate(&mut p, subjects, out);
    if out.len() > before {
        p.i
    } else {
        i + 1
    }
}

/// `X: Send` holds, `X: Sync` when `T: Sync`: a bound written as one code span is a claim
/// only so; elsewhere ("needs `X: Sync`") it is a requirement. Whether it was a claim.
fn bound_claim(p: &mut Parser, code: &str, out: &mut Vec<Claim>) -> bool {
    let Some((ty, tr)) = code.rsplit_once(": ") else {
        return false;
    };
    let (true, Some((traits, negated))) = (is_type(ty), auto_traits(tr)) else {
        return false;
    };
    let holds_word = p.word(&["holds"]);
    let cond = p.qualifier(!negated, false);
    let claimed = match cond {
        Some(Cond::Always) => holds_word,
        Some(_) => true,
        None => false,
    };
    if claimed {
        for t in traits {
            out.push(claim(ty, t.name(), !negated, cond.clone().unwrap()));
        }
    }
    claimed
}

/// `X`, `Y` and `Z` are …: the subjects, starting with `first`.
fn more_subjects(p: &mut Parser, first: &str) -> Vec<String> {
    let mut subjects = vec![first.to_string()];
    loop {
        let at = p.i;
        let comma = p.mark(&[',']);
        let and = p.word(&["and", "or"]);
        match (comma || and, p.code()) {
            (true, Some(next)) if is_type(&next) => subjects.push(next),
            _ => {
                p.i = at;
                break;
            }
        }
    }
    subjects
}

/// What is said of the subjects: "is …", "are …", "implements `X`", "does not implement `X`".
fn predicate(p: &mut Parser, mut subjects: Vec<String>, out: &mut Vec<Claim>) {
    // "`X`, which is …"; "`X` therefore is …".
    let at = p.i;
    if !(p.mark(&[',']) && p.word(&["which"])) {
        p.i = at;
    }
    p.word(&["therefore", "then", "also", "itself", "thus"]);
    let singular = p.word(&["is"]);
    if singular || p.word(&["are"]) {
        if singular {
            // "captures `&Rc<u8>`, and `&T` is …": only the last is the subject.
            subjects.drain(..subjects.len() - 1);
        }
        p.word(&[
            "also",
            "always",
            "still",
            "itself",
            "automatically",
            "therefore",
        ]);
        let only = p.word(&["only"]);
        subject_predicates(p, &subjects, only, out);
    } else if p.word(&["implements", "implement"]) {
        if let Some(tr) = p.code() {
            for s in &subjects {
                out.push(claim(s, &tr, true, Cond::Always));
            }
        }
    } else if p.word(&["does", "do"]) && p.word(&["not"]) && p.word(&["implement"]) {
        if let Some(tr) = p.code() {
            for s in &subjects {
                out.push(claim(s, &tr, false, Cond::Always));
            }
        }
    }
}

/// The claims whose verb comes first, at `k`: "makes `X` neither `Send` nor `Sync`",
/// "implements `Send` and `Sync` for `X`".
fn verb_first(tokens: &[Token], k: usize, out: &mut Vec<Claim>) {
    let mut p = Parser { t: tokens, i: k };
    if p.word(&["makes", "make"]) {
        if let Some(x) = p.code().filter(|x| is_type(x)) {
            subject_predicates(&mut p, &[x], false, out);
        }
        return;
    }
    p.i = k;
    if p.word(&["implements", "implement"]) {
        let mut traits = Vec::new();
        while let Some(tr) = p.code() {
            traits.push(tr);
            if !p.word(&["and"]) {
                break;
            }
        }
        if p.word(&["for"]) {
            if let Some(x) = p.code().filter(|x| is_type(x)) {
                let qualified = p.word(&["with"]) && p.word(&["no"]) && p.word(&["bound"]);
                for tr in &traits {
                    let cond = Cond::Always;
                    if qualified || !matches!(p.t.get(p.i), Some(Token::Word(w)) if w == "only") {
                        out.push(claim(&x, tr, true, cond));
                    }
                }
            }
        }
    }
}

/// One claim per subject and trait.
fn push_claims(
    out: &mut Vec<Claim>,
    subjects: &[String],
    traits: &[Trait],
    holds: bool,
    cond: &Cond,
) {
    for s in subjects {
        for t in traits {
            out.push(claim(s, t.name(), holds, cond.clone()));
        }
    }
}

/// After `X is`: `Send`; not `Sync`; neither `Send` nor `Sync`; `Send` but not `Sync`;
/// `Send` when …, but `Sync` only when …; and the qualifiers.
fn subject_predicates(p: &mut Parser, subjects: &[String], only: bool, out: &mut Vec<Claim>) {
    if p.word(&["neither"]) {
        neither_nor(p, subjects, out);
        return;
    }
    let negated = p.word(&["not", "never"]);
    let Some((mut traits, bang)) = p.traits().or_else(|| p.trait_list().map(|t| (t, false))) else {
        return;
    };
    if bang && !negated {
        // `X` is `!Send`.
        push_claims(out, subjects, &traits, false, &Cond::Always);
        return;
    }
    if bang {
        return;
    }
    if negated {
        not_predicates(p, subjects, traits, only, out);
        return;
    }
    // `Send` and `Sync`, `Send`/`Sync` (the first was read alone above).
    let at = p.i;
    if p.word(&["and"]) || p.mark(&['/']) {
        match p.traits() {
            Some((more, false)) => traits.extend(more),
            _ => p.i = at,
        }
    }
    let Some(cond) = p.qualifier(true, only) else {
        return;
    };
    push_claims(out, subjects, &traits, true, &cond);
    further_predicates(p, subjects, out);
}

/// After `X is neither`: `Send` nor `Sync`.
fn neither_nor(p: &mut Parser, subjects: &[String], out: &mut Vec<Claim>) {
    let Some((a, false)) = p.traits() else { return };
    if !p.word(&["nor"]) {
        return;
    }
    let Some((b, false)) = p.traits() else { return };
    push_claims(out, subjects, &[a, b].concat(), false, &Cond::Always);
}

/// After `X is not` and its first `traits`: "not `Send` and `Sync`" / "not `Send` or `Sync`"
/// is neither; a qualifier makes it no claim.
fn not_predicates(
    p: &mut Parser,
    subjects: &[String],
    traits: Vec<Trait>,
    only: bool,
    out: &mut Vec<Claim>,
) {
    let at = p.i;
    let mut all = traits;
    if p.word(&["and", "or", "nor"]) {
        match p.traits() {
            Some((more, false)) => all.extend(more),
            _ => p.i = at,
        }
    }
    if let (false, Some(Cond::Always)) = (only, p.qualifier(false, false)) {
        push_claims(out, subjects, &all, false, &Cond::Always);
    }
}

/// The same subject goes on: ", but `Sync` only when …", "but not `Sync`", ", even though it
/// is not `Sync`".
fn further_predicates(p: &mut Parser, subjects: &[String], out: &mut Vec<Claim>) {
    loop {
        let at = p.i;
        p.mark(&[',']);
        if !p.word(&["but", "and", "while", "yet"]) {
            p.word(&["even"]);
            if !p.word(&["though"]) {
                p.i = at;
                return;
            }
        }
        if p.word(&["it", "they"]) && !p.word(&["is", "are"]) {
            p.i = at;
            return;
        }
        let negated = p.word(&["not", "never"]);
        let Some((traits, false)) = p.traits() else {
            p.i = at;
            return;
        };
        let Some(cond) = p.qualifier(!negated, false) else {
            p.i = at;
            return;
        };
        push_claims(out, subjects, &traits, !negated, &cond);
    }
}

pub(super) fn claim(subject: &str, trait_name: &str, holds: bool, cond: Cond) -> Claim {
    Claim {
        subject: subject.trim().to_string(),
        trait_name: trait_name.trim().to_string(),
        holds,
        cond,
    }
}
