//! The commands: orchestration only; the work lives in the library.

pub mod build;
pub mod check;
pub mod cms_config;
pub mod init;
pub mod new;
pub mod serve;
pub mod usage;

use sachhon::diagnostics::{Code, Diagnostic};
use sachhon::messages::Catalogue;
use sachhon::pipeline::Settings;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Arguments every site command takes.
#[derive(clap::Args, Debug, Clone)]
pub struct SiteArgs {
    /// Site root (the folder holding site.yaml; default: this folder or the nearest parent
    /// holding one).
    #[arg(long)]
    pub root: Option<PathBuf>,
    /// Override base_url of site.yaml.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Include drafts and pages dated in the future.
    #[arg(long)]
    pub drafts: bool,
    /// Write every internal link relative to its page (for file:// and unknown sub-paths).
    #[arg(long)]
    pub relative_urls: bool,
}

impl SiteArgs {
    /// The validated build settings, or `None` (the reason said) when there is no site.
    pub fn settings(&self, out: &Out) -> Option<Settings> {
        let root = site_root(out, self.root.as_deref())?;
        Some(Settings {
            root,
            base_url: self.base_url.clone(),
            drafts: self.drafts,
            relative_urls: self.relative_urls,
            live_reload: false,
            check_links: false,
            keep_caches: false,
        })
    }
}

/// The site's root folder: `--root` when given, else this folder or the nearest parent holding
/// site.yaml, as git finds its repository. `None`, after saying why, when there is no site.
pub fn site_root(out: &Out, given: Option<&Path>) -> Option<PathBuf> {
    let file = sachhon::config::CONFIG_FILE;
    let start = std::path::absolute(given.unwrap_or(Path::new("."))).ok();
    let found = match (given, &start) {
        (Some(_), Some(dir)) => dir.join(file).is_file().then(|| dir.clone()),
        (None, Some(dir)) => dir
            .ancestors()
            .find(|d| d.join(file).is_file())
            .map(Path::to_path_buf),
        (_, None) => None,
    };
    if found.is_none() {
        let shown = start.map_or_else(|| ".".to_string(), |d| d.display().to_string());
        let form = if given.is_some() { "given" } else { "here" };
        let d = Diagnostic::error(Code::E0070, "")
            .arg("dir", shown)
            .arg("form", form);
        out.diagnostics(&[d]);
    }
    found
}

/// Writes one line to stderr. A closed or full stderr (`2>&-`, `| head -1`, `/dev/full`) loses
/// the line and nothing else: the command carries on and exits with the status of its work.
pub fn say(line: &str) {
    use std::io::Write;
    // One write: stderr is unbuffered, and `writeln!` would write the line and its break apart.
    let _ = std::io::stderr()
        .lock()
        .write_all(format!("{line}\n").as_bytes());
}

/// Whether stderr is a terminal that shows hyperlinks (OSC 8): a terminal whose `TERM` is set
/// and not `dumb`, or Windows Terminal. Piped output, logs and tests never get the escapes.
fn terminal_shows_links() -> bool {
    let term = std::env::var("TERM").ok().filter(|t| !t.is_empty());
    let known = match term {
        Some(term) => term != "dumb",
        None => std::env::var_os("WT_SESSION").is_some(),
    };
    known && std::io::stderr().is_terminal()
}

/// Prints messages in the user's language, colored on a terminal unless `NO_COLOR` is set.
pub struct Out {
    /// The message catalogue.
    pub catalogue: Catalogue,
    color: bool,
}

impl Out {
    /// Output in `lang`; `verbose` adds the technical details (the YAML parser's or the
    /// system's own words) after the plain sentences.
    pub fn new(lang: &str, verbose: bool) -> Self {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            && std::io::stderr().is_terminal();
        Out {
            catalogue: Catalogue::new(lang)
                .verbose(verbose)
                .links(terminal_shows_links()),
            color,
        }
    }

    /// Prints every diagnostic to stderr, in one write (a site can have thousands).
    pub fn diagnostics(&self, diags: &[Diagnostic]) {
        if diags.is_empty() {
            return;
        }
        let lines: Vec<String> = diags
            .iter()
            .map(|d| self.catalogue.diagnostic(d, self.color))
            .collect();
        say(&lines.join("\n"));
    }

    /// Prints the catalogue's message `id` as one line on stderr.
    pub fn say(&self, id: &str, args: &[(&str, String)]) {
        say(&self.text(id, args));
    }

    /// Says how many pages were left out and why, if any were.
    pub fn withheld(&self, w: &sachhon::content::Withheld) {
        if w.any() {
            self.say(
                "withheld",
                &[
                    ("drafts", w.drafts.to_string()),
                    ("scheduled", w.scheduled.to_string()),
                    ("expired", w.expired.to_string()),
                ],
            );
        }
    }

    /// A message from the catalogue.
    pub fn text(&self, id: &str, args: &[(&str, String)]) -> String {
        self.catalogue.text(id, args)
    }
}
