//! Waiting for runs and jobs, and following a run's logs.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::time::Duration;

use bce_core::{Error, WaitState, Waiter};
use futures::stream::{self, Stream, StreamExt};

use crate::client::Client;
use crate::job::Job;
use crate::log::ShowLogRequest;
use crate::model::{JobStatus, LogFilePosition, RunStatus};
use crate::run::Run;

/// Lines per log page (the server's maximum).
const LOG_PAGE: u32 = 100;
/// Pages read for one job in one poll at most (a guard against a server
/// that always says another page follows).
const MAX_PAGES_PER_POLL: u32 = 1000;

fn judge_run(run: &Run, wanted: &[RunStatus]) -> WaitState {
    if wanted
        .iter()
        .any(|w| w.as_str().eq_ignore_ascii_case(run.status.as_str()))
    {
        WaitState::Done
    } else if run.status.is_final() {
        WaitState::Failed(if run.run_msg.is_empty() {
            format!("run ended in state {}", run.status)
        } else {
            run.run_msg.clone()
        })
    } else {
        WaitState::Pending
    }
}

/// One line of a run's log.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LogLine {
    /// The job (step) that wrote it.
    pub job_id: String,
    /// The task (pod and container) that wrote it.
    pub task_id: String,
    /// The line, without its line break.
    pub line: String,
}

struct Follow<'a> {
    client: &'a Client,
    run_id: String,
    interval: Duration,
    /// Lines already returned per (job, task), counted from the start.
    emitted: BTreeMap<(String, String), u64>,
    /// Jobs that had ended when their log was last read in full.
    drained: BTreeSet<String>,
    polled: bool,
    done: bool,
}

impl Follow<'_> {
    /// One poll: the run's state, then every new line of every job.
    async fn poll(&mut self) -> Result<(Vec<LogLine>, bool), Error> {
        let run = self.client.show_run(&self.run_id).await?;
        let finished = run.status.is_final();
        let mut jobs: Vec<(String, bool)> = Vec::new();
        for node in run.nodes() {
            if !node.job_id.is_empty() && !jobs.iter().any(|(j, _)| j == &node.job_id) {
                jobs.push((node.job_id.clone(), node.status.is_final()));
            }
        }
        let mut out = Vec::new();
        for (job, job_final) in jobs {
            if self.drained.contains(&job) {
                continue;
            }
            let lowest = self
                .emitted
                .iter()
                .filter(|((j, _), _)| j == &job)
                .map(|(_, n)| *n)
                .min()
                .unwrap_or(0);
            let mut page = u32::try_from(lowest / u64::from(LOG_PAGE))
                .unwrap_or(u32::MAX - MAX_PAGES_PER_POLL)
                .saturating_add(1);
            for _ in 0..MAX_PAGES_PER_POLL {
                let request = ShowLogRequest {
                    job_id: Some(job.clone()),
                    page_size: Some(LOG_PAGE),
                    page_no: Some(page),
                    log_file_position: Some(LogFilePosition::Begin),
                };
                let answer = self.client.show_log(&self.run_id, &request).await?;
                let first = u64::from(page - 1) * u64::from(LOG_PAGE);
                let mut more = false;
                for job_log in answer
                    .run_log
                    .iter()
                    .filter(|l| l.job_id == job || l.job_id.is_empty())
                {
                    for task in &job_log.task_list {
                        let seen = self
                            .emitted
                            .entry((job.clone(), task.task_id.clone()))
                            .or_insert(0);
                        let lines: Vec<&str> = task.log_info.log_content.lines().collect();
                        for (i, line) in lines.iter().enumerate() {
                            let index = first + i as u64;
                            if index >= *seen {
                                out.push(LogLine {
                                    job_id: job.clone(),
                                    task_id: task.task_id.clone(),
                                    line: (*line).to_owned(),
                                });
                                *seen = index + 1;
                            }
                        }
                        if task.log_info.has_next_page && lines.len() >= LOG_PAGE as usize {
                            more = true;
                        }
                    }
                }
                if !more {
                    break;
                }
                page = page.saturating_add(1);
            }
            if job_final {
                self.drained.insert(job);
            }
        }
        Ok((out, finished))
    }
}

impl Client {
    /// Polls [`Client::show_run`] until the run is in one of `wanted`; fails
    /// fast (with the run's message) when it reaches another final state
    /// (`succeeded`, `failed`, `terminated`, `skipped`).
    pub async fn wait_for_run_status(
        &self,
        run_id: &str,
        wanted: &[RunStatus],
        waiter: &Waiter,
    ) -> Result<Run, Error> {
        waiter
            .wait(
                || self.show_run(run_id),
                |run| judge_run(run, wanted),
                |run| run.status.to_string(),
            )
            .await
    }

    /// Waits until the run ends: `Ok` when it succeeded (or was skipped),
    /// [`Error::WaitFailed`] as soon as it failed or was terminated,
    /// [`Error::WaitTimeout`] when `waiter`'s deadline passes.
    pub async fn wait_for_run(&self, run_id: &str, waiter: &Waiter) -> Result<Run, Error> {
        self.wait_for_run_status(run_id, &[RunStatus::Succeeded, RunStatus::Skipped], waiter)
            .await
    }

    /// Waits until a job ends: `Ok` when it succeeded, [`Error::WaitFailed`]
    /// as soon as it failed, was terminated, cancelled or skipped.
    pub async fn wait_for_job(&self, job_id: &str, waiter: &Waiter) -> Result<Job, Error> {
        waiter
            .wait(
                || self.show_job(job_id),
                |job| {
                    if job.status == JobStatus::Succeeded {
                        WaitState::Done
                    } else if job.status.is_final() {
                        WaitState::Failed(if job.message.is_empty() {
                            format!("job ended in state {}", job.status)
                        } else {
                            job.message.clone()
                        })
                    } else {
                        WaitState::Pending
                    }
                },
                |job| job.status.to_string(),
            )
            .await
    }

    /// A stream of the log lines of every job of a run, new lines as they
    /// appear, ending after the run has ended and its logs are read.
    ///
    /// Every `interval` it reads the run's state ([`Client::show_run`]) and
    /// then, per job, the log pages from the first line not yet returned
    /// ([`Client::show_log`], 100 lines per page from the beginning), so
    /// nothing is repeated or skipped. Retryable errors are yielded and
    /// polling goes on; another error is yielded and ends the stream.
    pub fn follow_run_logs(
        &self,
        run_id: &str,
        interval: Duration,
    ) -> impl Stream<Item = Result<LogLine, Error>> + '_ {
        let state = Follow {
            client: self,
            run_id: run_id.to_owned(),
            interval,
            emitted: BTreeMap::new(),
            drained: BTreeSet::new(),
            polled: false,
            done: false,
        };
        stream::unfold(state, |mut st| async move {
            if st.done {
                return None;
            }
            if st.polled {
                tokio::time::sleep(st.interval).await;
            }
            st.polled = true;
            let batch: VecDeque<Result<LogLine, Error>> = match st.poll().await {
                Ok((lines, finished)) => {
                    st.done = finished;
                    lines.into_iter().map(Ok).collect()
                }
                Err(e) => {
                    st.done = !e.is_retryable();
                    VecDeque::from([Err(e)])
                }
            };
            Some((stream::iter(batch), st))
        })
        .flatten()
    }
}
