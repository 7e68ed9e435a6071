//! The command line's definitions: every command, option and argument, with clap's derive.
//! Their help texts come from the translations (see `cli`); `main` runs what was asked.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use council::diag::render::Format;
use council::i18n::Lang;

#[derive(Parser)]
#[command(name = "council", version)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    #[arg(long, global = true, value_enum)]
    pub(crate) lang: Option<Lang>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    Check {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        #[arg(long)]
        deny_warnings: bool,
        #[arg(long, value_name = "RULE")]
        explain: Option<String>,
    },
    Audit {
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        #[arg(long)]
        deny_warnings: bool,
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
    Log {
        matter: String,
        path: Option<PathBuf>,
        #[arg(long = "path", value_name = "PATH", hide = true)]
        path_option: Option<PathBuf>,
    },
    Verify {
        path: Option<PathBuf>,
        #[arg(long, value_name = "DIR")]
        site: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: StatusFormat,
    },
    Serve {
        path: Option<PathBuf>,
        #[arg(long, short)]
        port: Option<u16>,
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
    Init {
        dir: Option<PathBuf>,
    },
    New {
        #[command(subcommand)]
        record: NewCommand,
    },
    Status {
        path: Option<PathBuf>,
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        #[arg(long, value_enum, default_value = "human")]
        format: StatusFormat,
    },
    Hook {
        #[command(subcommand)]
        action: HookCommand,
    },
    Build {
        path: Option<PathBuf>,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        #[arg(long)]
        base_url: Option<String>,
    },
    Aggregate {
        dir: Option<PathBuf>,
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        #[arg(long, value_name = "SECONDS", default_value_t = 30)]
        timeout: u64,
        #[arg(long, value_name = "MIB", default_value_t = 512)]
        max_size: u64,
    },
}

#[derive(Subcommand)]
pub(crate) enum NewCommand {
    Proposal {
        council: String,
        #[arg(long)]
        title: String,
        #[arg(long)]
        proposer: Option<String>,
        #[arg(long)]
        channel: Option<String>,
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    Meeting {
        council: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    Feedback {
        matter: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    Report {
        matter: String,
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
}

#[derive(Subcommand)]
pub(crate) enum HookCommand {
    Install { path: Option<PathBuf> },
    PreCommit { path: Option<PathBuf> },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum StatusFormat {
    Human,
    Json,
}

/// The words of a bad date are the localized error of `cli::parse_error`.
pub(crate) fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>().map_err(|_| s.to_string())
}

impl Command {
    /// The folder the command works on, to find the site's languages.
    pub(crate) fn site_path(&self) -> Option<&Path> {
        fn or_here(p: &Option<PathBuf>) -> Option<&Path> {
            Some(p.as_deref().unwrap_or(Path::new(".")))
        }
        match self {
            Command::Check { path, .. }
            | Command::Audit { path, .. }
            | Command::Serve { path, .. }
            | Command::Status { path, .. }
            | Command::Build { path, .. } => or_here(path),
            Command::Log {
                path, path_option, ..
            } => or_here(if path.is_some() { path } else { path_option }),
            Command::Verify { path, .. } => or_here(path),
            Command::New { record } => Some(match record {
                NewCommand::Proposal { path, .. }
                | NewCommand::Meeting { path, .. }
                | NewCommand::Report { path, .. }
                | NewCommand::Feedback { path, .. } => path,
            }),
            Command::Hook { action } => match action {
                HookCommand::Install { path } | HookCommand::PreCommit { path } => or_here(path),
            },
            Command::Init { .. } | Command::Aggregate { .. } => None,
        }
    }
}
