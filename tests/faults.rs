//! Faults injected for real around a batch: standard output on a full
//! device or a closed pipe, Ctrl-C, SIGTERM and `kill -9` midway through a
//! folder, galley's own outputs left in the inputs' folders, two inputs
//! wanting one output name, a folder with an unreadable subfolder, broken
//! links and a name that is not UTF-8, options that cannot work. Nothing may
//! be lost silently: every case ends in a line on standard error, an entry in
//! the report, or an exit status that says so.

mod support;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use support::{galley, names_below, page, put, warc_response};

/// The binary under test, as a plain process (for signals and pipes).
fn galley_process() -> Command {
    Command::new(env!("CARGO_BIN_EXE_galley"))
}

/// A folder of `n` small pages, each with its own words.
fn pages(dir: &Path, n: usize) {
    for i in 0..n {
        put(
            &dir.join(format!("story-{i:04}.html")),
            page(&format!("Story {i}"), &format!("plan number {i}")),
        );
    }
}

/// Temporary files and journals among `names`.
fn leftovers(names: &[String]) -> Vec<&String> {
    names
        .iter()
        .filter(|n| n.contains("galley-tmp") || n.contains("journal"))
        .collect()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
#[cfg(target_os = "linux")]
fn standard_output_on_a_full_device_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("page.html"), page("Full Disk", "the plan"));
    for args in [
        &["convert", "page.html", "--to", "md", "-o", "-"][..],
        &["inspect", "page.html"],
        &["schema"],
        &["completions", "bash"],
        &["manpage", "convert"],
    ] {
        let output = galley_process()
            .current_dir(dir.path())
            .args(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("standard output"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_reader_that_goes_away_ends_galley_quietly() {
    let dir = tempfile::tempdir().unwrap();
    pages(&dir.path().join("in"), 40);
    for args in [
        &["convert", "in", "--to", "json", "-o", "-", "--quiet"][..],
        &["inspect", "in/story-0000.html"],
        &["completions", "bash"],
        &["manpage"],
        &["schema"],
    ] {
        let mut child = galley_process()
            .current_dir(dir.path())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader closes its end before reading anything (`| head -0`).
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("error"), "{args:?}: {stderr}");
    }
    assert!(
        !dir.path().join("in/.galley-manifest.json").exists(),
        "a run to standard output writes nothing into the inputs' folder"
    );
}

/// A batch over `n` pages, one at a time, that is stopped by `signal` as
/// soon as its first input is recorded.
struct Interrupted {
    dir: tempfile::TempDir,
    /// Exit code (`None`: killed).
    code: Option<i32>,
    /// Inputs the journal recorded before the signal was sent.
    recorded_before: usize,
}

const PAGES: usize = 150;

fn interrupt_with(signal: i32) -> Interrupted {
    let dir = tempfile::tempdir().unwrap();
    pages(&dir.path().join("in"), PAGES);
    let mut child: Child = galley_process()
        .current_dir(dir.path())
        .args([
            "convert", "in", "--to", "md,pdf", "-o", "out", "--jobs", "1",
        ])
        .args(["--report", "report.json", "--quiet"])
        .spawn()
        .unwrap();
    let journal = dir.path().join("out/.galley-manifest.journal");
    let started = Instant::now();
    while !journal.exists() && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    let recorded_before = std::fs::read_to_string(&journal)
        .unwrap_or_default()
        .lines()
        .count();
    // SAFETY: kill(2) on our own child's pid, which has not been waited for.
    unsafe { libc::kill(child.id() as i32, signal) };
    let status = child.wait().unwrap();
    Interrupted {
        dir,
        code: status.code(),
        recorded_before,
    }
}

/// Runs the same batch again and returns its report's summary.
fn rerun(dir: &Path) -> Value {
    galley()
        .current_dir(dir)
        .args(["convert", "in", "--to", "md,pdf", "-o", "out"])
        .args(["--report", "again.json", "--quiet"])
        .assert()
        .code(0);
    read_json(&dir.join("again.json"))["summary"].clone()
}

fn count(value: &Value, key: &str) -> usize {
    value[key].as_u64().unwrap() as usize
}

#[test]
#[cfg(unix)]
fn ctrl_c_and_sigterm_finish_the_inputs_in_flight_and_a_rerun_resumes() {
    for (signal, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let run = interrupt_with(signal);
        let dir = run.dir.path();
        assert_eq!(run.code, Some(code), "signal {signal}");
        // The report is complete and names what was done.
        let report = read_json(&dir.join("report.json"));
        let done = count(&report["summary"], "converted");
        assert!((1..PAGES).contains(&done), "{done} of {PAGES} done");
        assert_eq!(report["inputs"].as_array().unwrap().len(), done);
        // Every input reported converted has both outputs.
        for row in report["inputs"].as_array().unwrap() {
            for output in row["outputs"].as_array().unwrap() {
                assert!(dir.join(output.as_str().unwrap()).exists(), "{row}");
            }
        }
        // The journal was folded into the manifest; no temporary file is left.
        let names = names_below(dir);
        assert!(names.contains(&".galley-manifest.json".to_string()));
        assert_eq!(leftovers(&names), Vec::<&String>::new());
        // The rerun skips exactly what was done.
        let summary = rerun(dir);
        assert_eq!(count(&summary, "skipped"), done, "signal {signal}");
        assert_eq!(count(&summary, "converted"), PAGES - done);
    }
}

#[test]
#[cfg(unix)]
fn after_kill_9_a_rerun_redoes_at_most_the_inputs_in_flight() {
    let run = interrupt_with(libc::SIGKILL);
    let dir = run.dir.path();
    assert_eq!(run.code, None, "killed");
    assert!(run.recorded_before >= 1);
    let summary = rerun(dir);
    assert!(
        count(&summary, "skipped") >= run.recorded_before,
        "{summary} after {} recorded",
        run.recorded_before
    );
    assert_eq!(
        count(&summary, "skipped") + count(&summary, "converted"),
        PAGES
    );
    assert_eq!(leftovers(&names_below(dir)), Vec::<&String>::new());
}

/// A WARC holding one page, for `url`, about `marker`.
fn one_page_warc(path: &Path, url: &str, marker: &str) {
    put(
        path,
        warc_response(
            url,
            "Content-Type: text/html\r\n",
            page("Archived Story", marker).as_bytes(),
        ),
    );
}

#[test]
fn galleys_own_outputs_are_never_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("saved");
    put(&folder.join("story.html"), page("Own Outputs", "the plan"));
    one_page_warc(
        &folder.join("crawl.warc"),
        "https://news.example/wire",
        "the wire plan",
    );
    let convert = |to: &str| {
        galley()
            .arg("convert")
            .arg(&folder)
            .args(["--to", to, "--quiet"])
            .assert()
            .code(0);
    };
    convert("json");
    convert("md");
    convert("json,md");
    // Even with the manifest gone, galley knows its outputs by their names.
    std::fs::remove_file(folder.join(".galley-manifest.json")).unwrap();
    convert("md");
    let mut names = names_below(&folder);
    names.sort();
    let mut expected = vec![
        ".galley-manifest.json",
        "crawl.warc",
        "news.example_wire.json",
        "news.example_wire.md",
        "story.html",
        "story.json",
        "story.md",
    ];
    expected.sort();
    assert_eq!(names, expected);
}

#[test]
fn bundles_and_standard_output_write_nothing_into_the_inputs_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("saved");
    pages(&folder, 2);
    galley()
        .arg("convert")
        .arg(&folder)
        .arg("--bundle")
        .arg(dir.path().join("week.epub"))
        .arg("--quiet")
        .assert()
        .code(0);
    galley()
        .arg("convert")
        .arg(&folder)
        .args(["--to", "json", "-o", "-", "--quiet"])
        .assert()
        .code(0);
    let mut names = names_below(&folder);
    names.sort();
    assert_eq!(names, ["story-0000.html", "story-0001.html"]);
}

#[test]
fn two_inputs_never_write_the_same_output() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    // A WARC record for https://page/ and a page file both want crawl/page.md.
    one_page_warc(
        &folder.join("crawl.warc"),
        "https://page/",
        "the archived plan",
    );
    put(
        &folder.join("crawl/page.html"),
        page("From The Folder", "the folder plan"),
    );
    // Standard input and stdin.html both want stdin.md.
    put(&folder.join("stdin.html"), page("A File", "the file plan"));
    let assert = galley()
        .current_dir(dir.path())
        .args(["convert", "in", "-", "-o", "out", "--report", "r.json"])
        .write_stdin(page("Piped In", "the piped plan"))
        .assert()
        .code(0);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let read = |name: &str| std::fs::read_to_string(dir.path().join("out").join(name)).unwrap();
    assert!(read("crawl/page.md").contains("the folder plan"));
    assert!(read("crawl/page-2.md").contains("the archived plan"));
    assert!(read("stdin.md").contains("the file plan"));
    assert!(read("stdin-2.md").contains("the piped plan"));
    // Both renamings are said, on standard error and in the report.
    assert!(stderr.contains("page-2"), "{stderr}");
    assert!(stderr.contains("stdin-2"), "{stderr}");
    let report = std::fs::read_to_string(dir.path().join("r.json")).unwrap();
    assert!(report.contains("page-2") && report.contains("stdin-2"));
    // The same run again names them the same way.
    galley()
        .current_dir(dir.path())
        .args(["convert", "in", "-", "-o", "out", "--force", "--quiet"])
        .write_stdin(page("Piped In", "the piped plan"))
        .assert()
        .code(0);
    assert!(read("crawl/page-2.md").contains("the archived plan"));
    assert!(read("stdin-2.md").contains("the piped plan"));
}

/// Runs galley as an unprivileged user when the tests run as root (who
/// reads every folder whatever its mode).
fn as_unprivileged(dir: &Path) -> Command {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return galley_process();
    }
    let mode = |path: &Path, bits| {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(bits)).unwrap();
    };
    mode(dir, 0o777);
    let mut command = Command::new("setpriv");
    command
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_galley"));
    command
}

#[test]
#[cfg(target_os = "linux")]
fn the_walk_reports_what_it_passes_over_and_converts_any_name() {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    put(
        &folder.join("good.html"),
        page("Good Story", "the good plan"),
    );
    put(&folder.join("locked/inside.html"), page("Locked", "hidden"));
    std::fs::set_permissions(
        folder.join("locked"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let latin1 = folder.join(std::ffi::OsStr::from_bytes(b"caf\xe9.html"));
    put(&latin1, page("Cafe Story", "the cafe plan"));
    symlink(folder.join("gone.html"), folder.join("dangling.html")).unwrap();
    symlink(folder.join("loop.html"), folder.join("loop.html")).unwrap();
    let output = as_unprivileged(dir.path())
        .current_dir(dir.path())
        .args(["convert", "in", "-o", "out", "--report", "report.json"])
        .output()
        .unwrap();
    std::fs::set_permissions(
        folder.join("locked"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for (path, reason) in [
        ("in/locked", "cannot read the folder"),
        ("in/dangling.html", "a link to nothing"),
        ("in/loop.html", "a link loop"),
        ("caf", "not UTF-8"),
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(path)).collect();
        assert_eq!(lines.len(), 1, "{path}: {stderr}");
        assert!(lines[0].contains(reason), "{path}: {stderr}");
    }
    // The name that is not UTF-8 was converted, its outputs named plainly.
    let out = std::fs::read_to_string(dir.path().join("out/caf\u{FFFD}.md")).unwrap();
    assert!(out.contains("the cafe plan"));
    assert!(dir.path().join("out/good.md").exists());
    let report = read_json(&dir.path().join("report.json"));
    let rows = report["inputs"].as_array().unwrap();
    assert_eq!(rows.len(), 5, "{report}");
    assert_eq!(count(&report["summary"], "failed"), 3);
}

#[test]
fn a_folder_without_any_input_says_so() {
    let dir = tempfile::tempdir().unwrap();
    put(&dir.path().join("pictures/logo.png"), b"\x89PNG\r\n\x1a\n");
    galley()
        .current_dir(dir.path())
        .args(["convert", "pictures"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "galley: pictures: no input found in this folder",
        ));
}

#[test]
fn options_are_checked_once_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    pages(&dir.path().join("in"), 30);
    put(&dir.path().join("taken.md"), "a file");
    let usage = |args: &[&str], says: &str| {
        let assert = galley().current_dir(dir.path()).args(args).assert().code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.lines().count() <= 6, "one message: {stderr}");
        assert!(!dir.path().join("out").exists(), "{args:?} did work");
    };
    usage(
        &[
            "convert", "in", "--to", "epub", "-o", "out", "--css", "no.css",
        ],
        "--css no.css: cannot read",
    );
    usage(
        &["convert", "in", "--to", "pdf", "-o", "out", "--font", "in"],
        "--font in: cannot read",
    );
    usage(
        &["convert", "in", "--title", "Week", "-o", "out"],
        "--bundle",
    );
    usage(
        &["convert", "in", "--bundle", "x.pdf", "-o", "-"],
        "--bundle writes a file",
    );
    usage(
        &["convert", "in", "-o", "taken.md"],
        "-o taken.md is a file",
    );
    galley()
        .current_dir(dir.path())
        .args(["convert", "in/story-0001.html", "--to", "pdf", "-o", "out"])
        .args(["--page-size", "A4", "--jobs", "100000", "--quiet"])
        .assert()
        .code(0);
    assert!(dir.path().join("out/story-0001.pdf").exists());
}

#[test]
fn a_batch_ends_with_one_summary_line_also_when_all_was_skipped() {
    let dir = tempfile::tempdir().unwrap();
    pages(&dir.path().join("in"), 3);
    let summary = |expected: &str| {
        let assert = galley()
            .current_dir(dir.path())
            .args(["convert", "in", "-o", "out"])
            .assert()
            .code(0);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{stderr}");
        assert!(lines[0].starts_with(expected), "{stderr}");
        assert!(lines[0].ends_with(" s"), "{stderr}");
    };
    summary("galley: 3 converted, 0 skipped, 0 partly converted, 0 failed, 0 warnings in ");
    summary("galley: 0 converted, 3 skipped, 0 partly converted, 0 failed, 0 warnings in ");
    galley()
        .current_dir(dir.path())
        .args(["convert", "in", "-o", "out", "--force", "--quiet"])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn every_subcommand_has_a_man_page_with_its_options_and_exit_status() {
    for (command, option) in [
        ("convert", "\\-\\-jobs"),
        ("inspect", "INPUT"),
        ("schema", "galley\\-schema"),
        ("completions", "SHELL"),
        ("manpage", "COMMAND"),
    ] {
        let output = galley_process()
            .args(["manpage", command])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{command}");
        let roff = String::from_utf8_lossy(&output.stdout);
        assert!(roff.contains(option), "{command}: {roff}");
        assert!(roff.contains(".SH \"EXIT STATUS\""), "{command}");
    }
    let convert = galley_process()
        .args(["manpage", "convert"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&convert.stdout).contains("130, 143"));
    galley()
        .args(["manpage", "nonsense"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("known: convert"));
}

#[test]
fn help_speaks_of_no_contract() {
    for args in [
        &["--help"][..],
        &["convert", "--help"],
        &["convert", "-h"],
        &["inspect", "--help"],
    ] {
        let output = galley_process().args(args).output().unwrap();
        let help = String::from_utf8_lossy(&output.stdout).to_lowercase();
        assert!(!help.contains("contract"), "{args:?}: {help}");
    }
}
