//! `sendsync matrix` and `sendsync merge`: the cases on several toolchains, and how each
//! diagnostic drifted.

use super::args::{MatrixArgs, MatrixReport, MergeArgs};
use super::common::{one, options, progress_bar, CmdResult};
use super::programs::{error_result, load_programs, Programs};
use sendsync::render::render;
use sendsync::{drift::matrix, toolchain};

fn emit_matrix(m: &matrix::Matrix, report: MatrixReport) -> CmdResult {
    let text = render(m, report.format.into()).expect("a matrix has every format");
    match report.out {
        Some(path) => {
            sendsync::fs::write_atomic(&path, text.as_bytes()).map_err(one)?;
            eprintln!("wrote {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(if m.any_drift() { 1 } else { 0 })
}

pub fn run(args: MatrixArgs) -> CmdResult {
    let names = toolchain::parse_list(&args.toolchains);
    let Programs {
        cases,
        root,
        errors,
    } = load_programs(&args.paths, args.manifest.as_deref())?;
    for e in &errors {
        eprintln!("error: {e}");
    }
    let options = options(&args.run, root);
    let bar = progress_bar(cases.len() * names.len());
    let mut warnings = Vec::new();
    let m = matrix::build(
        &cases,
        &names,
        args.report.baseline.as_deref(),
        &options,
        &mut warnings,
        |tc, c| {
            bar.set_message(format!("{tc} {}", c.case.name));
            bar.inc(1);
        },
    );
    bar.finish_and_clear();
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let mut m = m.map_err(one)?;
    for e in &errors {
        let r = error_result(e);
        let path = r
            .case
            .path
            .strip_prefix(&options.root)
            .unwrap_or(&r.case.path);
        m.add_error_row(&r.case.name, &path.display().to_string());
    }
    let code = emit_matrix(&m, args.report)?;
    Ok(if errors.is_empty() { code } else { 2 })
}

pub fn merge(args: MergeArgs) -> CmdResult {
    let report = args.report;
    let parts = args
        .files
        .iter()
        .map(|f| matrix::load(f).map(|m| (f.display().to_string(), m)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(one)?;
    let m = matrix::merge(parts, report.baseline.as_deref()).map_err(one)?;
    emit_matrix(&m, report)
}
