//! How long a probe of the whole Send/Sync table takes on one toolchain: one generated program,
//! one rustc, `--emit=metadata`. The budget is 1 s per toolchain on 2 cores.
//!
//! Run with `cargo bench --bench probe` (optionally followed by `-- 1.70.0 nightly` to name the
//! toolchains; default: the pinned one and 1.70.0 where installed). Prints, for each toolchain,
//! the fastest, median and slowest of several runs after one warm-up, then a concurrent probe
//! of all of them, as `sendsync table --toolchains A,B,…` runs it.

use sendsync::learn::table;
use sendsync::toolchain::{pinned, Spec, Toolchain};
use std::time::{Duration, Instant};

const RUNS: usize = 7;
const BUDGET: Duration = Duration::from_secs(1);

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let names = if args.is_empty() {
        vec![pinned().to_string(), "1.70.0".to_string()]
    } else {
        args
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "probe benchmark: {} rows, {RUNS} runs per toolchain after a warm-up, {cores} core(s)",
        table::rows().len()
    );
    let mut toolchains = Vec::new();
    for name in &names {
        match Toolchain::resolve(&Spec::Rustup(name.clone())) {
            Ok(t) => toolchains.push(t),
            Err(e) => println!("SKIPPED {name}: {e}"),
        }
    }
    let mut over = false;
    for t in &toolchains {
        let warm = table::probe(t, None).unwrap_or_else(|e| panic!("{e}"));
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let probed = table::probe(t, None).unwrap_or_else(|e| panic!("{e}"));
                assert_eq!(probed.checks, warm.checks);
                started.elapsed()
            })
            .collect();
        times.sort();
        let (min, median, max) = (times[0], times[RUNS / 2], times[RUNS - 1]);
        over |= median > BUDGET;
        println!(
            "{:<10} {:<16} {:>4} checks  min {:>6.1} ms  median {:>6.1} ms  max {:>6.1} ms  {}",
            t.name,
            t.release,
            warm.checks,
            ms(min),
            ms(median),
            ms(max),
            if median <= BUDGET {
                "within 1 s"
            } else {
                "OVER 1 s"
            }
        );
    }
    if toolchains.len() > 1 {
        let started = Instant::now();
        let tables = table::probe_all(&toolchains, None, sendsync::work::default_jobs())
            .unwrap_or_else(|e| panic!("{e}"));
        let elapsed = started.elapsed();
        println!(
            "all {} toolchains together (as --toolchains): {:.1} ms, {:.1} ms per toolchain",
            tables.len(),
            ms(elapsed),
            ms(elapsed) / tables.len() as f64
        );
    }
    if over {
        println!("a probe took over the 1 s budget");
        std::process::exit(1);
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
