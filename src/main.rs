//! The `council` command line: parse arguments, call the library, print, exit.
//!
//! Exit codes: 0 when the run found nothing that fails it, 1 when it found errors (or
//! warnings with `--deny-warnings`), 2 when it could not run (no site.toml, a bad path or
//! argument).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jiff::civil::Date;

use council::diag::Tally;
use council::diag::render::{self, Format};
use council::{Error, check, rules};

#[derive(Parser)]
#[command(
    name = "council",
    version,
    about = "Validate, audit and publish the records of grid consultation councils"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the records and report every problem
    Check {
        /// The site folder (default: the current folder or the nearest parent with site.toml)
        path: Option<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// The day to judge deadlines by (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        deny_warnings: bool,
        /// Print the documentation of a rule and exit
        #[arg(long, value_name = "RULE")]
        explain: Option<String>,
        /// The language of `--explain`: en or zh
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Check the git history of the records: who changed what, when, and whether they could
    Audit {
        /// The site folder (default: the current folder or the nearest parent with site.toml)
        path: Option<PathBuf>,
        /// Output format
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Only commits after this revision (a commit id, tag or branch)
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        deny_warnings: bool,
    },
    /// The story of one matter from git: `council log huangtai/grid-03/2025-001`
    Log {
        /// `<council key>/<id>`
        matter: String,
        /// The site folder (default: the current folder or the nearest parent with site.toml)
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    /// Preview the site while you edit: rebuilds on change and reloads open pages
    Serve {
        /// The site folder (default: the current folder or the nearest parent with site.toml)
        path: Option<PathBuf>,
        /// The port (default 1111, or a free one when it is taken; 0 for any free port)
        #[arg(long, short)]
        port: Option<u16>,
        /// The address to listen on; anything but 127.0.0.1 lets other computers see the preview
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The day the site is shown as of (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
    /// Start a new council repository that passes `council check` at once
    Init {
        /// The folder to create (must be empty or new; default: the current folder)
        dir: Option<PathBuf>,
    },
    /// Write a new record from a template: the next free name, members filled in, blanks marked
    New {
        #[command(subcommand)]
        record: NewCommand,
    },
    /// What each council still owes residents: unanswered, overdue, due soon, unsupervised, awaiting a return visit
    Status {
        /// The site folder (default: the current folder or the nearest parent with site.toml)
        path: Option<PathBuf>,
        /// The day to judge by (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// Output format
        #[arg(long, value_enum, default_value = "human")]
        format: StatusFormat,
    },
    /// Git hooks: `council hook install` checks the records before each commit
    Hook {
        #[command(subcommand)]
        action: HookCommand,
    },
    /// Check the records, then publish the site
    Build {
        /// The site folder (default: the current folder or the nearest parent with site.toml)
        path: Option<PathBuf>,
        /// The output folder (default: `public` in the site folder)
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The day the site is published as of (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// The address the site is published at (overrides site.toml `base_url`)
        #[arg(long)]
        base_url: Option<String>,
    },
}

#[derive(Subcommand)]
enum NewCommand {
    /// A proposal: proposals/<year>-<NNN>.md
    Proposal {
        /// The council's key, e.g. `huangtai/grid-03`
        council: String,
        /// The matter's title
        #[arg(long)]
        title: String,
        /// Who proposed it, in public words (e.g. "黄台路41号居民（23户）")
        #[arg(long)]
        proposer: Option<String>,
        /// How it came in: applet, visit, service-post, meeting, other
        #[arg(long)]
        channel: Option<String>,
        /// The day it was submitted (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// The site folder
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    /// Minutes: meetings/<date>.md, with the serving members and the open matters
    Meeting {
        /// The council's key
        council: String,
        /// The meeting's day (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// The site folder
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    /// A return visit to the residents after a matter's outcome: feedback/<date>-<id>.md
    Feedback {
        /// `<council key>/<id>`, e.g. `huangtai/grid-03/2025-001`
        matter: String,
        /// The visit's day (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// The site folder
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
    /// A supervision report on an adopted matter: reports/<date>-<id>.md
    Report {
        /// `<council key>/<id>`, e.g. `huangtai/grid-03/2025-001`
        matter: String,
        /// The report's day (YYYY-MM-DD; default today)
        #[arg(long, value_parser = parse_date)]
        date: Option<Date>,
        /// The site folder
        #[arg(long, default_value = ".")]
        path: PathBuf,
    },
}

#[derive(Subcommand)]
enum HookCommand {
    /// Install a pre-commit hook that runs `council check`
    Install {
        /// The site folder
        path: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum StatusFormat {
    Human,
    Json,
}

fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|_| format!("`{s}` is not a date; write it as YYYY-MM-DD, like 2022-04-02"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn color_stdout() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Check {
            path,
            format,
            today,
            deny_warnings,
            explain,
            lang,
        } => {
            if let Some(name) = explain {
                return explain_rule(&name, &lang);
            }
            let opts = check::CheckOptions {
                path: path.unwrap_or_else(|| PathBuf::from(".")),
                today,
            };
            let checked = check::check(&opts)?;
            let diags = &checked.diagnostics;
            let tally = Tally::of(diags);
            let mut out = render::render(diags, format, color_stdout());
            if format == Format::Human {
                let what = match checked.site.file_count {
                    1 => "1 file".to_string(),
                    n => format!("{n} files"),
                };
                out.push_str(&render::summary(tally, &what));
                out.push('\n');
            }
            print(&out);
            Ok(if tally.fails(deny_warnings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Build {
            path,
            output,
            today,
            base_url,
        } => build(path, output, today, base_url),
        Command::Audit {
            path,
            format,
            since,
            deny_warnings,
        } => {
            let report = council::audit::audit(&council::audit::AuditOptions {
                path: path.unwrap_or_else(|| PathBuf::from(".")),
                since,
            })?;
            let tally = Tally::of(&report.diagnostics);
            let mut out = render::render(&report.diagnostics, format, color_stdout());
            if format == Format::Human {
                for n in &report.notes {
                    out.push_str(&format!("note: {n}\n"));
                }
                let what = match report.commits {
                    1 => "1 commit".to_string(),
                    n => format!("{n} commits"),
                };
                out.push_str(&render::summary(tally, &what));
                out.push('\n');
            } else {
                for n in &report.notes {
                    eprintln!("note: {n}");
                }
            }
            print(&out);
            Ok(if tally.fails(deny_warnings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Init { dir } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            let written = council::secretary::init::init(&dir, council::check::today())?;
            let mut out = format!("created a council repository in {}:\n", dir.display());
            for f in written {
                out.push_str(&format!("  {f}\n"));
            }
            out.push_str("next: put the council's real members in councils/community/grid-01/council.toml, then `council check`\n");
            print(&out);
            Ok(ExitCode::SUCCESS)
        }
        Command::New { record } => {
            use council::secretary::new::{NewOptions, NewRecord, new};
            let opts = match record {
                NewCommand::Proposal {
                    council,
                    title,
                    proposer,
                    channel,
                    date,
                    path,
                } => NewOptions {
                    path,
                    date,
                    record: NewRecord::Proposal {
                        council,
                        title,
                        proposer,
                        channel,
                    },
                },
                NewCommand::Meeting {
                    council,
                    date,
                    path,
                } => NewOptions {
                    path,
                    date,
                    record: NewRecord::Meeting { council },
                },
                NewCommand::Report { matter, date, path } => NewOptions {
                    path,
                    date,
                    record: NewRecord::Report { matter },
                },
                NewCommand::Feedback { matter, date, path } => NewOptions {
                    path,
                    date,
                    record: NewRecord::Feedback { matter },
                },
            };
            let rel = new(&opts)?;
            print(&format!("{rel}\n"));
            eprintln!("fill in the places marked 【请填写：…】, then run `council check`");
            Ok(ExitCode::SUCCESS)
        }
        Command::Status {
            path,
            today,
            format,
        } => {
            let s =
                council::secretary::status::status(&council::secretary::status::StatusOptions {
                    path: path.unwrap_or_else(|| PathBuf::from(".")),
                    today,
                })?;
            match format {
                StatusFormat::Human => print(&council::secretary::status::human(&s)),
                StatusFormat::Json => {
                    print(&(serde_json::to_string_pretty(&s).expect("status serialises") + "\n"))
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Hook {
            action: HookCommand::Install { path },
        } => {
            let hook =
                council::secretary::hook::install(&path.unwrap_or_else(|| PathBuf::from(".")))?;
            print(&format!(
                "installed {}: `council check` now runs before each commit\n",
                hook.display()
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Log { matter, path } => {
            print(&council::audit::log::log(
                &council::audit::log::LogOptions { path, matter },
            )?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            path,
            port,
            bind,
            today,
        } => {
            council::serve::serve(council::serve::ServeOptions {
                path: path.unwrap_or_else(|| PathBuf::from(".")),
                port,
                bind,
                today,
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn build(
    path: Option<PathBuf>,
    output: Option<PathBuf>,
    today: Option<Date>,
    base_url: Option<String>,
) -> Result<ExitCode, Error> {
    let opts = council::site::BuildOptions {
        path: path.unwrap_or_else(|| PathBuf::from(".")),
        output,
        today,
        base_url,
        progress: std::io::stderr().is_terminal(),
    };
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    match council::site::build(&opts)? {
        council::site::BuildOutcome::Refused(diags) => {
            let tally = Tally::of(&diags);
            eprint!("{}", render::human(&diags, color));
            eprintln!("{}", render::summary(tally, "the records"));
            eprintln!(
                "error: nothing was published: fix the errors above (the output folder was not touched)"
            );
            Ok(ExitCode::from(1))
        }
        council::site::BuildOutcome::Built(report, warnings) => {
            if !warnings.is_empty() {
                eprint!("{}", render::human(&warnings, color));
            }
            eprintln!(
                "built {} pages ({} files) in {:.2} s: {} written, {} unchanged, {} removed -> {}",
                report.pages,
                report.files,
                report.elapsed.as_secs_f64(),
                report.written,
                report.unchanged,
                report.removed,
                report.output.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn explain_rule(name: &str, lang: &str) -> Result<ExitCode, Error> {
    match rules::find(name) {
        Some(rule) => {
            print(&rule.explain(lang));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let names: Vec<&str> = rules::REGISTRY.iter().map(|r| r.name).collect();
            let hint = match council::model::suggest(name, &names) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("the rules are: {}", names.join(", ")),
            };
            Err(Error::Usage(format!(
                "no rule named `{name}`\n  = help: {hint}"
            )))
        }
    }
}

/// Prints to stdout; a closed pipe (`council check | head`) is not an error.
fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}
