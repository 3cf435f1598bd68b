use super::*;

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn rust_tokens() {
    let src = "// hi\nuse std::rc::Rc;\n#[derive(Debug)]\nstruct S<'a> { r: &'a str, c: char }\nfn main() { let x = 'x'; let n = 1.5; println!(\"{n} \\\" {x}\"); let r = r#\"raw \"q\"\"#; for i in 0..10 {} const MAX: u32 = 3; }\n";
    let classes: Vec<(Class, &str)> = tokens(src)
        .into_iter()
        .filter(|(c, _)| *c != Class::Plain)
        .collect();
    let has = |class: Class, text: &str| classes.contains(&(class, text));
    assert!(has(Class::Comment, "// hi"));
    assert!(has(Class::Keyword, "use"));
    assert!(has(Class::Type, "Rc"));
    assert!(has(Class::Attribute, "#[derive(Debug)]"));
    assert!(has(Class::Lifetime, "'a"));
    assert!(has(Class::Type, "str"));
    assert!(has(Class::Str, "'x'"));
    assert!(has(Class::Number, "1.5"));
    assert!(has(Class::Macro, "println!"));
    assert!(has(Class::Str, "\"{n} \\\" {x}\""));
    assert!(has(Class::Str, "r#\"raw \"q\"\"#"));
    assert!(has(Class::Number, "0"));
    assert!(has(Class::Number, "10"));
    assert!(has(Class::Constant, "MAX"));
    assert_eq!(strip_tags(&rust(src)), html_escape(src));
}

#[test]
fn spans_never_cross_lines() {
    let html = rust("/* a\nb */ fn x() {}\nlet s = \"1\n2\";\n");
    for line in html.split('\n') {
        assert_eq!(
            line.matches("<span").count(),
            line.matches("</span>").count()
        );
    }
}

#[test]
fn stderr_lines_are_classified_and_text_is_kept() {
    let text = "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n  --> src/main.rs:5:5\n   |\n5  |     thread::spawn(move || {\n   |     ------------- ^------\n   |     |             |\n   |     |             within this\n6  | |       x\n   | |_____^ `Rc<i32>` cannot be sent\n   |\n   = help: the trait `Send` is not implemented\nnote: required by a bound in `spawn`\n  --> $RUST/std/src/thread/mod.rs\nhelp: use `move`\n   |\n18 |     let handle = thread::spawn(move || {\n   |                                ++++\n...\nwarning: unused\n";
    let html = stderr(text);
    assert_eq!(strip_tags(&html), html_escape(text));
    assert!(html.contains("<span class=\"er\">error[E0277]</span>"));
    assert!(html.contains("<span class=\"gu\">--&gt;</span>"));
    assert!(html.contains("<span class=\"no\">note</span>"));
    assert!(html.contains("<span class=\"he\">help:</span>"));
    assert!(html.contains("<span class=\"he\">help</span>"));
    assert!(html.contains("<span class=\"wa\">warning</span>"));
    assert!(html.contains("<span class=\"pr\">^</span><span class=\"se\">------</span>"));
    assert!(html.contains("<span class=\"ad\">++++</span>"));
    assert!(html.contains("<span class=\"se\">within this</span>"));
    assert!(html.contains("<span class=\"gu\">5  |</span>"));
}
