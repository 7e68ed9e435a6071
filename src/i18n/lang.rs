//! Which language a run speaks (SPEC §6), first match wins: `--lang`; `COUNCIL_LANG`; the
//! locale (the first of LC_ALL, LC_MESSAGES, LANG that is set, as POSIX reads it) when it
//! names zh or en; the site's first language when it is zh or en; English.

/// A language council speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Lang {
    En = 0,
    Zh = 1,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// `zh`, `zh-Hans`, `zh_CN.UTF-8`, `en_US`: the language a tag or locale names, if it is
    /// one of ours.
    pub fn parse(tag: &str) -> Option<Lang> {
        let base = tag
            .split(['.', '@'])
            .next()
            .unwrap_or("")
            .split(['_', '-'])
            .next()
            .unwrap_or("");
        match base.to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// `COUNCIL_LANG`, when it names zh or en.
pub fn from_env(var: &dyn Fn(&str) -> Option<String>) -> Option<Lang> {
    var("COUNCIL_LANG").and_then(|v| Lang::parse(v.trim()))
}

/// The locale's language, when it names zh or en. As POSIX reads it: the first of LC_ALL,
/// LC_MESSAGES and LANG that is set and not empty is the locale of messages; `C` or `fr_FR`
/// name neither language, and then the locale says nothing.
pub fn from_locale(var: &dyn Fn(&str) -> Option<String>) -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|k| var(k).filter(|v| !v.is_empty()))
        .and_then(|v| Lang::parse(&v))
}

/// The language of a run: `flag` (`--lang`), then the environment (`var` reads a variable),
/// then the site's languages (first is the default), then English.
pub fn resolve(
    flag: Option<Lang>,
    var: &dyn Fn(&str) -> Option<String>,
    site_languages: Option<&[String]>,
) -> Lang {
    flag.or_else(|| from_env(var))
        .or_else(|| from_locale(var))
        .or_else(|| {
            site_languages
                .and_then(|l| l.first())
                .and_then(|l| Lang::parse(l))
        })
        .unwrap_or(Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn tags_and_locales_name_a_language() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh-Hant"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.utf8"), Some(Lang::En));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), None);
        assert_eq!(Lang::parse("fr_FR"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn the_first_match_wins_in_the_order_of_the_spec() {
        let zh_site = ["zh".to_string(), "en".to_string()];
        let site = Some(&zh_site[..]);
        let all = env(&[
            ("COUNCIL_LANG", "en"),
            ("LC_ALL", "zh_CN.UTF-8"),
            ("LANG", "zh_CN.UTF-8"),
        ]);
        assert_eq!(resolve(Some(Lang::Zh), &all, site), Lang::Zh);
        assert_eq!(resolve(None, &all, site), Lang::En);
        let locale = env(&[("LANG", "en_GB.UTF-8")]);
        assert_eq!(resolve(None, &locale, site), Lang::En);
        let c = env(&[("LANG", "C.UTF-8")]);
        assert_eq!(resolve(None, &c, site), Lang::Zh);
        assert_eq!(resolve(None, &c, None), Lang::En);
        let fr_site = ["fr".to_string(), "zh".to_string()];
        assert_eq!(resolve(None, &c, Some(&fr_site[..])), Lang::En);
    }

    #[test]
    fn the_locale_is_read_as_posix_reads_it() {
        // LC_ALL set to C hides LANG: the messages' locale is C, which names neither.
        let v = env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")]);
        assert_eq!(from_locale(&v), None);
        let v = env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW"), ("LANG", "en_US")]);
        assert_eq!(from_locale(&v), Some(Lang::Zh));
        // COUNCIL_LANG naming another language is passed over.
        let v = env(&[("COUNCIL_LANG", "fr"), ("LANG", "zh_CN")]);
        assert_eq!(resolve(None, &v, None), Lang::Zh);
    }
}
