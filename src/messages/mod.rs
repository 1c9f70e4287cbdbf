//! The message catalogue: every text sachhon says to a person, in Vietnamese and English.
//!
//! Messages are Fluent files (`vi.ftl`, `en.ftl`) compiled into the binary. Diagnostics use their
//! code as the message id, so a code and its wording can never drift apart.

use crate::diagnostics::{Diagnostic, Severity};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};

/// The languages sachhon speaks.
pub const LANGUAGES: [&str; 2] = ["vi", "en"];

const VI: &str = include_str!("vi.ftl");
const EN: &str = include_str!("en.ftl");

/// Formats messages in one language.
pub struct Catalogue {
    lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    verbose: bool,
    links: bool,
}

impl Catalogue {
    /// The catalogue for `lang` (`vi` or anything else for English).
    pub fn new(lang: &str) -> Catalogue {
        let (lang, source) = if lang == "vi" { ("vi", VI) } else { ("en", EN) };
        let langid = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![langid]);
        // Isolation marks would end up in terminals and editors' logs as stray characters.
        bundle.set_use_isolating(false);
        // The catalogues are compiled in and checked by tests; a syntax slip only drops messages.
        let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _)| res);
        let _ = bundle.add_resource(resource);
        Catalogue {
            lang,
            bundle,
            verbose: false,
            links: false,
        }
    }

    /// With `links`, a diagnostic's code is a terminal hyperlink (OSC 8) to its page in the
    /// guide: only for a terminal known to show them, never for piped output.
    pub fn links(mut self, links: bool) -> Catalogue {
        self.links = links;
        self
    }

    /// The address of the guide's code pages in this language: a code's page is this followed
    /// by `e0106/`. The guide is where `SACHHON_GUIDE_URL` says, else at its own `base_url`.
    pub fn guide_prefix(&self) -> String {
        let base = std::env::var("SACHHON_GUIDE_URL")
            .ok()
            .filter(|v| !v.is_empty())
            .unwrap_or_else(|| env!("SACHHON_GUIDE_BASE").to_string());
        let base = base.trim_end_matches('/');
        let lang = if self.lang == "vi" { "" } else { "en/" };
        format!("{base}/{lang}loi/")
    }

    /// With `verbose`, a diagnostic ends with its technical detail (the YAML parser's or the
    /// system's own words), which is otherwise left out.
    pub fn verbose(mut self, verbose: bool) -> Catalogue {
        self.verbose = verbose;
        self
    }

    /// Whether technical details are shown.
    pub fn is_verbose(&self) -> bool {
        self.verbose
    }

    /// The catalogue language (`vi` or `en`).
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// Whether the catalogue has a message with this id.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// The message `id` with its named values filled in; the id itself when it is missing.
    pub fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            // Whole numbers go in as numbers, so messages can choose plural forms.
            match value.parse::<i64>() {
                Ok(n) if !value.starts_with('+') => fargs.set(*name, n),
                _ => fargs.set(*name, value.clone()),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// One diagnostic as a line: `path:line:col: error: message [E0105]`.
    pub fn diagnostic(&self, d: &Diagnostic, color: bool) -> String {
        let (word, paint) = match d.severity {
            Severity::Error => ("error", "\x1b[1;31m"),
            Severity::Warning => ("warning", "\x1b[1;33m"),
        };
        let (args, detail) = self.plain_args(&d.args);
        let mut message = self.text(d.code.as_str(), &args);
        if let Some(detail) = detail.filter(|_| self.verbose) {
            message.push_str(&format!(" ({detail})"));
        }
        let location = d.location();
        let prefix = if location.is_empty() {
            String::new()
        } else {
            format!("{location}: ")
        };
        let code = if self.links {
            let url = format!("{}{}/", self.guide_prefix(), d.code.as_str().to_lowercase());
            format!("\x1b]8;;{url}\x1b\\{}\x1b]8;;\x1b\\", d.code)
        } else {
            d.code.to_string()
        };
        if color {
            format!("{prefix}{paint}{word}\x1b[0m: {message} [{code}]")
        } else {
            format!("{prefix}{word}: {message} [{code}]")
        }
    }

    /// The arguments as a person reads them: a key path in a list (`metrics[1].before`) said
    /// with its position from one and its item's name, a system error said plainly. Returns the
    /// technical detail (the `detail` argument, or the system's words) apart.
    fn plain_args(&self, args: &[(&'static str, String)]) -> (Vec<(&str, String)>, Option<String>) {
        let item = args
            .iter()
            .find(|(n, _)| *n == "item")
            .map(|(_, v)| v.as_str());
        let mut detail = args
            .iter()
            .find(|(n, _)| *n == "detail")
            .map(|(_, v)| v.clone());
        let mut out = Vec::with_capacity(args.len());
        for (name, value) in args {
            let value = match *name {
                "key" => self.key_in_words(value, item),
                "message" => match os_error_id(value) {
                    Some(id) => {
                        detail = Some(value.clone());
                        self.text(id, &[])
                    }
                    None => value.clone(),
                },
                _ => value.clone(),
            };
            out.push((*name, value));
        }
        (out, detail)
    }

    /// `metrics[1].before` -> `before of metric 2 (Electricity use)`; keys outside lists as
    /// they are.
    fn key_in_words(&self, key: &str, item: Option<&str>) -> String {
        let Some((list, rest)) = key.split_once('[') else {
            return key.to_string();
        };
        let Some((index, field)) = rest.split_once(']') else {
            return key.to_string();
        };
        let Ok(index) = index.parse::<usize>() else {
            return key.to_string();
        };
        let id = match list {
            "metrics" => "item-metrics",
            "quiz" => "item-quiz",
            _ => "item-other",
        };
        let n = (index + 1).to_string();
        let mut words = self.text(id, &[("n", n), ("list", list.to_string())]);
        if let Some(name) = item.filter(|n| !n.is_empty()) {
            words = format!("{words} ({name})");
        }
        match field.strip_prefix('.') {
            Some(field) if !field.is_empty() => self.text(
                "item-field",
                &[("field", field.to_string()), ("item", words)],
            ),
            _ => words,
        }
    }

    /// Every message id of this catalogue.
    pub fn ids(&self) -> Vec<String> {
        let source = if self.lang == "vi" { VI } else { EN };
        source
            .lines()
            .filter_map(|l| l.split_once(" ="))
            .map(|(id, _)| id.trim().to_string())
            .filter(|id| !id.is_empty() && !id.starts_with('#') && !id.starts_with(' '))
            .collect()
    }
}

/// The catalogue id of a plain sentence for a system error written as Rust writes it
/// (`No such file or directory (os error 2)`), by its error number.
fn os_error_id(message: &str) -> Option<&'static str> {
    let code: i32 = message
        .strip_suffix(')')?
        .rsplit_once("(os error ")?
        .1
        .parse()
        .ok()?;
    let id = if cfg!(windows) {
        match code {
            2 | 3 => "os-not-found",
            5 | 32 | 33 => "os-denied",
            39 | 112 => "os-full",
            _ => return None,
        }
    } else {
        match code {
            2 | 20 => "os-not-found",
            1 | 13 => "os-denied",
            28 | 122 => "os-full",
            30 => "os-read-only",
            21 => "os-is-folder",
            _ => return None,
        }
    };
    Some(id)
}

/// The language for messages: `--lang`, else `SACHHON_LANG`, else the locale, else English.
pub fn detect_language(flag: Option<&str>) -> &'static str {
    let from_env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let choice = flag
        .map(str::to_string)
        .or_else(|| from_env("SACHHON_LANG"));
    if let Some(choice) = choice {
        return if choice.starts_with("vi") { "vi" } else { "en" };
    }
    let locale = from_env("LC_ALL")
        .or_else(|| from_env("LC_MESSAGES"))
        .or_else(|| from_env("LANG"))
        .unwrap_or_default();
    if locale.starts_with("vi") {
        "vi"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    #[test]
    fn both_catalogues_hold_the_same_ids() {
        let mut vi = Catalogue::new("vi").ids();
        let mut en = Catalogue::new("en").ids();
        vi.sort();
        en.sort();
        assert_eq!(vi, en);
        assert!(vi.len() > 30);
    }

    #[test]
    fn every_id_parses_and_formats() {
        for lang in LANGUAGES {
            let cat = Catalogue::new(lang);
            for id in cat.ids() {
                assert!(cat.has(&id), "{lang}: {id} does not parse");
            }
        }
    }

    #[test]
    fn list_items_are_counted_from_one_with_their_name() {
        let d = Diagnostic::error(Code::E0106, "content/a.md")
            .arg("key", "metrics[1].before")
            .arg("item", "Điện tiêu thụ")
            .arg("value", "\"nhiều\"")
            .arg("suggestion", "120");
        let vi = Catalogue::new("vi").diagnostic(&d, false);
        assert!(
            vi.contains("before của chỉ số thứ 2 (Điện tiêu thụ)"),
            "{vi}"
        );
        let en = Catalogue::new("en").diagnostic(&d, false);
        assert!(en.contains("before of metric 2 (Điện tiêu thụ)"), "{en}");
    }

    #[test]
    fn system_errors_are_said_plainly_with_the_detail_only_when_verbose() {
        let d = Diagnostic::error(Code::E0503, "a.md")
            .arg("message", "No such file or directory (os error 2)");
        let vi = Catalogue::new("vi").diagnostic(&d, false);
        assert!(!vi.contains("No such file"), "{vi}");
        assert!(vi.contains("không có tệp"), "{vi}");
        let verbose = Catalogue::new("vi").verbose(true).diagnostic(&d, false);
        assert!(verbose.contains("No such file"), "{verbose}");
    }

    #[test]
    fn codes_link_to_their_guide_page_only_when_asked() {
        let d = Diagnostic::warning(Code::W0104, "content/a.md").arg("lang", "en");
        let plain = Catalogue::new("en").diagnostic(&d, false);
        assert!(!plain.contains('\x1b'), "{plain:?}");
        let linked = Catalogue::new("en").links(true).diagnostic(&d, false);
        let url = format!("{}w0104/", Catalogue::new("en").guide_prefix());
        assert!(url.contains("/en/loi/w0104/"), "{url}");
        assert!(
            linked.ends_with(&format!("[\x1b]8;;{url}\x1b\\W0104\x1b]8;;\x1b\\]")),
            "{linked:?}"
        );
        assert!(!Catalogue::new("vi").guide_prefix().contains("/en/"));
    }

    #[test]
    fn formats_a_diagnostic_in_both_languages() {
        let d = Diagnostic::error(Code::E0105, "content/a.md")
            .at(2, 1)
            .arg("key", "title");
        let vi = Catalogue::new("vi").diagnostic(&d, false);
        let en = Catalogue::new("en").diagnostic(&d, false);
        assert!(vi.starts_with("content/a.md:2:1: error: "));
        assert!(en.starts_with("content/a.md:2:1: error: "));
        assert!(vi.contains("title") && en.contains("title"));
        assert_ne!(vi, en);
        assert!(vi.ends_with("[E0105]"));
    }
}
