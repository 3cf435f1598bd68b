//! The declaration: one `table!` invocation, from which come the rows as data
//! ([`ROWS`]) and a `static_assertions` check of every row at every instantiation, so that a
//! wrong row fails the build.
//!
//! A row reads:
//!
//! ```text
//! { generic T => sync::mpsc::Sender<T>;        // or `type String;` for a type without T
//!   since "1.80.0";                            // min-rust, where newer than 1.70
//!   send [Send]; sync [Send];                  // always | never | [Send] | [Sync] | [Send, Sync]
//!   changed: Sync before "1.72.0" was never;   // earlier answers, oldest first
//!   note "..." }
//! ```
//!
//! The assertions encode the pinned toolchain's answers; only rows whose min-rust is at most
//! the crate's MSRV can be asserted (all rows are).

use super::{Change, Cond, Instantiation, Row, Trait};

/// Declares the imports the rows' paths are relative to, and keeps their text for the probe.
macro_rules! prelude {
    ($($item:item)*) => {
        $($item)*
        /// The imports every row's type is written against, as the probe program begins.
        pub const PRELUDE: &str = concat!($(stringify!($item), "\n"),*);
    };
}

prelude! {
    #[allow(unused_imports)]
    use std::{any, cell, collections, env, fmt, fs, future, io, marker, mem, pin, ptr, rc, slice, sync, task, thread, vec};
}

/// Hands the four instantiations of a generic row's parameter to another macro: the type,
/// then whether it is Send, then whether it is Sync.
macro_rules! with_instantiations {
    ($callback:ident ! { $($args:tt)* }) => {
        $callback! { $($args)*
            [u8] yes yes,
            [cell::Cell<u8>] yes no,
            [sync::MutexGuard<'static, u8>] no yes,
            [rc::Rc<u8>] no no
        }
    };
}

macro_rules! instantiation_data {
    ($([$ty:ty] $send:ident $sync:ident),*) => {
        /// The instantiations, as data.
        pub(crate) static INSTANTIATIONS: [Instantiation; 4] = [$(Instantiation {
            ty: stringify!($ty),
            send: yes_no!($send),
            sync: yes_no!($sync),
        }),*];
    };
}

macro_rules! yes_no {
    (yes) => {
        true
    };
    (no) => {
        false
    };
}

with_instantiations!(instantiation_data! {});

/// One compile-time check: `$ty` implements `$trait` exactly when the condition holds for a
/// parameter that is (`yes`/`no`) Send and Sync. A type without a parameter passes `- -`, so
/// a condition on `T` there matches no rule and fails the build.
macro_rules! expect {
    ($ty:ty: $trait:ident if always; $s:tt $y:tt) => {
        static_assertions::assert_impl_all!($ty: $trait);
    };
    ($ty:ty: $trait:ident if never; $s:tt $y:tt) => {
        static_assertions::assert_not_impl_any!($ty: $trait);
    };
    ($ty:ty: $trait:ident if [Send]; yes $y:tt) => {
        static_assertions::assert_impl_all!($ty: $trait);
    };
    ($ty:ty: $trait:ident if [Send]; no $y:tt) => {
        static_assertions::assert_not_impl_any!($ty: $trait);
    };
    ($ty:ty: $trait:ident if [Sync]; $s:tt yes) => {
        static_assertions::assert_impl_all!($ty: $trait);
    };
    ($ty:ty: $trait:ident if [Sync]; $s:tt no) => {
        static_assertions::assert_not_impl_any!($ty: $trait);
    };
    ($ty:ty: $trait:ident if [Send, Sync]; yes yes) => {
        static_assertions::assert_impl_all!($ty: $trait);
    };
    ($ty:ty: $trait:ident if [Send, Sync]; $s:ident $y:ident) => {
        static_assertions::assert_not_impl_any!($ty: $trait);
    };
}

macro_rules! assert_generic {
    ($param:ident => $ty:ty; $send:tt; $sync:tt; $([$inst:ty] $is:ident $iy:ident),*) => {
        const _: () = {
            type R<$param> = $ty;
            $(
                expect!(R<$inst>: Send if $send; $is $iy);
                expect!(R<$inst>: Sync if $sync; $is $iy);
            )*
        };
    };
}

macro_rules! assert_row {
    (generic $param:ident => $ty:ty; $(since $min:literal;)? send $send:tt; sync $sync:tt; $($rest:tt)*) => {
        with_instantiations!(assert_generic! { $param => $ty; $send; $sync; });
    };
    (type $ty:ty; $(since $min:literal;)? send $send:tt; sync $sync:tt; $($rest:tt)*) => {
        const _: () = {
    expect!($ty: Send if $send; - -);
    expect!($ty: Sync if $sync; - -);
        };
    };
}

macro_rules! cond {
    (always) => {
        Cond::Always
    };
    (never) => {
        Cond::Never
    };
    ([$($bound:ident),+]) => {
        Cond::If(&[$(Trait::$bound),+])
    };
}

macro_rules! option {
    () => {
        None
    };
    ($e:expr) => {
        Some($e)
    };
}

macro_rules! row_data {
    (@ $section:literal; [$($param:ident)?] $ty:ty; $(since $min:literal;)?
     send $send:tt; sync $sync:tt;
     $(changed: $($trait:ident before $since:literal was $before:tt),+;)?
     note $note:literal $(;)?) => {
        Row {
            section: $section,
            ty: stringify!($ty),
            param: option!($(stringify!($param))?),
            min_rust: option!($($min)?),
            send: cond!($send),
            sync: cond!($sync),
            changes: &[$($(Change { auto_trait: Trait::$trait, since: $since, before: cond!($before) }),+)?],
            note: $note,
        }
    };
    ($section:literal; generic $param:ident => $ty:ty; $($rest:tt)*) => {
        row_data!(@ $section; [$param] $ty; $($rest)*)
    };
    ($section:literal; type $ty:ty; $($rest:tt)*) => {
        row_data!(@ $section; [] $ty; $($rest)*)
    };
}

macro_rules! table {
    ($($section:literal { $({ $($row:tt)* })* })*) => {
        /// Every row, in the order shown.
        pub(crate) static ROWS: &[Row] = &[$($(row_data!($section; $($row)*),)*)*];
        $($(assert_row!($($row)*);)*)*
    };
}

table! {
    "Reference counting" {
        { generic T => rc::Rc<T>; send never; sync never;
          note "the count is not atomic: two threads cloning one Rc would race on it" }
        { generic T => rc::Weak<T>; send never; sync never;
          note "shares Rc's non-atomic counts" }
        { generic T => sync::Arc<T>; send [Send, Sync]; sync [Send, Sync];
          note "clones on other threads share &T (so T: Sync) and the last one drops T wherever it is (so T: Send)" }
        { generic T => sync::Weak<T>; send [Send, Sync]; sync [Send, Sync];
          note "upgrades to an Arc<T>, so it has Arc's conditions" }
    }
    "Cells" {
        { generic T => cell::Cell<T>; send [Send]; sync never;
          note "set through &Cell without synchronisation, so &Cell must stay on one thread" }
        { generic T => cell::RefCell<T>; send [Send]; sync never;
          note "its borrow flag is not atomic" }
        { generic T => cell::Ref<'static, T>; send never; sync never;
          note "points at the RefCell's non-atomic borrow flag" }
        { generic T => cell::RefMut<'static, T>; send never; sync never;
          note "points at the RefCell's non-atomic borrow flag" }
        { generic T => cell::UnsafeCell<T>; send [Send]; sync never;
          note "the primitive of interior mutability; a type built on it opts into Sync with unsafe impl" }
        { generic T => cell::OnceCell<T>; since "1.70.0"; send [Send]; sync never;
          note "the single-threaded OnceLock" }
        { generic T => cell::LazyCell<T, fn() -> T>; since "1.80.0"; send [Send]; sync never;
          note "the single-threaded LazyLock (F = fn() -> T is Send and Sync)" }
    }
    "Locks and synchronisation" {
        { generic T => sync::Mutex<T>; send [Send]; sync [Send];
          note "gives one thread at a time &mut T, which is moving T there, so T: Send is enough" }
        { generic T => sync::MutexGuard<'static, T>; send never; sync [Sync];
          note "must be unlocked on the thread that locked it; sharing it shares &T" }
        { generic T => sync::RwLock<T>; send [Send]; sync [Send, Sync];
          note "readers on several threads share &T at once, so T: Sync too" }
        { generic T => sync::RwLockReadGuard<'static, T>; send never; sync [Sync];
          note "must be released on the thread that took it" }
        { generic T => sync::RwLockWriteGuard<'static, T>; send never; sync [Sync];
          note "must be released on the thread that took it" }
        { generic T => sync::PoisonError<T>; send [Send]; sync [Sync];
          note "an ordinary wrapper: the auto traits of what it holds (usually a guard)" }
        { type sync::Condvar; send always; sync always;
          note "made to be shared" }
        { type sync::Barrier; send always; sync always;
          note "made to be shared" }
        { type sync::BarrierWaitResult; send always; sync always;
          note "a bool" }
        { type sync::Once; send always; sync always;
          note "made to be shared" }
        { generic T => sync::OnceLock<T>; since "1.70.0"; send [Send]; sync [Send, Sync];
          note "one thread may set T and another drop it (Send); all read &T (Sync)" }
        { generic T => sync::LazyLock<T, fn() -> T>; since "1.80.0"; send [Send]; sync [Send, Sync];
          note "as OnceLock<T>, with F: Send (fn() -> T is)" }
    }
    "Atomics" {
        { type sync::atomic::AtomicBool; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicI8; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicU8; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicI16; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicU16; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicI32; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicU32; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicI64; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicU64; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicIsize; send always; sync always; note "atomic: made to be shared" }
        { type sync::atomic::AtomicUsize; send always; sync always; note "atomic: made to be shared" }
        { generic T => sync::atomic::AtomicPtr<T>; send always; sync always;
          note "an atomic address: whatever T is, using the pointer is unsafe and up to you" }
    }
    "Channels" {
        { generic T => sync::mpsc::Sender<T>; send [Send]; sync [Send];
          changed: Sync before "1.72.0" was never;
          note "sends T to the receiver's thread; a &Sender could not be shared before 1.72.0" }
        { generic T => sync::mpsc::SyncSender<T>; send [Send]; sync [Send];
          note "sends T to the receiver's thread" }
        { generic T => sync::mpsc::Receiver<T>; send [Send]; sync never;
          note "one receiver: it may move, but not be shared" }
        { generic T => sync::mpsc::SendError<T>; send [Send]; sync [Sync];
          note "an ordinary wrapper around the T that was not sent" }
    }
    "Pointers and references" {
        { generic T => *const T; send never; sync never;
          note "raw pointers opt out, so types built on them must decide with unsafe impl" }
        { generic T => *mut T; send never; sync never;
          note "raw pointers opt out, so types built on them must decide with unsafe impl" }
        { generic T => ptr::NonNull<T>; send never; sync never;
          note "a raw pointer" }
        { generic T => &'static T; send [Sync]; sync [Sync];
          note "T: Sync is the definition of &T: Send" }
        { generic T => &'static mut T; send [Send]; sync [Sync];
          note "&mut T can swap T out (Send); &&mut T only reads (Sync)" }
        { generic T => fn(T) -> T; send always; sync always;
          note "a code address holds no T" }
    }
    "Owning containers" {
        { generic T => Box<T>; send [Send]; sync [Sync]; note "owns T" }
        { generic T => Vec<T>; send [Send]; sync [Sync]; note "owns its Ts" }
        { type String; send always; sync always; note "owned bytes" }
        { type str; send always; sync always; note "bytes" }
        { generic T => [T]; send [Send]; sync [Sync]; note "its Ts" }
        { generic T => [T; 2]; send [Send]; sync [Sync]; note "its Ts" }
        { generic T => Option<T>; send [Send]; sync [Sync]; note "maybe a T" }
        { generic T => collections::VecDeque<T>; send [Send]; sync [Sync]; note "owns its Ts" }
        { generic T => collections::HashMap<u8, T>; send [Send]; sync [Sync]; note "owns its keys and values" }
        { generic T => collections::BTreeMap<u8, T>; send [Send]; sync [Sync]; note "owns its keys and values" }
        { generic T => collections::LinkedList<T>; send [Send]; sync [Sync]; note "owns its Ts through raw pointers, and says so with unsafe impl" }
        { generic T => mem::ManuallyDrop<T>; send [Send]; sync [Sync]; note "a T" }
        { generic T => pin::Pin<Box<T>>; send [Send]; sync [Sync]; note "Pin<P> has P's auto traits" }
    }
    "Markers" {
        { generic T => marker::PhantomData<T>; send [Send]; sync [Sync];
          note "acts as if it owned a T" }
        { generic T => marker::PhantomData<fn() -> T>; send always; sync always;
          note "acts as if it made Ts: the usual marker for a type that owns none" }
        { generic T => marker::PhantomData<*const T>; send never; sync never;
          note "the usual marker to opt out of Send and Sync" }
        { type marker::PhantomPinned; send always; sync always;
          note "opts out of Unpin only" }
    }
    "Threads" {
        { generic T => thread::JoinHandle<T>; send always; sync always;
          note "T: Send was required when the thread was spawned" }
        { generic T => thread::ScopedJoinHandle<'static, T>; send [Send]; sync [Send];
          changed: Send before "1.80.0" was [Send, Sync], Sync before "1.80.0" was [Send, Sync];
          note "holds the thread's result T in an Arc shared with the thread (which needed T: Sync too before 1.80.0)" }
        { type thread::Scope<'static, 'static>; send always; sync always;
          note "shared by every scoped thread, so that each can spawn more" }
        { type thread::Thread; send always; sync always; note "a handle" }
        { type thread::ThreadId; send always; sync always; note "a number" }
        { generic T => thread::LocalKey<T>; send always; sync always;
          note "a key: each thread that uses it gets its own T" }
    }
    "Standard I/O" {
        { type io::Stdin; send always; sync always; note "a handle to a global lock" }
        { type io::StdinLock<'static>; send never; sync always;
          note "a MutexGuard" }
        { type io::Stdout; send always; sync always; note "a handle to a global lock" }
        { type io::StdoutLock<'static>; send never; sync never;
          changed: Sync before "1.80.0" was always;
          note "guards stdout's reentrant lock over a RefCell, which is not Sync (the guard ignored that before 1.80.0)" }
        { type io::Stderr; send always; sync always; note "a handle to a global lock" }
        { type io::StderrLock<'static>; send never; sync never;
          changed: Sync before "1.80.0" was always;
          note "guards stdout's reentrant lock over a RefCell, which is not Sync (the guard ignored that before 1.80.0)" }
        { type fs::File; send always; sync always; note "a file descriptor" }
    }
    "Formatting, environment and async" {
        { type fmt::Arguments<'static>; send never; sync never;
          note "holds type-erased pointers to the arguments" }
        { type env::Args; send never; sync never;
          note "opts out with impl !Send and impl !Sync" }
        { type env::ArgsOs; send never; sync never;
          note "opts out with impl !Send and impl !Sync" }
        { type task::Context<'static>; send never; sync never;
          note "opts out, so that it may later hold thread-local data" }
        { type task::Waker; send always; sync always;
          note "its RawWakerVTable promises thread safety" }
        { type task::RawWaker; send never; sync never;
          note "a data pointer and a vtable: Waker adds the promise" }
        { generic T => future::Ready<T>; send [Send]; sync [Sync];
          note "holds the T it will return" }
    }
    "Iterators" {
        { generic T => slice::Iter<'static, T>; send [Sync]; sync [Sync];
          note "behaves as &[T]" }
        { generic T => slice::IterMut<'static, T>; send [Send]; sync [Sync];
          note "behaves as &mut [T]" }
        { generic T => vec::IntoIter<T>; send [Send]; sync [Sync];
          note "owns the Ts not yet yielded" }
    }
    "Trait objects" {
        { type dyn any::Any; send never; sync never;
          note "the compiler cannot see the concrete type, so a trait object is Send or Sync only when it says so" }
        { type dyn any::Any + Send; send always; sync never;
          note "+ Send is a promise every concrete type behind it keeps" }
        { type dyn any::Any + Sync; send never; sync always;
          note "+ Sync is a promise every concrete type behind it keeps" }
        { type dyn any::Any + Send + Sync; send always; sync always;
          note "both promises" }
        { type Box<dyn any::Any + Send>; send always; sync never;
          note "the payload of a panic from another thread" }
    }
}
