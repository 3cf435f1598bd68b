use super::parse::claim;
use super::*;

fn claims(text: &str) -> Vec<Claim> {
    read(text).claims.into_iter().map(|(_, c)| c).collect()
}

fn c(subject: &str, t: &str, holds: bool, cond: Cond) -> Claim {
    claim(subject, t, holds, cond)
}

fn when(param: &str, traits: &[Trait]) -> Vec<(String, Vec<Trait>)> {
    vec![(param.to_string(), traits.to_vec())]
}

#[test]
fn reads_the_shapes_the_corpus_writes() {
    use Trait::{Send, Sync};
    assert_eq!(
        claims("`Rc` is not `Send`, so it stays."),
        [c("Rc", "Send", false, Cond::Always)]
    );
    assert_eq!(
        claims("`Receiver` is `Send` but not `Sync`."),
        [
            c("Receiver", "Send", true, Cond::Always),
            c("Receiver", "Sync", false, Cond::Always)
        ]
    );
    assert_eq!(
        claims("`&mut T` is `Send` when `T: Send`, but `Sync` only when `T: Sync`."),
        [
            c("&mut T", "Send", true, Cond::When(when("T", &[Send]))),
            c("&mut T", "Sync", true, Cond::OnlyWhen(when("T", &[Sync])))
        ]
    );
    assert_eq!(
        claims("`*const T`, `*mut T` and `NonNull<T>` are neither `Send` nor `Sync`."),
        ["*const T", "*mut T", "NonNull<T>"]
            .iter()
            .flat_map(|s| [
                c(s, "Send", false, Cond::Always),
                c(s, "Sync", false, Cond::Always)
            ])
            .collect::<Vec<_>>()
    );
    assert_eq!(
        claims("`Arc<T>` is `Send` only if `T` is both `Send` and `Sync`: so."),
        [c(
            "Arc<T>",
            "Send",
            true,
            Cond::OnlyWhen(when("T", &[Send, Sync]))
        )]
    );
    assert_eq!(
        claims("`SyncSender<T>` is `Send` when `T` is, so it moves."),
        [c("SyncSender<T>", "Send", true, Cond::When(when("T", &[])))]
    );
    assert_eq!(
        claims("`RefCell<T>: Send` when `T: Send`."),
        [c(
            "RefCell<T>",
            "Send",
            true,
            Cond::When(when("T", &[Send]))
        )]
    );
    assert_eq!(
        claims("`Cell<()>` is `Send` but not\n`Sync`."),
        [
            c("Cell<()>", "Send", true, Cond::Always),
            c("Cell<()>", "Sync", false, Cond::Always)
        ]
    );
    assert_eq!(
        claims("`Receiver<T>` implements `IntoIterator`."),
        [c("Receiver<T>", "IntoIterator", true, Cond::Always)]
    );
    assert_eq!(
        claims("`AtomicPtr<T>` is `Send` and `Sync` for every `T`."),
        [
            c("AtomicPtr<T>", "Send", true, Cond::Always),
            c("AtomicPtr<T>", "Sync", true, Cond::Always)
        ]
    );
    assert_eq!(
        claims("`Cell<T>` is `Send` when `T` is `Send`, even though it is not `Sync`."),
        [
            c("Cell<T>", "Send", true, Cond::When(when("T", &[Send]))),
            c("Cell<T>", "Sync", false, Cond::Always)
        ]
    );
    assert_eq!(
        claims("`Job` is `!Send`."),
        [c("Job", "Send", false, Cond::Always)]
    );
}

#[test]
fn reads_conditions_subjects_and_bounds_as_written() {
    use Trait::{Send, Sync};
    // A bound in code is a claim only when it "holds" or has a condition.
    assert!(claims("It needs `Scratch: Sync`, which the marker removed.").is_empty());
    assert!(claims("It asks only `T: Send`.").is_empty());
    assert_eq!(
        claims("`&T: Send` holds whenever `T: Sync`."),
        [c("&T", "Send", true, Cond::When(when("T", &[Sync])))]
    );
    // Only the last code before "is" is its subject.
    assert_eq!(
        claims("It captures `&Rc<u8>`, and `&T` is `Send` only when `T` is `Sync`."),
        [c("&T", "Send", true, Cond::OnlyWhen(when("T", &[Sync])))]
    );
    assert_eq!(
        claims("`Mutex<T>` is `Sync` as soon as `T` is `Send`."),
        [c("Mutex<T>", "Sync", true, Cond::When(when("T", &[Send])))]
    );
    assert_eq!(
        claims("`Arc<T>` is only `Send` if `T` is `Sync`."),
        [c(
            "Arc<T>",
            "Send",
            true,
            Cond::OnlyWhen(when("T", &[Sync]))
        )]
    );
    // "when `T` is": each trait on its own.
    let phantom = c("PhantomData<T>", "Sync", true, Cond::When(when("T", &[])));
    assert_eq!(
        claims("`PhantomData<T>` is `Send`/`Sync` exactly when `T` is."),
        [
            c("PhantomData<T>", "Send", true, Cond::When(when("T", &[]))),
            phantom.clone()
        ]
    );
    let expect: Vec<bool> = phantom.checks(&[]).iter().map(|k| k.expect).collect();
    assert_eq!(expect, [true, false, true, false]);
    // A parameter or a trait is no subject.
    assert!(claims("so `T` is `Send`.").is_empty());
}

#[test]
fn lists_what_it_cannot_read() {
    // "the `Arc`" is one value, not every `Arc<T>`; "unless" is no condition it reads.
    let r = read("The `Arc` is `Send`, but no. `Job` is `Send` unless `T` is `Rc`. Plain prose.");
    assert!(r.claims.is_empty(), "{:?}", r.claims);
    assert_eq!(r.unread.len(), 2, "{:?}", r.unread);
    // Claims about one value of the program have its compile as evidence: not listed.
    let r = read("`total` is not `Send`. The closure is `Send`. It asks whether `Job` is `Send`.");
    assert!(r.claims.is_empty() && r.unread.is_empty(), "{r:?}");
    assert_eq!(read("So it is `Send` exactly when `T` is.").unread.len(), 1);
}

#[test]
fn sentences_keep_code_spans_whole_and_drop_links_and_fences() {
    assert_eq!(
        sentences("A `x.y()` call. See [the case](a.rs).\n```\nnot. this\n```\nEnd"),
        ["A `x.y()` call.", "See the case.", "End"]
    );
}

#[test]
fn checks_instantiate_parameters_at_the_table_s_types() {
    let checks = c(
        "MutexGuard",
        "Sync",
        true,
        Cond::When(when("T", &[Trait::Sync])),
    )
    .checks(&[]);
    let got: Vec<(String, bool)> = checks.into_iter().map(|k| (k.ty, k.expect)).collect();
    assert_eq!(
        got,
        [
            ("sync::MutexGuard<'static, u8>".to_string(), true),
            (
                "sync::MutexGuard<'static, cell::Cell<u8>>".to_string(),
                false
            ),
            (
                "sync::MutexGuard<'static, sync::MutexGuard<'static, u8>>".to_string(),
                true
            ),
            ("sync::MutexGuard<'static, rc::Rc<u8>>".to_string(), false),
        ]
    );
    let only = c(
        "Arc<T>",
        "Send",
        true,
        Cond::OnlyWhen(when("T", &[Trait::Send])),
    )
    .checks(&[]);
    // Only where the condition fails is anything promised: not Send.
    assert_eq!(only.len(), 2);
    assert!(only.iter().all(|k| !k.expect));
    let lifetimes = c("&'a Cell<u8>", "Send", false, Cond::Always).checks(&[]);
    assert_eq!(lifetimes[0].ty, "&'static Cell<u8>");
    let rc = c("Rc<Mutex<_>>", "Send", false, Cond::Always).checks(&[]);
    assert_eq!(rc.len(), 4);
    assert_eq!(rc[0].ty, "Rc<Mutex<u8>>");
}
