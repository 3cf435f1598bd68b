//! The one pool of parallel work. Every command that does many things at once (`check`, the
//! matrix, `history verify` and `record`, the table probe, `miri`, `explain --evaluate`) runs
//! them here, at most `jobs` at a time: `--jobs` is one budget, not one per layer.
//!
//! [`run`] starts `jobs` workers in a [`std::thread::scope`]; they take items off one shared
//! queue (a counter into the order of work) and send each result back over a channel, so the
//! caller sees results as they come and gets them back in the items' order. Nothing is shared
//! but the items (`Sync`), the work function (`Sync`) and the results (`Send`): the borrow
//! checker sees to it that no worker outlives what it reads.
//!
//! Work that is itself a batch (verifying a toolchain is checking every case on it) must not
//! multiply the budget: a [`run`] called on a worker runs its items there, one after another,
//! since that worker already holds one of the `jobs` places. Callers that know their work is
//! nested flatten it into one queue instead (every case on every toolchain), which keeps every
//! place busy.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

thread_local! {
    /// Set on the threads [`run`] starts.
    static ON_A_WORKER: Cell<bool> = const { Cell::new(false) };
}

/// The default budget: one job per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// `work` on every item, at most `jobs` at once, starting them in `order` (indices into
/// `items`; the longest work first keeps the end of a run from waiting on one straggler).
/// `progress` sees each result as it arrives, on the calling thread. Results come back in the
/// order of `items`. A panic in `work` is raised again here, with its own message.
pub fn run<T: Sync, R: Send>(
    jobs: usize,
    items: &[T],
    order: &[usize],
    work: impl Fn(&T) -> R + Sync,
    mut progress: impl FnMut(&R),
) -> Vec<R> {
    debug_assert!(order.iter().all(|&i| i < items.len()));
    let mut results: Vec<Option<R>> = items.iter().map(|_| None).collect();
    if ON_A_WORKER.with(Cell::get) {
        // Nested: this worker's place is the whole budget of what it runs.
        for &i in order {
            let r = work(&items[i]);
            progress(&r);
            results[i] = Some(r);
        }
    } else {
        let next = AtomicUsize::new(0);
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|s| {
            let workers: Vec<_> = (0..jobs.max(1).min(order.len()))
                .map(|_| {
                    let tx = tx.clone();
                    let (next, work) = (&next, &work);
                    s.spawn(move || {
                        ON_A_WORKER.with(|w| w.set(true));
                        loop {
                            let n = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&i) = order.get(n) else { break };
                            if tx.send((i, work(&items[i]))).is_err() {
                                break;
                            }
                        }
                    })
                })
                .collect();
            // Only the workers hold senders now: the loop ends when the last one is done.
            drop(tx);
            for (i, r) in rx {
                progress(&r);
                results[i] = Some(r);
            }
            for w in workers {
                if let Err(panic) = w.join() {
                    std::panic::resume_unwind(panic);
                }
            }
        });
    }
    results
        .into_iter()
        .map(|r| r.expect("every item was worked on"))
        .collect()
}

/// [`run`] in the items' own order, without progress.
pub fn map<T: Sync, R: Send>(jobs: usize, items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let order: Vec<usize> = (0..items.len()).collect();
    run(jobs, items, &order, work, |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    /// Counts the items running at once, and the most there ever were.
    #[derive(Default)]
    struct HighWater {
        now: AtomicUsize,
        peak: AtomicUsize,
    }

    impl HighWater {
        fn during<R>(&self, f: impl FnOnce() -> R) -> R {
            let n = self.now.fetch_add(1, Ordering::SeqCst) + 1;
            self.peak.fetch_max(n, Ordering::SeqCst);
            // Long enough for every worker to be inside at once if the bound let it.
            std::thread::sleep(Duration::from_millis(15));
            let r = f();
            self.now.fetch_sub(1, Ordering::SeqCst);
            r
        }
    }

    #[test]
    fn results_keep_the_items_order_whatever_the_order_of_work() {
        let items: Vec<u32> = (0..37).collect();
        let order: Vec<usize> = (0..37).rev().collect();
        let mut seen = Vec::new();
        let out = run(4, &items, &order, |x| x * 2, |r| seen.push(*r));
        assert_eq!(out, (0..37).map(|x| x * 2).collect::<Vec<_>>());
        assert_eq!(seen.len(), 37);
        assert!(map(3, &[] as &[u32], |x| *x).is_empty());
    }

    #[test]
    fn nested_work_stays_within_one_budget() {
        for jobs in [1, 2, 3] {
            let water = HighWater::default();
            let outer: Vec<u32> = (0..4).collect();
            let inner: Vec<u32> = (0..5).collect();
            // Four batches of five leaves each: only the leaves are counted as running work.
            let sums = map(jobs, &outer, |o| {
                map(jobs, &inner, |i| water.during(|| o * 10 + i))
                    .into_iter()
                    .sum::<u32>()
            });
            assert_eq!(sums, vec![10, 60, 110, 160]);
            let peak = water.peak.load(Ordering::SeqCst);
            assert!(peak <= jobs, "jobs {jobs}: {peak} at once");
            assert!(peak >= 1);
        }
    }

    #[test]
    fn a_panic_in_the_work_is_raised_again_with_its_message() {
        let items = [1, 2, 3];
        let caught = std::panic::catch_unwind(|| {
            map(2, &items, |&x| {
                assert!(x != 2, "item two is bad");
                x
            })
        });
        let panic = caught.unwrap_err();
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        assert!(message.contains("item two is bad"), "{message:?}");
    }
}
