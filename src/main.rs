//! The `galley` binary: parses arguments, calls the library, prints errors and
//! maps them to the contract's exit codes (0 all converted, 1 some inputs
//! failed, 2 bad usage).

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use galley::batch::{Job, Notice};
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
        Err(err) => {
            eprintln!("galley: {err}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> galley::Result<ExitCode> {
    match cli.command {
        Command::Convert(args) => {
            let job = Job::from(*args);
            let summary = galley::batch::convert(&job, &mut |notice| match notice {
                Notice::Failure(failure) => eprintln!("galley: {failure}"),
                Notice::Warning { input, message } => {
                    eprintln!("galley: warning: {input}: {message}")
                }
            })?;
            Ok(if summary.failures == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Inspect { input } => match read::read_path(std::path::Path::new(&input)) {
            Ok(docs) => {
                for doc in &docs {
                    print!("{}", galley::inspect::summary(&doc.article));
                }
                Ok(ExitCode::SUCCESS)
            }
            Err(error) => {
                eprintln!("galley: {}", galley::Failure { input, error });
                Ok(ExitCode::from(1))
            }
        },
        Command::Schema => {
            let schema = schemars::schema_for!(galley::Article);
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&schema).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "galley", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Templates { name } => {
            let text = match name {
                Some(name) => galley::write::template::builtin_source(&name)?.to_string(),
                None => galley::write::template::listing(),
            };
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .map_err(Error::Stdout)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Manpage => {
            let man = clap_mangen::Man::new(Cli::command());
            man.render(&mut std::io::stdout()).map_err(Error::Stdout)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
