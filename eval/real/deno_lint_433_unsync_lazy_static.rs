// Rebuilt from denoland/deno_lint#433, "refactor: use `once_cell` instead of `lazy_static`"
// (see eval/real/MANIFEST.toml), with std's `LazyCell` for `once_cell::unsync::Lazy` and a
// stand-in `Regex`.
use std::cell::LazyCell;

struct Regex(String);

impl Regex {
    fn new(pattern: &str) -> Result<Regex, String> {
        Ok(Regex(pattern.to_string()))
    }
}

static IGNORE_COMMENT_CODE_RE: LazyCell<Regex> =
    LazyCell::new(|| Regex::new(r",\s*|\s").unwrap());

fn main() {
    println!("{}", IGNORE_COMMENT_CODE_RE.0);
}
