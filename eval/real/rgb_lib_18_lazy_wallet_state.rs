// Rebuilt from RGB-Tools/rgb-lib#18, "Can't share `struct Wallet` by using `Lazy`" (see
// eval/real/MANIFEST.toml), with std's `LazyLock` for once_cell's `sync::Lazy`: the wallet's
// database sits in a `RefCell`.
use std::cell::RefCell;
use std::sync::{Arc, LazyLock, RwLock};

struct SqliteDatabase;

struct BdkWallet {
    database: RefCell<SqliteDatabase>,
}

struct Wallet {
    bdk_wallet: BdkWallet,
}

struct WalletState {
    wallet: Option<Wallet>,
}

impl WalletState {
    fn new() -> Self {
        WalletState { wallet: None }
    }
}

static WALLET_STATE: LazyLock<Arc<RwLock<WalletState>>> =
    LazyLock::new(|| Arc::new(RwLock::new(WalletState::new())));

fn main() {
    let state = WALLET_STATE.read().unwrap();
    if let Some(w) = &state.wallet {
        let _ = w.bdk_wallet.database.borrow();
    }
}
