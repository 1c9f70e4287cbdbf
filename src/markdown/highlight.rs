//! Code highlighting with CSS classes: the only user of syntect.
//!
//! The syntax set (bat's curated set, through `two-face`: TOML, TypeScript, SCSS, PowerShell,
//! Dockerfile, Go templates... besides syntect's defaults) loads once, lazily, the first time a
//! page has a fenced code block; a site without code never pays for it.

mod parsed_lines;

use parsed_lines::ParsedLines;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};
use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, line_tokens_to_classed_spans, ClassStyle};
use syntect::parsing::{ParseState, ScopeStack, SyntaxSet};
use syntect::util::LinesWithEndings;

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// Highlights code, owning what that needs: the syntax set, loaded the first time a page has
/// a fenced code block (a site without code never pays for it), and the blocks highlighted so
/// far. Sites repeat the same snippets across pages and languages, and highlighting is the
/// costliest part of Markdown rendering, so each block is highlighted once per highlighter;
/// [`Highlighter::save_used`] keeps only the blocks the last build used, so a long `serve`
/// session holds no more than its site's code.
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
    /// Highlighted blocks by hash of (language, code).
    blocks: Mutex<HashMap<u64, Block>>,
    /// Saved-block files already read.
    loaded: Mutex<HashSet<PathBuf>>,
    /// Whether the saved file holds every block in memory and no other that reads back: true
    /// from a complete first load until a block is added; saving then writes nothing.
    saved_whole: AtomicBool,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Highlighter")
            .field("blocks", &self.lock().len())
            .finish_non_exhaustive()
    }
}

/// Names written for text that has no colours to show: no highlighting, and no warning. Go's
/// text templates are here too: no syntax set has them.
const PLAIN: [&str; 16] = [
    "text",
    "txt",
    "plain",
    "plaintext",
    "console",
    "output",
    "none",
    "tree",
    "log",
    "terminal",
    "nohighlight",
    "goat",
    "go-template",
    "go-text-template",
    "gotmpl",
    "gotemplate",
];

/// Whether `lang` names plain text.
pub fn is_plain(lang: &str) -> bool {
    PLAIN.contains(&lang.to_ascii_lowercase().as_str())
}

/// The syntax name or extension that a common alias stands for.
fn canonical(lang: &str) -> &str {
    match lang {
        "shell" | "sh" | "zsh" | "shell-session" => "bash",
        "ts" => "typescript",
        "yml" => "yaml",
        "ps" | "ps1" | "pwsh" => "powershell",
        // HTML with `{{ }}` actions: HTML's colours fit it best.
        "go-html-template" | "gohtml" => "html",
        "jsonc" | "json5" => "json",
        "js" => "javascript",
        "py" => "python",
        "rs" => "rust",
        "docker" => "dockerfile",
        other => other,
    }
}

/// A highlighted block (`None`: the language is unknown) and whether this process used it
/// since the blocks were last saved.
struct Block {
    html: Option<String>,
    used: bool,
}

impl Highlighter {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Block>> {
        self.blocks.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn syntaxes(&self) -> &SyntaxSet {
        self.syntaxes.get_or_init(two_face::syntax::extra_newlines)
    }

    /// The highlighter as one thread uses it.
    pub fn local(&self) -> Local<'_> {
        Local {
            shared: self,
            lines: RefCell::default(),
        }
    }

    /// Highlights `code` written in `lang` (a name or file extension), parsing its lines
    /// through `lines`; `None` for an unknown language.
    fn highlight(&self, code: &str, lang: &str, lines: &mut ParsedLines) -> Option<String> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        (lang, code).hash(&mut hasher);
        let key = hasher.finish();
        if let Some(block) = self.lock().get_mut(&key) {
            block.used = true;
            return block.html.clone();
        }
        let html = highlight_uncached(self.syntaxes(), lines, code, lang);
        let block = Block {
            html: html.clone(),
            used: true,
        };
        self.lock().insert(key, block);
        self.saved_whole.store(false, Ordering::Relaxed);
        html
    }

    /// Loads the blocks an earlier build saved in `file`, once per file; a missing, unreadable
    /// or outdated file is ignored, and so is any block that is not plain spans.
    pub fn load_saved(&self, file: &Path) {
        let first = self
            .loaded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(file.to_path_buf());
        let Some(saved) = first.then(|| read_saved(file)).flatten() else {
            return;
        };
        let mut blocks = self.lock();
        let (count, fresh) = (saved.len(), blocks.is_empty());
        for (key, html) in saved {
            let plain = html.as_deref().is_none_or(is_plain_spans);
            if let (true, Ok(key)) = (plain, u64::from_str_radix(&key, 16)) {
                blocks.entry(key).or_insert(Block { html, used: false });
            }
        }
        self.saved_whole
            .store(fresh && blocks.len() == count, Ordering::Relaxed);
    }

    /// Saves in `file` (when given) the blocks used since the last save, and forgets the others:
    /// blocks of code no page has any more. Errors are ignored: the file only saves time.
    pub fn save_used(&self, file: Option<&Path>) {
        let mut blocks = self.lock();
        let before = blocks.len();
        blocks.retain(|_, b| b.used);
        blocks.values_mut().for_each(|b| b.used = false);
        // The file holds exactly these blocks already: nothing to write, nor to read back.
        let unchanged = blocks.len() == before && self.saved_whole.load(Ordering::Relaxed);
        let Some(file) = file.filter(|_| !unchanged) else {
            return;
        };
        let used: HashMap<String, Option<String>> = blocks
            .iter()
            .map(|(k, b)| (format!("{k:016x}"), b.html.clone()))
            .collect();
        drop(blocks);
        write_saved(file, used);
    }
}

/// A highlighter as one thread uses it while it renders a run of pages: the blocks of the
/// build, and the lines this thread parsed (blocks that differ still share most lines).
pub struct Local<'a> {
    shared: &'a Highlighter,
    lines: RefCell<ParsedLines>,
}

impl Local<'_> {
    /// Highlights `code` written in `lang` (a name or file extension); `None` for an unknown
    /// one.
    pub fn highlight(&self, code: &str, lang: &str) -> Option<String> {
        self.shared
            .highlight(code, lang, &mut self.lines.borrow_mut())
    }
}

/// What a saved file holds: blocks by hash, valid only for the `format` that wrote them (the
/// sachhon version and its syntax set).
#[derive(serde::Serialize, serde::Deserialize)]
struct Saved {
    format: String,
    blocks: HashMap<String, Option<String>>,
}

/// Changes whenever what `highlight` writes may change: a new sachhon or syntect version.
fn format_tag() -> String {
    format!(
        "sachhon {} syntect {} two-face classes hl-",
        env!("CARGO_PKG_VERSION"),
        env!("SACHHON_SYNTECT_VERSION")
    )
}

/// Whether saved HTML is what `highlight` writes, spans with classes around escaped text: the
/// file sits in the site's folder, and pages take its HTML as it is.
fn is_plain_spans(html: &str) -> bool {
    let mut rest = html;
    while let Some(at) = rest.find(['<', '>']) {
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("</span>") {
            rest = after;
            continue;
        }
        let Some(after) = rest.strip_prefix("<span class=\"") else {
            return false;
        };
        let Some(end) = after.find("\">") else {
            return false;
        };
        if after[..end].contains(['<', '>', '"', '=', '&']) {
            return false;
        }
        rest = &after[end + 2..];
    }
    true
}

fn read_saved(file: &Path) -> Option<HashMap<String, Option<String>>> {
    let bytes = std::fs::read(file).ok()?;
    let saved: Saved = serde_json::from_slice(&bytes).ok()?;
    (saved.format == format_tag()).then_some(saved.blocks)
}

/// Writes `blocks` to `file` unless it holds them already; no blocks, no file.
fn write_saved(file: &Path, blocks: HashMap<String, Option<String>>) {
    if blocks.is_empty() {
        let _ = std::fs::remove_file(file);
        return;
    }
    if read_saved(file).is_some_and(|known| known == blocks) {
        return;
    }
    let saved = Saved {
        format: format_tag(),
        blocks,
    };
    if let (Some(dir), Ok(json)) = (file.parent(), serde_json::to_vec(&saved)) {
        let _ = std::fs::create_dir_all(dir);
        let temporary = file.with_extension(format!("json.{}.tmp", std::process::id()));
        if std::fs::write(&temporary, json).is_ok() {
            let _ = std::fs::rename(&temporary, file);
        }
    }
}

/// `code` as spans with classes, as syntect's `ClassedHTMLGenerator` writes it, its lines
/// parsed through `lines`.
fn highlight_uncached(
    set: &SyntaxSet,
    lines: &mut ParsedLines,
    code: &str,
    lang: &str,
) -> Option<String> {
    let lower = lang.to_ascii_lowercase();
    let lang = canonical(&lower);
    let syntax = set
        .find_syntax_by_token(lang)
        .or_else(|| set.find_syntax_by_name(lang))
        .or_else(|| {
            set.syntaxes()
                .iter()
                .find(|s| s.name.eq_ignore_ascii_case(lang))
        })?;
    let mut state = ParseState::new(syntax);
    let mut scopes = ScopeStack::new();
    let mut html = String::with_capacity(code.len() * 8);
    let mut open: isize = 0;
    for line in LinesWithEndings::from(code) {
        let ops = lines.parse(&mut state, line, set).ok()?;
        let (spans, delta) = line_tokens_to_classed_spans(line, ops, STYLE, &mut scopes).ok()?;
        html.push_str(&spans);
        open += delta;
    }
    for _ in 0..open {
        html.push_str("</span>");
    }
    Some(html)
}

/// The stylesheet for highlighted code: a light theme, and a dark one for dark mode.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|t| css_for_theme_with_class_style(t, STYLE).ok())
            .unwrap_or_default()
    };
    format!(
        "/* Generated by sachhon from syntect themes. */\n@media not all and (prefers-color-scheme: dark) {{\n{}\n}}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_known_languages_with_classes() {
        let html = Highlighter::default()
            .local()
            .highlight("fn main() {}\n", "rust")
            .unwrap();
        assert!(html.contains("class=\"hl-"), "{html}");
    }

    #[test]
    fn saved_blocks_are_read_back_only_in_their_format() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cache/highlight.json");
        let html = Highlighter::default()
            .local()
            .highlight("x = 1\n", "python");
        let blocks: HashMap<String, Option<String>> = [
            ("00000000000000ab".to_string(), html),
            ("cd".to_string(), None),
        ]
        .into();
        write_saved(&file, blocks.clone());
        assert_eq!(read_saved(&file), Some(blocks));
        let outdated = std::fs::read_to_string(&file)
            .unwrap()
            .replace(&format_tag(), "sachhon 0.0.0");
        std::fs::write(&file, outdated).unwrap();
        assert_eq!(read_saved(&file), None);
        std::fs::write(&file, "not json").unwrap();
        assert_eq!(read_saved(&file), None);
        write_saved(&file, HashMap::new());
        assert!(!file.exists(), "no code, no file");
    }

    #[test]
    fn only_plain_spans_are_taken_from_a_saved_file() {
        let html = Highlighter::default()
            .local()
            .highlight("a = \"<b>\" # c++\n", "python")
            .unwrap();
        assert!(is_plain_spans(&html), "{html}");
        assert!(is_plain_spans("x &lt; y"));
        assert!(!is_plain_spans("<script>alert(1)</script>"));
        assert!(!is_plain_spans("<span class=\"a\" onclick=\"x\">"));
        assert!(!is_plain_spans("<span class=\"a\"><img src=x onerror=y>"));
        assert!(!is_plain_spans("a > b"));
    }

    #[test]
    fn highlights_the_languages_real_content_uses() {
        for lang in [
            "toml",
            "ts",
            "typescript",
            "scss",
            "powershell",
            "sh",
            "yml",
            "dockerfile",
        ] {
            assert!(
                Highlighter::default()
                    .local()
                    .highlight("a = 1\n", lang)
                    .is_some(),
                "{lang}"
            );
        }
        assert!(is_plain("console") && is_plain("tree") && is_plain("Text"));
    }

    #[test]
    fn a_highlighter_keeps_only_the_blocks_its_last_build_used() {
        let h = Highlighter::default();
        h.local().highlight("a = 1\n", "python");
        h.local().highlight("b = 2\n", "python");
        h.save_used(None);
        assert_eq!(h.lock().len(), 2);
        // The next build uses one of them: the other is forgotten after it.
        h.local().highlight("a = 1\n", "python");
        h.save_used(None);
        assert_eq!(h.lock().len(), 1);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("highlight.json");
        h.local().highlight("a = 1\n", "python");
        h.save_used(Some(&file));
        let fresh = Highlighter::default();
        fresh.load_saved(&file);
        assert_eq!(fresh.lock().len(), 1, "saved blocks are read back");
    }

    #[test]
    fn a_build_that_used_exactly_the_saved_blocks_leaves_the_file_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("highlight.json");
        let first = Highlighter::default();
        first.local().highlight("a = 1\n", "python");
        first.local().highlight("b = 2\n", "python");
        first.save_used(Some(&file));
        let same = Highlighter::default();
        same.load_saved(&file);
        // Once the blocks are loaded, saving them unchanged neither reads the file again nor
        // writes it: a stand-in put there now stays.
        let written = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, "stand-in").unwrap();
        same.local().highlight("a = 1\n", "python");
        same.local().highlight("b = 2\n", "python");
        same.save_used(Some(&file));
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "stand-in");
        std::fs::write(&file, &written).unwrap();
        let marked = written;
        // One block fewer, or one more: the file is written again.
        let fewer = Highlighter::default();
        fewer.load_saved(&file);
        fewer.local().highlight("a = 1\n", "python");
        fewer.save_used(Some(&file));
        assert_ne!(std::fs::read_to_string(&file).unwrap(), marked);
        let more = Highlighter::default();
        more.load_saved(&file);
        more.local().highlight("a = 1\n", "python");
        more.local().highlight("c = 3\n", "python");
        more.save_used(Some(&file));
        let again = Highlighter::default();
        again.load_saved(&file);
        assert_eq!(again.lock().len(), 2, "the new block is saved");
    }

    /// What syntect's own generator writes for `code`.
    fn generated(code: &str, lang: &str) -> String {
        let set = two_face::syntax::extra_newlines();
        let syntax = set.find_syntax_by_token(lang).unwrap();
        let mut generator =
            syntect::html::ClassedHTMLGenerator::new_with_class_style(syntax, &set, STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .unwrap();
        }
        generator.finalize()
    }

    #[test]
    fn remembered_lines_give_what_syntect_writes() {
        // The same line outside and inside a string, a comment and a block: each parse starts
        // from its own state.
        let blocks = [
            ("x = 1\n\"\"\"\nx = 1\n\"\"\"\nx = 1\n", "python"),
            ("x = 1\ndef f():\n    return \"x = 1\"\n", "python"),
            ("fn a() {\n}\n/*\n}\n*/\nfn b() {\n}\n", "rust"),
            ("a: 1\nb: |\n  a: 1\nc: 2", "yaml"),
        ];
        let shared = Highlighter::default();
        let h = shared.local();
        for (code, lang) in blocks {
            assert_eq!(
                h.highlight(code, lang).unwrap(),
                generated(code, lang),
                "{code}"
            );
        }
        let lines: usize = blocks.iter().map(|(c, _)| c.lines().count()).sum();
        let kept = h.lines.borrow().len();
        assert!(
            kept < lines,
            "{kept} parses for {lines} lines: none was reused"
        );
    }

    #[test]
    fn unknown_language_is_none() {
        assert!(Highlighter::default()
            .local()
            .highlight("x", "no-such-language")
            .is_none());
    }

    #[test]
    fn stylesheet_has_light_and_dark_rules() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
