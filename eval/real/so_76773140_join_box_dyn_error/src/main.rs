// Rebuilt from Stack Overflow question 76773140, "How do I fix 'cannot be sent between threads
// safely' when using tokio::spawn and Box<dyn Error>?" (see eval/real/MANIFEST.toml).
#[tokio::main]
async fn main() {
    tokio::spawn(async {
        foo().await;
    });
}

async fn foo() {
    let f1 = bar();
    let f2 = bar();

    tokio::join!(f1, f2);
}

async fn bar() -> Result<(), Box<dyn std::error::Error>> {
    println!("Hello world");
    Ok(())
}
