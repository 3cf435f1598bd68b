use super::*;

fn part(tc: &str, rows: &[(&str, &str)]) -> Matrix {
    let info = ToolchainInfo {
        release: tc.into(),
        commit_hash: "abc".into(),
        commit_date: "2026-01-01".into(),
    };
    Matrix {
        baseline: tc.into(),
        toolchains: vec![tc.into()],
        toolchain_info: BTreeMap::from([(tc.to_string(), Some(info))]),
        cases: rows
            .iter()
            .map(|(path, outcome)| Row {
                name: path
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .trim_end_matches(".rs")
                    .into(),
                path: path.to_string(),
                topic: String::new(),
                min_rust: None,
                cells: BTreeMap::from([(tc.to_string(), Cell::empty(outcome, Drift::Identical))]),
            })
            .collect(),
    }
}

#[test]
fn rows_are_matched_by_path_not_name() {
    let m = merge(
        vec![(
            "a.json".into(),
            part("1.80.0", &[("dup/a/x.rs", "pass"), ("dup/b/x.rs", "fail")]),
        )],
        None,
    )
    .unwrap();
    assert_eq!(m.cases.len(), 2);
    assert_eq!(m.cases[0].cells["1.80.0"].outcome, "pass");
    assert_eq!(m.cases[1].cells["1.80.0"].outcome, "fail");
}

#[test]
fn shards_of_one_toolchain_are_united() {
    let m = merge(
        vec![
            (
                "s1.json".into(),
                part("1.80.0", &[("x.rs", "pass"), ("y.rs", "fail")]),
            ),
            ("s2.json".into(), part("1.80.0", &[("z.rs", "fail")])),
        ],
        None,
    )
    .unwrap();
    let paths: Vec<&str> = m.cases.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(paths, ["x.rs", "y.rs", "z.rs"]);
    // The same cell in two shards is no conflict, and a real cell beats `missing`.
    let m = merge(
        vec![
            ("s1.json".into(), part("1.80.0", &[("x.rs", "pass")])),
            ("s2.json".into(), part("1.80.0", &[("x.rs", "pass")])),
            ("s3.json".into(), part("1.80.0", &[("x.rs", "missing")])),
        ],
        None,
    )
    .unwrap();
    assert_eq!(m.cases[0].cells["1.80.0"].outcome, "pass");
}

#[test]
fn a_true_conflict_names_both_files() {
    let err = merge(
        vec![
            ("s1.json".into(), part("1.80.0", &[("x.rs", "pass")])),
            ("s2.json".into(), part("1.80.0", &[("x.rs", "fail")])),
        ],
        None,
    )
    .unwrap_err();
    assert!(
        matches!(&err, Error::MergeConflict { toolchain, .. } if toolchain == "1.80.0"),
        "{err:?}"
    );
    let err = err.to_string();
    assert!(
        err.contains("x.rs") && err.contains("s1.json") && err.contains("s2.json"),
        "{err}"
    );
}
