//! `docs/json.md` held to the code: each command run with `--format json` on a small input
//! prints the `schema` its section names, every field the section lists (those marked
//! *optional* may be absent), and no field the section leaves out; each section's example holds
//! to it too, and every schema id in `src/` has a section.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One section of `docs/json.md`.
#[derive(Debug)]
struct Section {
    schema: String,
    /// The fields listed (`cases`, `cases[].verdict`), each with whether it is optional.
    fields: Vec<(String, bool)>,
    example: String,
}

fn doc_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The sections of a page written as `docs/json.md` is: under each `## ` heading, a line
/// `Schema: \`ID\``, a table whose rows start with a field in backticks, and a json block.
fn sections(text: &str) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    let mut in_example = false;
    for line in text.lines() {
        if in_example {
            if line.starts_with("```") {
                in_example = false;
            } else if let Some(s) = out.last_mut() {
                s.example.push_str(line);
                s.example.push('\n');
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("Schema: `") {
            let schema = rest.split('`').next().unwrap().to_string();
            out.push(Section {
                schema,
                fields: vec![],
                example: String::new(),
            });
        } else if let (Some(rest), Some(s)) = (line.strip_prefix("| `"), out.last_mut()) {
            let field = rest.split('`').next().unwrap().to_string();
            let kind = line.split('|').nth(2).unwrap_or("");
            s.fields.push((field, kind.contains("optional")));
        } else if line.starts_with("```json") {
            in_example = true;
        }
    }
    out
}

fn doc_section(schema: &str) -> Section {
    sections(&doc_text())
        .into_iter()
        .find(|s| s.schema == schema)
        .unwrap_or_else(|| panic!("docs/json.md has no section for {schema}"))
}

/// The keys of an object (none for anything else).
fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// Where `json` departs from `section`: a wrong `schema`, a listed field missing, a field not
/// listed; at the top level and in each element of a list whose fields are listed (`a[].b`).
fn departures(section: &Section, json: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if json["schema"] != section.schema.as_str() {
        out.push(format!(
            "schema is {}, not {}",
            json["schema"], section.schema
        ));
    }
    let mut check = |at: &str, object: &Value, prefix: &str| {
        let listed: Vec<(&str, bool)> = section
            .fields
            .iter()
            .filter_map(|(f, opt)| Some((f.strip_prefix(prefix)?, *opt)))
            .filter(|(f, _)| !f.contains(['.', '[']))
            .collect();
        let present = keys(object);
        for (field, optional) in &listed {
            if !optional && !present.contains(*field) {
                out.push(format!("{at}: no field `{field}`"));
            }
        }
        for key in present {
            if !listed.iter().any(|(f, _)| *f == key) {
                out.push(format!("{at}: field `{key}` is not in docs/json.md"));
            }
        }
    };
    check("top level", json, "");
    let lists: BTreeSet<&str> = section
        .fields
        .iter()
        .filter_map(|(f, _)| f.split_once("[].").map(|(list, _)| list))
        .collect();
    for list in lists {
        for (i, element) in json[list].as_array().into_iter().flatten().enumerate() {
            check(&format!("{list}[{i}]"), element, &format!("{list}[]."));
        }
    }
    out
}

/// The JSON a command printed, held to its section of `docs/json.md`.
fn holds(schema: &str, stdout: &[u8]) -> Value {
    let json: Value = serde_json::from_slice(stdout).unwrap_or_else(|e| {
        panic!(
            "{schema}: not JSON ({e}):\n{}",
            String::from_utf8_lossy(stdout)
        )
    });
    let wrong = departures(&doc_section(schema), &json);
    assert!(
        wrong.is_empty(),
        "{schema}:\n{}\n{json:#}",
        wrong.join("\n")
    );
    json
}

fn sendsync(args: &[&str], env: &[(&str, &Path)]) -> Vec<u8> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sendsync"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs sendsync");
    assert_eq!(
        out.status.code(),
        Some(0),
        "sendsync {}:\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_schema_in_the_code_has_a_section_and_every_example_holds() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    let id = regex_lite::Regex::new(r#""(sendsync\.[a-z.]+/[0-9]+)""#).unwrap();
    let in_code: BTreeSet<String> = files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            id.captures_iter(&text)
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        // The unit tests' own example.
        .filter(|s| s != "sendsync.example/1")
        .collect();
    let docs = sections(&doc_text());
    let documented: BTreeSet<String> = docs.iter().map(|s| s.schema.clone()).collect();
    assert!(in_code.len() >= 12, "only {in_code:?} found in src/");
    assert_eq!(
        in_code, documented,
        "schema ids in src/ and in docs/json.md"
    );
    for s in &docs {
        let example: Value = serde_json::from_str(&s.example)
            .unwrap_or_else(|e| panic!("{}: its example is not JSON: {e}", s.schema));
        let wrong = departures(s, &example);
        assert!(wrong.is_empty(), "{}'s example: {wrong:?}", s.schema);
    }
}

#[test]
fn the_rule_finds_a_wrong_schema_a_missing_field_and_one_not_listed() {
    let page = "## x\n\nSchema: `sendsync.x/1`.\n\n| field | type | meaning |\n|---|---|---|\n\
                | `schema` | string | |\n| `cases` | array | |\n| `note` | string, optional | |\n\
                | `cases[].name` | string | |\n\n```json\n{}\n```\n";
    let s = &sections(page)[0];
    assert_eq!(s.schema, "sendsync.x/1");
    assert_eq!(s.fields.len(), 4);
    assert_eq!(s.example, "{}\n");
    let fine = serde_json::json!({"schema": "sendsync.x/1", "cases": [{"name": "a"}]});
    assert_eq!(departures(s, &fine), Vec::<String>::new());
    let wrong =
        serde_json::json!({"schema": "sendsync.x/2", "cases": [{"title": "a"}], "extra": 1});
    assert_eq!(
        departures(s, &wrong),
        [
            "schema is \"sendsync.x/2\", not sendsync.x/1",
            "top level: field `extra` is not in docs/json.md",
            "cases[0]: no field `name`",
            "cases[0]: field `title` is not in docs/json.md",
        ]
    );
}

/// Commands that need no toolchain: they read the corpus and its history.
#[test]
fn list_show_table_and_history_print_their_documented_json() {
    let json = holds(
        "sendsync.list/1",
        &sendsync(&["list", "--format", "json"], &[]),
    );
    assert!(json["cases"].as_array().unwrap().len() > 100);
    let name = "rc_config_into_spawn";
    let json = holds(
        "sendsync.show/1",
        &sendsync(&["show", name, "--format", "json"], &[]),
    );
    assert_eq!(json["name"], name);
    let json = holds(
        "sendsync.table/1",
        &sendsync(&["table", "--format", "json"], &[]),
    );
    assert_eq!(json["source"], "declared");
    let json = holds(
        "sendsync.history.show/1",
        &sendsync(&["history", "show", name, "--format", "json"], &[]),
    );
    assert_eq!(json["cases"][0]["name"], name);
    assert!(!json["cases"][0]["ranges"].as_array().unwrap().is_empty());
    let json = holds(
        "sendsync.history.show/1",
        &sendsync(&["history", "show", "--format", "json"], &[]),
    );
    assert!(json["cases"].as_array().unwrap().len() > 1);
    // Recording no toolchain: an empty report, into a history of its own.
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("history");
    let args = ["history", "record", "--toolchains", "", "--format", "json"];
    let env = [("SENDSYNC_HISTORY_DIR", history.as_path())];
    let json = holds("sendsync.history.record/1", &sendsync(&args, &env));
    assert_eq!(json["toolchains"], serde_json::json!([]));
}

fn program(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn check_matrix_explain_and_verify_print_their_documented_json() {
    let Some(pinned) = common::pinned_toolchain("the JSON of check, matrix, explain") else {
        return;
    };
    let tc = pinned.name.as_str();
    let dir = tempfile::tempdir().unwrap();
    let progs = dir.path().join("progs");
    std::fs::create_dir(&progs).unwrap();
    let rc = program(
        &progs,
        "rc.rs",
        "fn is_sync<T: Sync>() {}\nfn main() {\n    is_sync::<std::rc::Rc<i32>>();\n}\n",
    );
    program(&progs, "fine.rs", "fn main() {}\n");
    let progs = progs.to_str().unwrap();

    let out = sendsync(
        &["check", progs, "--toolchain", tc, "--format", "json"],
        &[],
    );
    let json = holds("sendsync.check/1", &out);
    assert_eq!(json["cases"].as_array().unwrap().len(), 2);

    let args = ["matrix", progs, "--toolchains", tc, "--format", "json"];
    let matrix = sendsync(&args, &[]);
    holds("sendsync.matrix/1", &matrix);
    let file = dir.path().join("m.json");
    std::fs::write(&file, &matrix).unwrap();
    let merged = sendsync(&["merge", file.to_str().unwrap(), "--format", "json"], &[]);
    assert_eq!(
        holds("sendsync.matrix/1", &merged),
        serde_json::from_slice::<Value>(&matrix).unwrap()
    );

    let json = holds(
        "sendsync.explain/1",
        &sendsync(
            &["explain", &rc, "--toolchain", tc, "--format", "json"],
            &[],
        ),
    );
    assert_eq!(json["errors"][0]["code"], "E0277");
    let eval = dir.path().join("eval");
    std::fs::create_dir(&eval).unwrap();
    let case =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/explain/arc_dyn_handler_threads.rs");
    std::fs::copy(case, eval.join("arc_dyn_handler_threads.rs")).unwrap();
    let args = [
        "explain",
        "--evaluate",
        eval.to_str().unwrap(),
        "--toolchain",
        tc,
        "--format",
        "json",
    ];
    let json = holds("sendsync.explain.evaluation/1", &sendsync(&args, &[]));
    assert_eq!(json["programs"].as_array().unwrap().len(), 1);

    let json = holds(
        "sendsync.table/1",
        &sendsync(&["table", "--toolchain", tc, "--format", "json"], &[]),
    );
    for probed in ["toolchain", "checks", "millis", "mismatches"] {
        assert!(json.get(probed).is_some(), "a probe gives {probed}");
    }

    // A history that records nothing: the toolchain is new to it, so verify compiles nothing.
    let history = dir.path().join("history");
    std::fs::create_dir(&history).unwrap();
    let args = ["history", "verify", "--toolchains", tc, "--format", "json"];
    let env = [("SENDSYNC_HISTORY_DIR", history.as_path())];
    let json = holds("sendsync.history.verify/1", &sendsync(&args, &env));
    assert_eq!(json["toolchains"][0]["verified"], false);
}

#[test]
fn table_across_toolchains_prints_its_documented_json() {
    let names = [
        sendsync::toolchain::pinned().to_string(),
        "1.80.0".to_string(),
    ];
    let found = common::installed_all(&names, "the JSON of table --toolchains");
    if found.len() < 2 {
        return;
    }
    let list = names.join(",");
    let out = sendsync(&["table", "--toolchains", &list, "--format", "json"], &[]);
    let json = holds("sendsync.table.differences/1", &out);
    assert_eq!(json["toolchains"].as_array().unwrap().len(), 2);
}

#[test]
fn miri_prints_its_documented_json() {
    let Some(nightly) = common::installed("nightly", "the JSON of miri") else {
        return;
    };
    if let Err(e) = sendsync::learn::miri::Miri::find(&nightly) {
        common::skip(common::Need::Miri, format_args!("the JSON of miri: {e}"));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    program(dir.path(), "fine.rs", "fn main() {}\n");
    let out = sendsync(
        &["miri", dir.path().to_str().unwrap(), "--format", "json"],
        &[],
    );
    let json = holds("sendsync.miri/1", &out);
    assert_eq!(json["programs"][0]["miri"], "clean");
}
