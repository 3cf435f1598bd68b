// Rebuilt from lholden/job_scheduler#20, "`dyn std::ops::FnMut()` cannot be sent between
// threads safely" (see eval/real/MANIFEST.toml), with the crate's `JobScheduler` and `Job` in
// its own shape (`run: Box<dyn FnMut() + 'a>`) and tokio 1's `sleep` for 0.2's `delay_for`.
use std::time::Duration;
use tokio::time::sleep;

pub struct Job<'a> {
    schedule: String,
    run: Box<dyn FnMut() + 'a>,
}

impl<'a> Job<'a> {
    pub fn new<T: FnMut() + 'a>(schedule: String, run: T) -> Job<'a> {
        Job {
            schedule,
            run: Box::new(run),
        }
    }
}

#[derive(Default)]
pub struct JobScheduler<'a> {
    jobs: Vec<Job<'a>>,
}

impl<'a> JobScheduler<'a> {
    pub fn new() -> JobScheduler<'a> {
        JobScheduler { jobs: Vec::new() }
    }
    pub fn add(&mut self, job: Job<'a>) {
        self.jobs.push(job);
    }
    pub fn tick(&mut self) {
        for job in &mut self.jobs {
            let _ = &job.schedule;
            (job.run)();
        }
    }
}

#[tokio::main]
async fn main() {
    let mut scheduler = JobScheduler::new();
    scheduler.add(Job::new("1/1 * * * * * *".into(), || {
        dbg!("hello");
    }));
    tokio::spawn(async move {
        loop {
            scheduler.tick();
            sleep(Duration::from_millis(500)).await;
        }
    })
    .await
    .unwrap();
}
