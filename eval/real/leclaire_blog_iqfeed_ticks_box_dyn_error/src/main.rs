// Rebuilt from Nathan LeClaire's blog post "Tokio/Rust dyn std::error::Error cannot be sent
// between threads safely" (see eval/real/MANIFEST.toml): a function ported to async that still
// returns `Result<(), Box<dyn Error>>`, spawned once per line with `tokio::spawn`.
use std::error::Error;

mod ticks {
    use std::error::Error;

    pub async fn iqfeed_ticks(
        line: &str,
        output_dir: &str,
        no_mkt_hours: bool,
    ) -> Result<(), Box<dyn Error>> {
        let _ = (line, output_dir, no_mkt_hours);
        Ok(())
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error>> {
    let lines: Vec<Result<String, std::io::Error>> = vec![Ok("AAPL".into()), Ok("MSFT".into())];
    let output_dir = String::from("out");
    let no_mkt_hours = false;
    let mut join_handles = vec![];
    for line in lines {
        let output_dir = output_dir.clone();
        join_handles.push(tokio::spawn(async move {
            ticks::iqfeed_ticks(&line.unwrap(), &output_dir.to_owned(), no_mkt_hours).await
        }));
    }
    for handle in join_handles {
        handle.await??;
    }
    Ok(())
}
