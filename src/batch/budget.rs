//! The memory budget large inputs share: converting a page costs a few
//! times its size, so with `--jobs 6` six large pages at once would need
//! six times that. A page of [`LARGE_INPUT_BYTES`] or more takes its size
//! from [`BATCH_MEMORY_BUDGET`] for as long as it converts, and waits while
//! the budget is spent; small pages never wait. The share is taken before
//! the page is read, from its size on disk (for a gzip file, the size its
//! trailer declares), and grown once its real size is known.
//!
//! Running out of memory would abort the whole batch, so a page whose
//! least peak ([`least_peak`]) does not fit in the memory the process may
//! use ([`memory_limit`]: its address-space and data limits, its cgroup's
//! `memory.max`) is refused with an error naming it, and the budget is
//! never larger than that memory allows for the expected peak. The limit is
//! taken whole, not less what is mapped: threads' malloc arenas reserve
//! address space they never use, and counting it refused pages that convert.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::error::Error;
use crate::limits::{
    BASE_MEMORY_BYTES, BATCH_MEMORY_BUDGET, LARGE_INPUT_BYTES, LEAST_BYTES_PER_INPUT_BYTE,
    PEAK_BYTES_PER_INPUT_BYTE,
};

/// Input bytes that large pages may convert at once.
#[derive(Debug)]
pub struct Budget {
    /// Input bytes large pages may convert at once.
    total: u64,
    /// The memory the process may take ([`memory_limit`], read once).
    limit: Option<u64>,
    free: Mutex<u64>,
    freed: Condvar,
}

/// A large page's share of the budget, given back when dropped.
#[derive(Debug)]
pub struct Share<'a> {
    budget: &'a Budget,
    bytes: u64,
}

impl Default for Budget {
    fn default() -> Self {
        let limit = memory_limit();
        let fits = limit.map_or(u64::MAX, |m| {
            m.saturating_sub(BASE_MEMORY_BYTES) / PEAK_BYTES_PER_INPUT_BYTE
        });
        let total = BATCH_MEMORY_BUDGET.min(fits).max(LARGE_INPUT_BYTES);
        Budget {
            total,
            limit,
            free: Mutex::new(total),
            freed: Condvar::new(),
        }
    }
}

impl Budget {
    /// Waits until a page of `size` bytes may convert; `None` for a small
    /// page, which takes nothing. A page larger than the whole budget takes
    /// all of it.
    pub fn take(&self, size: u64) -> Option<Share<'_>> {
        if size < LARGE_INPUT_BYTES {
            return None;
        }
        let bytes = size.min(self.total);
        let mut free = self.lock();
        while *free < bytes {
            free = self
                .freed
                .wait(free)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *free -= bytes;
        Some(Share {
            budget: self,
            bytes,
        })
    }

    /// A share that covers `size` bytes: `share` when it does, else a new
    /// one (`share` is given back first, so two pages never wait for each
    /// other's share).
    pub fn grow<'a>(&'a self, share: Option<Share<'a>>, size: u64) -> Option<Share<'a>> {
        if share.as_ref().map_or(0, |s| s.bytes) >= size.min(self.total) {
            return share;
        }
        drop(share);
        self.take(size)
    }

    /// Refuses a page of `size` bytes that could not convert in the memory
    /// the process may use.
    pub fn check(&self, size: u64) -> Result<(), Error> {
        let Some(limit) = self.limit else {
            return Ok(());
        };
        let needs = least_peak(size);
        if needs <= limit {
            return Ok(());
        }
        Err(Error::Limit {
            limit: "memory",
            detail: format!(
                "needs at least {} of memory, more than the {} limit",
                gib(needs),
                gib(limit)
            ),
        })
    }

    fn lock(&self) -> MutexGuard<'_, u64> {
        self.free.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// How large the page at `path` is once read: its size on disk, or the
/// uncompressed size a gzip file's trailer declares when larger (0 when it
/// cannot be read; the reading then reports why).
pub fn size_hint(path: &Path) -> u64 {
    let Ok(mut file) = std::fs::File::open(path) else {
        return 0;
    };
    let on_disk = file.metadata().map_or(0, |m| m.len());
    let mut magic = [0u8; 2];
    let mut trailer = [0u8; 4];
    let declared = file.read_exact(&mut magic).is_ok()
        && magic == [0x1f, 0x8b]
        && file.seek(SeekFrom::End(-4)).is_ok()
        && file.read_exact(&mut trailer).is_ok();
    if declared {
        on_disk.max(u64::from(u32::from_le_bytes(trailer)))
    } else {
        on_disk
    }
}

/// The least memory converting a page of `size` bytes (after
/// decompression) takes, with the program's own.
fn least_peak(size: u64) -> u64 {
    BASE_MEMORY_BYTES.saturating_add(size.saturating_mul(LEAST_BYTES_PER_INPUT_BYTE))
}

/// The memory this process may take, when something limits it: the soft
/// address-space and data-segment limits, the cgroup's `memory.max`.
fn memory_limit() -> Option<u64> {
    let limits = [
        rlimit("Max address space"),
        rlimit("Max data size"),
        cgroup_limit(),
    ];
    limits.into_iter().flatten().min()
}

/// A soft resource limit in bytes (`Max address space`, `Max data size`
/// of `/proc/self/limits`), unless unlimited.
fn rlimit(name: &str) -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find_map(|l| l.strip_prefix(name))?;
    line.split_whitespace().next()?.parse().ok()
}

/// The process's cgroup (v2) memory limit, when it has one.
fn cgroup_limit() -> Option<u64> {
    std::fs::read_to_string("/sys/fs/cgroup/memory.max")
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// Bytes in GiB, as people write them: `1.4 GiB`, `1 GiB`.
fn gib(bytes: u64) -> String {
    let g = bytes as f64 / f64::from(1u32 << 30);
    let text = format!("{g:.1}");
    format!("{} GiB", text.strip_suffix(".0").unwrap_or(&text))
}

impl Drop for Share<'_> {
    fn drop(&mut self) {
        *self.budget.lock() += self.bytes;
        self.budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_pages_wait_for_each_other_and_small_ones_never() {
        let budget = Budget::default();
        assert!(budget.take(LARGE_INPUT_BYTES - 1).is_none());
        let whole = budget.take(budget.total * 2).expect("a share");
        assert_eq!(*budget.lock(), 0);
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| budget.take(LARGE_INPUT_BYTES).map(|s| s.bytes));
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(!waiting.is_finished(), "waits while the budget is spent");
            drop(whole);
            assert_eq!(waiting.join().unwrap(), Some(LARGE_INPUT_BYTES));
        });
        assert_eq!(*budget.lock(), budget.total);
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(gib(1 << 30), "1 GiB");
        assert_eq!(gib(1_503_238_554), "1.4 GiB");
    }
}
