//! The types a chain names: rustc's names for closures and async blocks shortened to read the
//! same on every toolchain, and a type's constructor, for matching chains by structure.

/// Shortens the file-qualified names rustc gives closures and async blocks, which differ
/// between toolchains only in their brackets and path:
/// `{closure@$DIR/cases/rc_arc/x.rs:17:32: 17:39}` and `[closure@…:17:32: 17:39]` both become
/// `{closure@17:32}`; `{async block@…:24:5: 24:15}` becomes `{async block@24:5}`.
pub(super) fn simplify(ty: &str) -> String {
    let mut out = String::with_capacity(ty.len());
    let mut rest = ty;
    while let Some(start) = rest.find(['{', '[']) {
        out.push_str(&rest[..start]);
        let open = rest.as_bytes()[start];
        let close = if open == b'{' { '}' } else { ']' };
        let inner = &rest[start + 1..];
        let shortened = inner.split_once('@').and_then(|(what, loc)| {
            let known = ["closure", "async block", "async closure", "coroutine"];
            if !known.contains(&what) {
                return None;
            }
            let end = loc.find(close)?;
            let loc = &loc[..end];
            // `path:17:32: 17:39` or `path:17:32`: the first line:col after the path.
            let head = loc.split(": ").next().unwrap_or(loc);
            let mut parts = head.rsplitn(3, ':');
            let col = parts.next()?;
            let line = parts.next()?;
            let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            (ok(line) && ok(col)).then(|| (format!("{{{what}@{line}:{col}}}"), end))
        });
        match shortened {
            Some((short, end)) => {
                out.push_str(&short);
                let consumed = inner.find('@').unwrap_or(0) + 1 + end + 1;
                rest = &inner[consumed..];
            }
            None => {
                out.push(open as char);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The culprit type's constructor, for matching by structure: `Rc<Config>` → `Rc`,
/// `&Cell<u32>` → `Cell`, `dyn Fn() + Send` → `dyn`, `*mut u8` → `*mut`, `MutexGuard<'_, T>` →
/// `MutexGuard`.
pub fn constructor(ty: &str) -> String {
    let t = ty.trim();
    let t = t.trim_start_matches('&').trim_start();
    let t = t.strip_prefix("'_ ").unwrap_or(t);
    let t = t.strip_prefix("mut ").unwrap_or(t);
    if t.starts_with("*const") || t.starts_with("*mut") {
        return if t.starts_with("*mut") {
            "*mut".into()
        } else {
            "*const".into()
        };
    }
    if t.starts_with("dyn ") || t.starts_with("(dyn ") {
        return "dyn".into();
    }
    if t.starts_with('(') {
        return "tuple".into();
    }
    if t.starts_with('[') {
        return "slice".into();
    }
    if let Some(c) = t.strip_prefix('{') {
        return c.split('@').next().unwrap_or(c).to_string();
    }
    let head = t.split('<').next().unwrap_or(t);
    head.rsplit("::").next().unwrap_or(head).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closure_names_read_the_same_on_every_toolchain() {
        assert_eq!(
            simplify("[closure@$DIR/cases/rc_arc/x.rs:17:32: 17:39]"),
            "{closure@17:32}"
        );
        assert_eq!(
            simplify("{closure@$DIR/cases/rc_arc/x.rs:17:32: 17:39}"),
            "{closure@17:32}"
        );
        assert_eq!(
            simplify("Vec<{async block@src/main.rs:4:5: 4:15}>"),
            "Vec<{async block@4:5}>"
        );
        assert_eq!(
            simplify("{async fn body of run()}"),
            "{async fn body of run()}"
        );
        assert_eq!(simplify("[u8; 4]"), "[u8; 4]");
    }

    #[test]
    fn constructors() {
        for (ty, c) in [
            ("Rc<Config>", "Rc"),
            ("&Cell<u32>", "Cell"),
            ("&mut RefCell<u8>", "RefCell"),
            ("std::sync::MutexGuard<'_, u32>", "MutexGuard"),
            ("*mut u8", "*mut"),
            ("dyn Fn() + Send", "dyn"),
            ("(u32, Rc<u8>)", "tuple"),
            ("T", "T"),
        ] {
            assert_eq!(constructor(ty), c, "{ty}");
        }
    }
}
