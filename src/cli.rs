//! The command line in the language of the run: `--help` of every command and option, and
//! clap's own errors, in words from the translations.
//!
//! The commands are defined once (in `args.rs`, with clap's derive); here the built command
//! gets its texts from the Fluent files: `cli-<command>` for a command's description,
//! `cli-<command>-<option>` for an option (or `cli-arg-<option>` for one that means the same
//! everywhere, like `--today`), `cli-heading-…` for the headings. Defaults and allowed
//! values are said in those texts, so clap's English `[default: …]` is hidden.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command, CommandFactory};

use council::i18n::{self, Lang, Msg};
use council::msg;

/// `--lang zh` or `--lang=en` as written, before the arguments are parsed.
pub fn scan_lang(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next().and_then(|v| Lang::parse(&v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

/// The languages of the site holding `path` (site.toml `languages`, default `["zh"]`), when
/// there is one whose site.toml can be read.
pub fn site_languages(path: &Path) -> Option<Vec<String>> {
    let root = council::load::find_root(path).ok()?;
    languages_in(&root.join("site.toml"))
}

/// `languages` of a site.toml or city.toml (default `["zh"]`), when it can be read.
fn languages_in(file: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(file).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    match table.get("languages") {
        None => Some(vec!["zh".to_string()]),
        Some(toml::Value::Array(a)) => Some(
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        ),
        Some(_) => None,
    }
}

/// The languages of the city whose city.toml is in `dir` (`languages`, default `["zh"]`).
pub fn city_languages(dir: &Path) -> Option<Vec<String>> {
    languages_in(&dir.join("city.toml"))
}

/// The text of `id` in `lang`; the id itself when it has none (the test below makes sure
/// every id the commands use has a text in both languages).
fn text(id: &str, lang: Lang) -> String {
    i18n::lookup(id, lang).unwrap_or_else(|| id.to_string())
}

/// The command `C`, every text in `lang`.
pub fn localized<C: CommandFactory>(lang: Lang) -> Command {
    localize(C::command(), lang, "cli", &mut Vec::new())
}

/// The text ids of a command's description and options: `cli-check`, `cli-check-format`…
/// `used` collects every id asked for (for the test).
fn localize(mut cmd: Command, lang: Lang, id: &str, used: &mut Vec<String>) -> Command {
    let mut t = |key: &str| {
        used.push(key.to_string());
        text(key, lang)
    };
    let root = id == "cli";
    let about = if root {
        "cli-about".to_string()
    } else {
        id.to_string()
    };
    let options = t("cli-heading-options");
    let arguments = t("cli-heading-arguments");
    cmd = cmd
        .about(t(&about))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            t("cli-heading-usage")
        ))
        .subcommand_help_heading(t("cli-heading-commands"))
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(t("cli-arg-help"))
                .help_heading(options.clone()),
        );
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(t("cli-arg-version"))
                .help_heading(options.clone()),
        );
    }
    let args: Vec<(String, bool, bool)> = cmd
        .get_arguments()
        .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
        .map(|a| {
            let takes_value = a.get_num_args().is_none_or(|n| n.takes_values())
                && !matches!(a.get_action(), ArgAction::SetTrue | ArgAction::SetFalse);
            (a.get_id().to_string(), a.is_positional(), takes_value)
        })
        .collect();
    for (arg, positional, takes_value) in args {
        let own = format!("{id}-{}", arg.replace('_', "-"));
        let key = if i18n::lookup(&own, Lang::En).is_some() {
            own
        } else {
            format!("cli-arg-{}", arg.replace('_', "-"))
        };
        let help = t(&key);
        let heading = if positional {
            arguments.clone()
        } else {
            options.clone()
        };
        cmd = cmd.mut_arg(&arg, |a| {
            let a = a.help(help).help_heading(heading);
            if takes_value {
                a.hide_default_value(true).hide_possible_values(true)
            } else {
                a
            }
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let sub_id = format!("{id}-{name}");
        let sub = cmd.find_subcommand(&name).expect("listed").clone();
        let sub = localize(sub, lang, &sub_id, used);
        cmd = cmd.mut_subcommand(&name, |_| sub);
    }
    if root {
        let help =
            Command::new("help").arg(Arg::new("command").num_args(0..).value_name("COMMAND"));
        let help = localize(help, lang, "cli-help", used);
        cmd = cmd.subcommand(help);
    }
    cmd
}

/// `council help [COMMAND…]`: the help of that command.
pub fn print_help(mut cmd: Command, matches: &ArgMatches) -> ExitCode {
    let names: Vec<String> = matches
        .get_many::<String>("command")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    for n in &names {
        match cmd.find_subcommand(n) {
            Some(s) => cmd = s.clone(),
            None => break,
        }
    }
    let _ = cmd.print_help();
    ExitCode::SUCCESS
}

fn value_text(v: &ContextValue) -> String {
    match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// A parse error of clap in `lang`, with the usage line; exit code 2 (0 for `--help` and
/// `--version`, which clap reports as errors).
pub fn parse_error(e: clap::Error, lang: Lang) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    let get = |k: ContextKind| e.get(k).map(value_text).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let message: Msg = match e.kind() {
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", arg),
        ErrorKind::InvalidSubcommand => {
            msg!(
                "cli-error-unknown-command",
                command = get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => msg!("cli-error-value-missing", arg),
        ErrorKind::InvalidValue => msg!(
            "cli-error-invalid-value",
            value,
            arg,
            valid = get(ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation if arg.contains("today") || arg.contains("date") => {
            msg!("cli-error-date", value, arg)
        }
        ErrorKind::ValueValidation => msg!("cli-error-bad-value", value, arg),
        ErrorKind::MissingRequiredArgument => msg!("cli-error-missing", args = arg),
        ErrorKind::MissingSubcommand => msg!("cli-error-missing-command"),
        ErrorKind::ArgumentConflict => {
            msg!(
                "cli-error-conflict",
                arg,
                other = get(ContextKind::PriorArg)
            )
        }
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            msg!("cli-error-unexpected", value)
        }
        _ => {
            let detail = e.to_string();
            let first = detail.lines().next().unwrap_or("");
            msg!(
                "cli-error-other",
                detail = first.trim_start_matches("error: ").to_string()
            )
        }
    };
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .map(get)
    .find(|s| !s.is_empty());
    let mut out = msg!("error-line", error = message).render(lang);
    if let Some(s) = suggestion {
        let s = s.split(", ").next().unwrap_or(&s).to_string();
        out.push_str(
            &msg!(
                "error-help-line",
                help = msg!("help-did-you-mean", code = s)
            )
            .render(lang),
        );
    }
    let usage = get(ContextKind::Usage);
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    if !usage.is_empty() {
        out.push_str(&format!("\n\n{} {usage}", text("cli-heading-usage", lang)));
    }
    out.push_str(&format!("\n\n{}", msg!("cli-error-more").render(lang)));
    eprintln!("{out}");
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `cli-` id in the Fluent files of one language.
    fn cli_ids(lang: Lang) -> Vec<String> {
        i18n::sources()
            .into_iter()
            .filter(|(l, _, _)| *l == lang)
            .flat_map(|(_, _, text)| text.lines())
            .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim()))
            .filter(|id| id.starts_with("cli-") && !id.contains(' '))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn every_command_and_option_has_help_in_both_languages_and_every_help_text_is_used() {
        let mut used = Vec::new();
        localize(crate::args::Cli::command(), Lang::En, "cli", &mut used);
        let mut missing = Vec::new();
        for id in &used {
            for lang in Lang::ALL {
                if i18n::lookup(id, lang).is_none() {
                    missing.push(format!("{id} ({})", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "no help text: {missing:?}");
        let source = concat!(
            include_str!("main.rs"),
            include_str!("args.rs"),
            include_str!("cli.rs")
        );
        for lang in Lang::ALL {
            let unused: Vec<String> = cli_ids(lang)
                .into_iter()
                .filter(|id| !used.contains(id) && !source.contains(&format!("\"{id}\"")))
                .collect();
            assert!(unused.is_empty(), "{}: unused {unused:?}", lang.code());
        }
    }

    #[test]
    fn the_help_of_every_command_is_in_the_language_asked_for() {
        let mut cmd = localized::<crate::args::Cli>(Lang::Zh);
        let help = cmd.render_help().to_string();
        assert!(help.contains("用法："), "{help}");
        assert!(help.contains("命令:"), "{help}");
        let check = cmd.find_subcommand_mut("check").unwrap();
        let help = check.render_help().to_string();
        assert!(help.contains("选项:"), "{help}");
        assert!(!help.contains("[default"), "{help}");
        assert!(!help.contains("Print help"), "{help}");
    }

    #[test]
    fn the_language_flag_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            scan_lang(&args(&["council", "check", "--lang", "zh"])),
            Some(Lang::Zh)
        );
        assert_eq!(
            scan_lang(&args(&["council", "--lang=en", "check"])),
            Some(Lang::En)
        );
        assert_eq!(
            scan_lang(&args(&["council", "check", "--", "--lang", "zh"])),
            None
        );
        assert_eq!(scan_lang(&args(&["council", "check"])), None);
    }
}
