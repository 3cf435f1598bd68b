//! How two results differ: a unified diff of texts and the first differing field of two JSON
//! values. Used by the modules that compute results (check, drift, history, miri) and by the
//! renderers alike, so it depends on nothing of ours.

/// A unified diff of two texts, for mismatch messages.
pub fn diff(old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header("pinned", "observed")
        .to_string()
}

/// Where two JSON values first differ, as `path: recorded X, now Y` (`diagnostics[1].children[2]:
/// …`). `None` when they are equal.
pub fn first_difference(a: &serde_json::Value, b: &serde_json::Value) -> Option<String> {
    first_difference_as(a, b, ("recorded", "now"))
}

/// [`first_difference`], with other words for the two sides (`("baseline", "here")`).
pub fn first_difference_as(
    a: &serde_json::Value,
    b: &serde_json::Value,
    words: (&str, &str),
) -> Option<String> {
    use serde_json::Value;
    fn walk(path: String, a: &Value, b: &Value, was: &str, now: &str) -> Option<String> {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                keys.into_iter().find_map(|k| {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    let (u, v) = (x.get(k), y.get(k));
                    walk(
                        p,
                        u.unwrap_or(&Value::Null),
                        v.unwrap_or(&Value::Null),
                        was,
                        now,
                    )
                })
            }
            (Value::Array(x), Value::Array(y)) => (0..x.len().max(y.len())).find_map(|i| {
                let p = format!("{path}[{i}]");
                match (x.get(i), y.get(i)) {
                    (Some(u), Some(v)) => walk(p, u, v, was, now),
                    (Some(u), None) => Some(format!("{p}: {was} {u}, {now} absent")),
                    (None, Some(v)) => Some(format!("{p}: {now} {v}, absent from {was}")),
                    (None, None) => None,
                }
            }),
            _ if a == b => None,
            _ => Some(format!("{path}: {was} {a}, {now} {b}")),
        }
    }
    walk(String::new(), a, b, words.0, words.1)
}
