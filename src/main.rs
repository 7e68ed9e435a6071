//! The `council` command line: parse arguments, call the library, print, exit.
//!
//! Exit codes: 0 when the run found nothing that fails it, 1 when it found errors (or
//! warnings with `--deny-warnings`), 2 when it could not run (no site.toml, a bad path or
//! argument).
//!
//! Everything printed is in the language of the run (SPEC §6), chosen once here and passed
//! down: `--lang`, `COUNCIL_LANG`, the locale, the site's first language, English. `--help`
//! too: the command is built from the definitions in `args`, then every help text is replaced
//! from the translations (see `cli`).

mod args;
mod cli;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::FromArgMatches;
use jiff::civil::Date;

use council::diag::Tally;
use council::diag::render::{self, Format};
use council::i18n::{Lang, Msg};
use council::{Error, check, msg, rules};

use args::{Cli, Command, HookCommand, NewCommand, StatusFormat};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Before the arguments are understood (for `--help` and argument errors): `--lang` as
    // written, the environment, the site in the current folder.
    let early = council::i18n::resolve(
        cli::scan_lang(&args),
        &env,
        cli::site_languages(Path::new(".")).as_deref(),
    );
    let command = cli::localized::<Cli>(early);
    let matches = match command.clone().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return cli::parse_error(e, early),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        return cli::print_help(command, sub);
    }
    let parsed = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return cli::parse_error(e, early),
    };
    // `init` has no site yet: the site it creates is Chinese first, like its templates.
    let site_languages = match &parsed.command {
        Command::Init { .. } => Some(vec!["zh".to_string()]),
        Command::Aggregate { dir, .. } => {
            cli::city_languages(dir.as_deref().unwrap_or(Path::new(".")))
        }
        c => c.site_path().and_then(cli::site_languages),
    };
    let lang = council::i18n::resolve(parsed.lang, &env, site_languages.as_deref());
    match run(parsed.command, lang) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "{}",
                msg!("error-line", error = e.render(lang)).render(lang)
            );
            ExitCode::from(2)
        }
    }
}

fn color(stream_is_terminal: bool) -> bool {
    stream_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn exit(fails: bool) -> ExitCode {
    if fails {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run(command: Command, lang: Lang) -> Result<ExitCode, Error> {
    let say = |m: Msg| print(&format!("{}\n", m.render(lang)));
    match command {
        Command::Check {
            path,
            format,
            today,
            deny_warnings,
            explain,
        } => {
            if let Some(name) = explain {
                return explain_rule(&name, lang);
            }
            let opts = check::CheckOptions {
                path: path.unwrap_or_else(|| PathBuf::from(".")),
                today,
            };
            let checked = check::check(&opts)?;
            let diags = &checked.diagnostics;
            let tally = Tally::of(diags);
            let mut out =
                render::render(diags, format, color(std::io::stdout().is_terminal()), lang);
            if format == Format::Human {
                let what = msg!("what-files", count = checked.site.file_count);
                out.push_str(&render::summary(tally, what, lang));
                out.push('\n');
            }
            print(&out);
            Ok(exit(tally.fails(deny_warnings)))
        }
        Command::Build {
            path,
            output,
            today,
            base_url,
        } => build(path, output, today, base_url, lang),
        Command::Aggregate {
            dir,
            output,
            today,
            timeout,
            max_size,
        } => aggregate(
            council::city::AggregateOptions {
                path: dir.unwrap_or_else(|| PathBuf::from(".")),
                output,
                today,
                timeout: std::time::Duration::from_secs(timeout.max(1)),
                max_bytes: max_size.max(1).saturating_mul(1024 * 1024),
                lang,
            },
            lang,
        ),
        Command::Audit {
            path,
            format,
            since,
            deny_warnings,
            today,
        } => {
            let report = council::audit::audit(&council::audit::AuditOptions {
                path: path.unwrap_or_else(|| PathBuf::from(".")),
                since,
                today,
            })?;
            let tally = Tally::of(&report.diagnostics);
            let notes: Vec<render::JsonNote<'_>> = report
                .notes
                .iter()
                .map(|n| render::JsonNote {
                    rule: n.rule,
                    file: &n.file,
                    message: &n.message,
                })
                .collect();
            let mut out = match format {
                Format::Json => render::json_with_notes(&report.diagnostics, &notes, lang),
                _ => render::render(
                    &report.diagnostics,
                    format,
                    color(std::io::stdout().is_terminal()),
                    lang,
                ),
            };
            if format == Format::Human {
                for n in &report.notes {
                    out.push_str(&msg!("note-line", note = &n.message).render(lang));
                    out.push('\n');
                }
                let what = msg!("what-commits", count = report.commits);
                out.push_str(&render::summary(tally, what, lang));
                out.push('\n');
            } else if format == Format::Github {
                for n in &report.notes {
                    let note = n.message.render(lang);
                    out.push_str(&format!("::notice file={}::{note}\n", n.file));
                }
            }
            print(&out);
            Ok(exit(tally.fails(deny_warnings)))
        }
        Command::Init { dir } => {
            let dir = dir.unwrap_or_else(|| PathBuf::from("."));
            let written = council::secretary::init::init(&dir, council::check::today())?;
            say(msg!("init-created", path = &dir));
            for f in written {
                print(&format!("  {f}\n"));
            }
            say(msg!(
                "init-next",
                file = "councils/community/grid-01/council.toml"
            ));
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
            let created = new(&opts)?;
            print(&format!("{}\n", created.path));
            for n in &created.notes {
                eprintln!("{}", msg!("note-line", note = n).render(lang));
            }
            eprintln!("{}", msg!("new-fill-in").render(lang));
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
                StatusFormat::Human => print(&council::secretary::status::human(&s, lang)),
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
            say(msg!("hook-installed", path = &hook));
            Ok(ExitCode::SUCCESS)
        }
        Command::Hook {
            action: HookCommand::PreCommit { path },
        } => pre_commit(&path.unwrap_or_else(|| PathBuf::from(".")), lang),
        Command::Log {
            matter,
            path,
            path_option,
        } => {
            let path = match (path, path_option) {
                (Some(_), Some(_)) => return Err(Error::usage(msg!("log-path-twice"))),
                (p, q) => p.or(q).unwrap_or_else(|| PathBuf::from(".")),
            };
            print(&council::audit::log::log(
                &council::audit::log::LogOptions { path, matter, lang },
            )?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Verify { path, site, format } => {
            let report = council::audit::verify::verify(&council::audit::verify::VerifyOptions {
                path: path.unwrap_or_else(|| PathBuf::from(".")),
                site,
                lang,
            })?;
            match format {
                StatusFormat::Human => print(&council::audit::verify::human(&report, lang)),
                StatusFormat::Json => print(
                    &(serde_json::to_string_pretty(&report).expect("the report serialises") + "\n"),
                ),
            }
            Ok(if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
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
                lang,
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The pre-commit hook: the staged records checked, on stderr (git shows it), and a word
/// about files fixed on disk but not staged again.
fn pre_commit(path: &Path, lang: Lang) -> Result<ExitCode, Error> {
    let staged = council::secretary::hook::pre_commit(path)?;
    let Some(checked) = staged.checked else {
        return Ok(ExitCode::SUCCESS);
    };
    let diags = &checked.diagnostics;
    let tally = Tally::of(diags);
    let mut out = render::human(diags, color(std::io::stderr().is_terminal()), lang);
    let what = msg!("what-files", count = checked.site.file_count);
    out.push_str(&render::summary(tally, what, lang));
    out.push('\n');
    for file in &staged.differs {
        out.push_str(&msg!("hook-staged-differs", file).render(lang));
        out.push('\n');
    }
    if tally.errors > 0 {
        out.push_str(&msg!("hook-refused").render(lang));
        out.push('\n');
    }
    eprint!("{out}");
    Ok(exit(tally.errors > 0))
}

fn build(
    path: Option<PathBuf>,
    output: Option<PathBuf>,
    today: Option<Date>,
    base_url: Option<String>,
    lang: Lang,
) -> Result<ExitCode, Error> {
    let opts = council::site::BuildOptions {
        path: path.unwrap_or_else(|| PathBuf::from(".")),
        output,
        today,
        base_url,
        progress: std::io::stderr().is_terminal(),
        origin: None,
        lang,
    };
    let color = color(std::io::stderr().is_terminal());
    let said = |m: Msg| eprintln!("{}", m.render(lang));
    match council::site::build(&opts)? {
        council::site::BuildOutcome::Refused(diags, files) => {
            let tally = Tally::of(&diags);
            eprint!("{}", render::human(&diags, color, lang));
            eprintln!(
                "{}",
                render::summary(tally, msg!("what-files", count = files), lang)
            );
            said(msg!("build-refused"));
            Ok(ExitCode::from(1))
        }
        council::site::BuildOutcome::Built(report, warnings) => {
            if !warnings.is_empty() {
                eprint!("{}", render::human(&warnings, color, lang));
            }
            for n in &report.notes {
                said(msg!("note-line", note = n));
            }
            said(msg!(
                "build-done",
                pages = report.pages,
                files = report.files,
                seconds = format!("{:.2}", report.elapsed.as_secs_f64()),
                written = report.written,
                unchanged = report.unchanged,
                removed = report.removed,
                output = &report.output
            ));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn aggregate(opts: council::city::AggregateOptions, lang: Lang) -> Result<ExitCode, Error> {
    let said = |m: Msg| eprintln!("{}", m.render(lang));
    match council::city::aggregate(&opts)? {
        council::city::AggregateOutcome::Refused(diags) => {
            let tally = Tally::of(&diags);
            eprint!(
                "{}",
                render::human(&diags, color(std::io::stderr().is_terminal()), lang)
            );
            eprintln!(
                "{}",
                render::summary(tally, msg!("what-files", count = 1), lang)
            );
            said(msg!("aggregate-refused"));
            Ok(ExitCode::from(1))
        }
        council::city::AggregateOutcome::Done(r) => {
            for f in &r.failed {
                said(match f.kept {
                    Some(date) => msg!(
                        "aggregate-source-failed-kept",
                        id = &f.id,
                        why = &f.why,
                        date = date.to_string()
                    ),
                    None => msg!("aggregate-source-failed", id = &f.id, why = &f.why),
                });
            }
            said(msg!(
                "aggregate-done",
                sources = r.sources,
                read = r.read,
                parsed = r.parsed,
                matters = r.matters,
                files = r.files,
                seconds = format!("{:.2}", r.elapsed.as_secs_f64()),
                written = r.written,
                unchanged = r.unchanged,
                removed = r.removed,
                output = &r.output
            ));
            Ok(exit(!r.failed.is_empty()))
        }
    }
}

fn explain_rule(name: &str, lang: Lang) -> Result<ExitCode, Error> {
    match rules::find(name) {
        Some(rule) => {
            print(&rule.explain(lang.code()));
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let names: Vec<&str> = rules::REGISTRY.iter().map(|r| r.name).collect();
            let hint = match council::model::suggest(name, &names) {
                Some(s) => msg!("help-did-you-mean", code = s),
                None => msg!("rules-are-help", rules = council::i18n::codes(&names)),
            };
            Err(Error::usage(msg!("no-such-rule", name)).help(hint))
        }
    }
}

/// Prints to stdout; a closed pipe (`council check | head`) is not an error.
fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
    let _ = out.flush();
}
