//! Our own small parallelism: a slice's items mapped a few at a time on scoped threads.

/// `f` on every item of `items`, as many at once as there are cores, in the items' order. A
/// panic in `f` is re-raised here.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = Vec::with_capacity(items.len());
    for chunk in items.chunks(cores.max(1)) {
        std::thread::scope(|s| {
            let handles: Vec<_> = chunk.iter().map(|item| s.spawn(|| f(item))).collect();
            out.extend(handles.into_iter().map(|h| match h.join() {
                Ok(r) => r,
                Err(panic) => std::panic::resume_unwind(panic),
            }));
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..37).collect();
        assert_eq!(
            super::map(&items, |x| x * 2),
            (0..37).map(|x| x * 2).collect::<Vec<_>>()
        );
        assert!(super::map(&[] as &[u32], |x| *x).is_empty());
    }
}
