//! The memory budget large inputs share: converting a page costs a few
//! times its size, so with `--jobs 6` six large pages at once would need
//! six times that. A page of [`LARGE_INPUT_BYTES`] or more takes its size
//! from [`BATCH_MEMORY_BUDGET`] for as long as it converts, and waits while
//! the budget is spent; small pages never wait. The share is taken before
//! the page is read, from its size on disk (for a gzip file, the size its
//! trailer declares), and grown once its real size is known.
//!
//! Running out of memory would abort the whole batch, so a page whose
//! estimated peak ([`peak_estimate`]) does not fit in the memory the
//! process may use ([`available_memory`]: its address-space and data
//! limits, its cgroup's `memory.max`) is refused with an error naming it,
//! and the budget is never larger than that memory allows.

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::error::Error;
use crate::limits::{
    BASE_MEMORY_BYTES, BATCH_MEMORY_BUDGET, LARGE_INPUT_BYTES, PEAK_BYTES_PER_INPUT_BYTE,
};

/// Input bytes that large pages may convert at once.
#[derive(Debug)]
pub struct Budget {
    /// Input bytes large pages may convert at once.
    total: u64,
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
        let fits = available_memory().map_or(u64::MAX, |m| {
            m.saturating_sub(BASE_MEMORY_BYTES) / PEAK_BYTES_PER_INPUT_BYTE
        });
        let total = BATCH_MEMORY_BUDGET.min(fits).max(LARGE_INPUT_BYTES);
        Budget {
            total,
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

    /// Refuses a page of `size` bytes whose peak would not fit in the memory
    /// the process may use.
    pub fn check(&self, size: u64) -> Result<(), Error> {
        let Some(available) = available_memory() else {
            return Ok(());
        };
        let needs = peak_estimate(size);
        if needs <= available {
            return Ok(());
        }
        Err(Error::Limit {
            limit: "memory",
            detail: format!(
                "needs about {} of memory, more than the {} available",
                gib(needs),
                gib(available)
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

/// The most memory converting a page of `size` bytes (after decompression)
/// takes, with the program's own.
pub fn peak_estimate(size: u64) -> u64 {
    BASE_MEMORY_BYTES.saturating_add(size.saturating_mul(PEAK_BYTES_PER_INPUT_BYTE))
}

/// The memory this process may still take, when something limits it: the
/// soft address-space and data-segment limits less what it has mapped, and
/// the cgroup's `memory.max` less what the cgroup uses.
pub fn available_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map_or(0, |k| k * 1024)
    };
    let mapped = kib("VmSize:");
    let limits = [
        rlimit("Max address space").map(|l| l.saturating_sub(mapped)),
        rlimit("Max data size").map(|l| l.saturating_sub(kib("VmData:"))),
        cgroup_room(),
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

/// What the process's cgroup (v2) may still take, when it has a limit.
fn cgroup_room() -> Option<u64> {
    let read = |name: &str| {
        std::fs::read_to_string(format!("/sys/fs/cgroup/{name}"))
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
    };
    let max = read("memory.max")?;
    Some(max.saturating_sub(read("memory.current").unwrap_or(0)))
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
