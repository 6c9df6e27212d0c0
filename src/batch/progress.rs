//! The progress bar: counts, rate and ETA on a terminal, nothing otherwise
//! (standard error is not a terminal, or `--quiet`). The total is set once
//! the run has named every input's outputs; the bar spins until then.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// How often the bar is redrawn: often enough to look alive, rarely
/// enough to cost nothing.
const REFRESH_PER_SECOND: u8 = 8;

/// A progress bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar on standard error when `visible`.
    pub fn new(visible: bool) -> Progress {
        let bar = visible.then(|| {
            let bar = ProgressBar::with_draw_target(
                None,
                ProgressDrawTarget::stderr_with_hz(REFRESH_PER_SECOND),
            );
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} [{bar:30}] {pos}/{len} inputs  {rate}  ETA {eta}  {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key("rate", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    // Inputs done over time spent: skipped inputs count too,
                    // so a rerun that skips most shows how fast it really goes.
                    let seconds = state.elapsed().as_secs_f64().max(f64::EPSILON);
                    let _ = write!(w, "{:.1}/s", state.pos() as f64 / seconds);
                })
                .progress_chars("=> "),
            );
            bar.enable_steady_tick(Duration::from_millis(250));
            bar
        });
        Progress { bar }
    }

    /// Sets the number of inputs once it is known.
    pub fn set_total(&self, total: u64) {
        if let Some(bar) = &self.bar {
            bar.set_length(total);
        }
    }

    /// One more input done; `failed` counts shown beside the bar.
    pub fn advance(&self, failed: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
            if failed > 0 {
                bar.set_message(format!("{failed} failed"));
            }
        }
    }

    /// Runs `f` (which prints) with the bar out of the way.
    pub fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
