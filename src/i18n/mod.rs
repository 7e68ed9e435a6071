//! Messages in two languages: everything a person reads from council (findings, summary
//! lines, the tools' output, the tool's own errors, `--help`) is a [`Msg`]: a message id and
//! named arguments, turned into words only when output is written, in English or Chinese.
//!
//! The words live in Fluent files beside this module (`en/*.ftl`, `zh/*.ftl`), one message
//! per id, the two languages with the same placeholders (a test checks it, and that every
//! id the code names exists in both and that no file holds an id nobody uses). Fluent gives
//! English its plurals (`1 error`, `2 errors`) and keeps Chinese free of them.
//!
//! A message can only be made with [`msg!`] and a literal id, so no English sentence can slip
//! into a finding untranslated; data that is not translated (a value from a record, a path,
//! a number) goes in as an argument. Nothing here knows about records, rules or the command
//! line; they call [`msg!`] and output renders with [`Msg::render`].

mod lang;

use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use lang::{Lang, from_env, from_locale, resolve};

/// A message to show a person: an id of the Fluent files and its named arguments.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a message.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Data shown as it is, in every language: a value from a record, a path, a date.
    Text(String),
    /// A number: English chooses its plural form by it.
    Num(i64),
    /// A phrase translated like the message around it ("the proposal", "item 2").
    Msg(Msg),
    /// Several arguments, joined the way the language lists things (`a`, `b` / `a`、`b`).
    List(Vec<Arg>),
}

impl Msg {
    /// Use [`msg!`]: it takes the id as a literal, which the completeness test reads.
    #[doc(hidden)]
    pub fn __new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Msg {
        Msg { id, args }
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let bundle = &BUNDLES[lang as usize];
        let Some(pattern) = bundle.get_message(self.id).and_then(|m| m.value()) else {
            debug_assert!(false, "no message `{}` in {lang:?}", self.id);
            return self.id.to_string();
        };
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            args.set(*name, arg.value(lang));
        }
        let mut errors = Vec::new();
        let out = bundle.format_pattern(pattern, Some(&args), &mut errors);
        debug_assert!(
            errors.is_empty(),
            "message `{}` in {lang:?}: {errors:?}",
            self.id
        );
        out.into_owned()
    }
}

impl Arg {
    fn value(&self, lang: Lang) -> FluentValue<'static> {
        match self {
            Arg::Num(n) => FluentValue::from(*n),
            other => FluentValue::from(other.text(lang)),
        }
    }

    fn text(&self, lang: Lang) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Num(n) => n.to_string(),
            Arg::Msg(m) => m.render(lang),
            Arg::List(items) => {
                let sep = match lang {
                    Lang::En => ", ",
                    Lang::Zh => "、",
                };
                items
                    .iter()
                    .map(|a| a.text(lang))
                    .collect::<Vec<_>>()
                    .join(sep)
            }
        }
    }
}

/// Each of `items` in backticks, as a list: `` `a`, `b` `` in English, `` `a`、`b` `` in
/// Chinese.
pub fn codes<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Arg {
    Arg::List(
        items
            .into_iter()
            .map(|s| Arg::Text(format!("`{}`", s.as_ref())))
            .collect(),
    )
}

/// A list of arguments, joined the way the language lists things.
pub fn list<A: Into<Arg>>(items: impl IntoIterator<Item = A>) -> Arg {
    Arg::List(items.into_iter().map(Into::into).collect())
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(m)
    }
}
impl From<&Msg> for Arg {
    fn from(m: &Msg) -> Arg {
        Arg::Msg(m.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Arg {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Arg {
        Arg::Text(s.into_owned())
    }
}
impl From<&std::path::Path> for Arg {
    fn from(p: &std::path::Path) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<&std::path::PathBuf> for Arg {
    fn from(p: &std::path::PathBuf) -> Arg {
        Arg::Text(p.display().to_string())
    }
}
impl From<jiff::civil::Date> for Arg {
    fn from(d: jiff::civil::Date) -> Arg {
        Arg::Text(d.to_string())
    }
}
impl From<&jiff::civil::Date> for Arg {
    fn from(d: &jiff::civil::Date) -> Arg {
        Arg::Text(d.to_string())
    }
}
macro_rules! num_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Num(n as i64)
            }
        }
    )*};
}
num_args!(i64, i32, u64, u32, u16, u8, usize);

/// A message: `msg!("id")`, `msg!("id", key = value, count)` (`count` alone means
/// `count = count`). The id must be a literal: the completeness test reads them.
#[macro_export]
macro_rules! msg {
    ($id:literal $(,)?) => {
        $crate::i18n::Msg::__new($id, ::std::vec::Vec::new())
    };
    ($id:literal, $($rest:tt)+) => {
        $crate::i18n::Msg::__new($id, $crate::__msg_args!([] $($rest)+))
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __msg_args {
    ([$($done:expr),*]) => { ::std::vec![$($done),*] };
    ([$($done:expr),*] $k:ident = $v:expr $(, $($rest:tt)*)?) => {
        $crate::__msg_args!(
            [$($done,)* (stringify!($k), $crate::i18n::Arg::from($v))] $($($rest)*)?
        )
    };
    ([$($done:expr),*] $k:ident $(, $($rest:tt)*)?) => {
        $crate::__msg_args!(
            [$($done,)* (stringify!($k), $crate::i18n::Arg::from($k))] $($($rest)*)?
        )
    };
}

/// The Fluent files of one language, in the order they are loaded.
macro_rules! ftl_files {
    ($lang:literal) => {
        [
            ("diag", include_str!(concat!($lang, "/diag.ftl"))),
            ("files", include_str!(concat!($lang, "/files.ftl"))),
            ("fields", include_str!(concat!($lang, "/fields.ftl"))),
            ("rules", include_str!(concat!($lang, "/rules.ftl"))),
            ("tools", include_str!(concat!($lang, "/tools.ftl"))),
            ("cli", include_str!(concat!($lang, "/cli.ftl"))),
        ]
    };
}

/// Every Fluent file: language, name, text.
pub fn sources() -> Vec<(Lang, &'static str, &'static str)> {
    let mut out = Vec::new();
    for (name, text) in ftl_files!("en") {
        out.push((Lang::En, name, text));
    }
    for (name, text) in ftl_files!("zh") {
        out.push((Lang::Zh, name, text));
    }
    out
}

static BUNDLES: LazyLock<[FluentBundle<FluentResource>; 2]> =
    LazyLock::new(|| [bundle(Lang::En), bundle(Lang::Zh)]);

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().expect("a valid language tag");
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // Terminals and JSON get plain text: no Unicode isolation marks around arguments.
    b.set_use_isolating(false);
    for (l, name, text) in sources() {
        if l != lang {
            continue;
        }
        let res = FluentResource::try_new(text.to_string())
            .unwrap_or_else(|(_, e)| panic!("{}/{name}.ftl does not parse: {e:?}", l.code()));
        b.add_resource(res)
            .unwrap_or_else(|e| panic!("{}/{name}.ftl: {e:?}", l.code()));
    }
    b
}

/// The text of message `id` without arguments, if there is one (for `--help`, whose ids
/// are made from the commands' names).
pub fn lookup(id: &str, lang: Lang) -> Option<String> {
    let bundle = &BUNDLES[lang as usize];
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, None, &mut errors);
    errors.is_empty().then(|| out.into_owned())
}

#[cfg(test)]
mod tests;
