//! Every read composition: store calls composed into model views, each in one round trip
//! where it can be. One resource at a revision and a whole type (`resource`), the jobs
//! listing (`jobs`), finding a job in the queue or its history (`locate`), a job's full
//! view (`job`), versions to diff (`versions`), a resource's timeline (`history`), the
//! audit trail (`audit`), the fleet check (`check`) and the live fleet view behind `top`
//! and `exporter` (`live`).

pub mod audit;
pub mod blocking;
pub mod check;
pub mod counts;
pub mod history;
pub mod ids;
pub mod job;
pub mod jobs;
pub mod live;
pub mod locate;
pub mod resource;
pub mod versions;

#[cfg(test)]
mod history_tests;
