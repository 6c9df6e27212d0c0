//! The `galley` binary: parses arguments, calls the library, prints errors and
//! maps them to the documented exit codes (0 all converted, 1 some inputs
//! failed, 2 bad usage, 128 + the signal's number when interrupted). A reader
//! of standard output that went away (`| head`) ends galley quietly.

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use galley::batch::{Interrupt, Job, Notice};
use galley::cli::{Cli, Command};
use galley::error::Error;
use galley::read;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Error::Usage(msg)) => {
            eprintln!("galley: {msg}");
            ExitCode::from(2)
        }
        Err(Error::Stdout(err)) if err.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("galley: {err}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> galley::Result<ExitCode> {
    match cli.command {
        Command::Convert(args) => {
            let mut job = Job::try_from(*args)?;
            job.interrupt = interrupt_on_signals();
            let summary = galley::batch::convert(&job, &mut |notice| match notice {
                Notice::Failure(failure) => eprintln!("galley: {failure}"),
                Notice::Warning { input, message } => {
                    eprintln!("galley: warning: {input}: {message}")
                }
            })?;
            if !job.quiet {
                eprintln!("galley: {summary}");
            }
            Ok(match summary.interrupted {
                Some(signal) => ExitCode::from(128u8.saturating_add(signal)),
                None if summary.failures == 0 => ExitCode::SUCCESS,
                None => ExitCode::from(1),
            })
        }
        Command::Inspect { input } => match read::read_path(std::path::Path::new(&input)) {
            Ok(docs) => {
                print_stdout(galley::inspect::summaries(&docs).as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => {
                eprintln!("galley: {}", galley::Failure { input, error });
                Ok(ExitCode::from(1))
            }
        },
        Command::Schema => {
            let schema = schemars::schema_for!(galley::Article);
            let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            text.push('\n');
            print_stdout(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "galley", &mut script);
            print_stdout(&script)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { name } => {
            let text = match name {
                Some(name) => galley::write::template::builtin_source(&name)?.to_string(),
                None => galley::write::template::listing(),
            };
            print_stdout(text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Manpage { command } => {
            print_stdout(&galley::cli::man_page(command.as_deref())?)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes all of `bytes` to standard output; a write error is
/// [`Error::Stdout`] (a closed pipe among them, which `main` keeps quiet).
fn print_stdout(bytes: &[u8]) -> galley::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(Error::Stdout)
}

/// Ctrl-C and SIGTERM stop a batch after the inputs in flight; a second
/// one ends galley at once (with the same exit code).
fn interrupt_on_signals() -> Interrupt {
    let interrupt = Interrupt::default();
    let again = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        // Registering fails only for signals that cannot be caught; these can.
        let _ = signal_hook::flag::register_conditional_shutdown(
            signal,
            128 + signal,
            std::sync::Arc::clone(&again),
        );
        let _ = signal_hook::flag::register(signal, std::sync::Arc::clone(&again));
        let _ = signal_hook::flag::register_usize(signal, interrupt.flag(), signal as usize);
    }
    interrupt
}
