// Rebuilt from DzenanJupic/rustube#48, "callback cannot use in `tokio::spawn`" (see
// eval/real/MANIFEST.toml): the crate's `Callback` stores its closure as a `Box<dyn Fn>`
// without `+ Send`, and the download that takes it is awaited inside `tokio::spawn`.
use std::path::PathBuf;

struct CallbackArguments {
    current_chunk: usize,
    content_length: Option<u64>,
}

enum OnProgressType {
    SlowClosure(Box<dyn Fn(CallbackArguments)>),
    None,
}

struct Callback {
    on_progress: OnProgressType,
}

impl Callback {
    fn new() -> Self {
        Callback {
            on_progress: OnProgressType::None,
        }
    }

    fn connect_on_progress_closure_slow(
        mut self,
        closure: impl Fn(CallbackArguments) + 'static,
    ) -> Self {
        self.on_progress = OnProgressType::SlowClosure(Box::new(closure));
        self
    }
}

struct Stream;

impl Stream {
    async fn download_to_dir_with_callback(
        &self,
        dir: &str,
        callback: Callback,
    ) -> Result<PathBuf, String> {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        if let OnProgressType::SlowClosure(f) = &callback.on_progress {
            f(CallbackArguments {
                current_chunk: 1,
                content_length: Some(1),
            });
        }
        Ok(PathBuf::from(dir))
    }
}

struct Video {
    title: String,
}

impl Video {
    fn title(&self) -> &str {
        &self.title
    }
    fn best_quality(&self) -> Option<Stream> {
        Some(Stream)
    }
}

#[tokio::main]
async fn main() {
    let path = ".";
    let join_handle = tokio::spawn(async move {
        let video = Video {
            title: "video".into(),
        };
        let title = video.title().to_string();

        let callback = Callback::new().connect_on_progress_closure_slow(move |arg| {
            if let Some(content_length) = arg.content_length {
                println!(
                    "[{title}] download {}%",
                    (arg.current_chunk * 100) as f64 / content_length as f64
                );
            }
        });
        let path = video
            .best_quality()
            .unwrap()
            .download_to_dir_with_callback(path, callback)
            .await
            .unwrap();
        println!("downloaded video to {:?}", path);
    });
    join_handle.await.unwrap();
}
