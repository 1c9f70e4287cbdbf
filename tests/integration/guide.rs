//! The editor's guide (docs/) is checked against the tool, so it cannot drift: its sample
//! messages are the catalogue's, each code page's wrong example gives the message it shows,
//! every command line it shows is accepted, its command page names every option, and its code
//! index covers exactly the catalogue's codes.

use crate::support::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content")
}

/// Every Markdown page of the guide, with its path from docs/content and its text.
fn pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(docs()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            let name = entry.path().strip_prefix(docs()).unwrap();
            let text = std::fs::read_to_string(entry.path()).unwrap();
            out.push((name.to_string_lossy().replace('\\', "/"), text));
        }
    }
    out.sort();
    assert!(out.len() > 100, "{} pages", out.len());
    out
}

fn lang_of(page: &str) -> &'static str {
    if page.ends_with(".en.md") {
        "en"
    } else {
        "vi"
    }
}

/// A fenced block: its info string, its lines, and the text before it since the last block.
struct Block {
    info: String,
    lines: Vec<String>,
    before: String,
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let mut before = String::new();
    for line in text.lines() {
        match current.take() {
            Some(block) if line.trim_start().starts_with("```") => {
                out.push(block);
                before.clear();
            }
            Some(mut block) => {
                block.lines.push(line.to_string());
                current = Some(block);
            }
            None if line.starts_with("```") => {
                current = Some(Block {
                    info: line.trim_start_matches('`').trim().to_string(),
                    lines: Vec::new(),
                    before: std::mem::take(&mut before),
                });
            }
            None => {
                before.push_str(line);
                before.push('\n');
            }
        }
    }
    out
}

/// A piece of a message pattern: literal text, a value, or one of several variants.
#[derive(Debug)]
enum Piece {
    Text(String),
    Value,
    OneOf(Vec<Vec<Piece>>),
}

fn pieces(pattern: &ast::Pattern<&str>) -> Vec<Piece> {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => Piece::Text(value.to_string()),
            ast::PatternElement::Placeable { expression } => expression_piece(expression),
        })
        .collect()
}

fn expression_piece(expression: &ast::Expression<&str>) -> Piece {
    match expression {
        ast::Expression::Select { variants, .. } => {
            Piece::OneOf(variants.iter().map(|v| pieces(&v.value)).collect())
        }
        ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
            Piece::Text(value.replace("\\u007B", "{"))
        }
        ast::Expression::Inline(_) => Piece::Value,
    }
}

/// Whether `text` is what `pieces` can produce (values match any non-empty text).
fn matches(pieces: &[Piece], text: &str) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return text.is_empty();
    };
    match first {
        Piece::Text(literal) => text
            .strip_prefix(literal.as_str())
            .is_some_and(|t| matches(rest, t)),
        Piece::Value => text
            .char_indices()
            .skip(1)
            .map(|(i, _)| i)
            .chain([text.len()])
            .any(|i| i > 0 && matches(rest, &text[i..])),
        Piece::OneOf(variants) => variants.iter().any(|variant| {
            // A variant followed by the rest: flatten by trying each split of the text.
            (0..=text.len())
                .filter(|i| text.is_char_boundary(*i))
                .any(|i| matches(variant, &text[..i]) && matches(rest, &text[i..]))
        }),
    }
}

/// The catalogue's messages of one language, as patterns.
fn catalogue(lang: &str) -> BTreeMap<String, Vec<Piece>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/messages/{lang}.ftl"));
    let source = std::fs::read_to_string(path).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some((m.id.name.to_string(), pieces(m.value.as_ref()?))),
            _ => None,
        })
        .collect()
}

/// `path:line:col: error: message [CODE]` split into the message and the code.
fn sample_message(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let (rest, code) = line.strip_suffix(']')?.rsplit_once(" [")?;
    let is_code = code.len() == 5
        && (code.starts_with('E') || code.starts_with('W'))
        && code[1..].chars().all(|c| c.is_ascii_digit());
    if !is_code {
        return None;
    }
    let message = ["error: ", "warning: "]
        .iter()
        .find_map(|word| rest.split_once(word).map(|(_, m)| m))?;
    Some((message, code))
}

#[test]
fn every_sample_message_in_the_guide_is_the_catalogues() {
    let catalogues = [("vi", catalogue("vi")), ("en", catalogue("en"))];
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (page, text) in pages() {
        let lang = lang_of(&page);
        let messages = &catalogues.iter().find(|(l, _)| *l == lang).unwrap().1;
        for block in blocks(&text) {
            for line in &block.lines {
                let Some((message, code)) = sample_message(line) else {
                    continue;
                };
                checked += 1;
                // `--verbose` adds the technical detail in brackets at the end.
                let ok = messages.get(code).is_some_and(|pattern| {
                    matches(pattern, message)
                        || message
                            .rsplit_once(" (")
                            .is_some_and(|(m, _)| matches(pattern, m))
                });
                if !ok {
                    wrong.push(format!("{page}: {line}"));
                }
            }
        }
    }
    assert!(checked > 150, "only {checked} sample lines found");
    assert!(
        wrong.is_empty(),
        "not the catalogue's words:\n{}",
        wrong.join("\n")
    );
}

/// The first two words of a message that starts with text (`Đã tạo`, `Bản xem trước`).
fn opening(pattern: &[Piece]) -> Option<String> {
    let Some(Piece::Text(text)) = pattern.first() else {
        return None;
    };
    let words: Vec<&str> = text.split_whitespace().take(2).collect();
    (words.len() == 2).then(|| words.join(" "))
}

#[test]
fn every_sample_of_what_a_command_prints_is_the_catalogues() {
    let catalogues = [("vi", catalogue("vi")), ("en", catalogue("en"))];
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (page, text) in pages() {
        let lang = lang_of(&page);
        let messages = &catalogues.iter().find(|(l, _)| *l == lang).unwrap().1;
        // Lines of text blocks, and inline code such as `Rebuilt in 12 ms.`
        let mut lines: Vec<String> = blocks(&text)
            .into_iter()
            .filter(|b| b.info == "txt")
            .flat_map(|b| b.lines)
            .collect();
        lines.extend(text.split('`').skip(1).step_by(2).map(str::to_string));
        {
            for line in &lines {
                if sample_message(line).is_some() {
                    continue;
                }
                let start: Vec<&str> = line.split_whitespace().take(2).collect();
                let start = start.join(" ");
                let candidates: Vec<_> = messages
                    .iter()
                    .filter(|(id, p)| {
                        !id.starts_with(['E', 'W']) && opening(p).as_ref() == Some(&start)
                    })
                    .collect();
                if candidates.is_empty() {
                    continue;
                }
                checked += 1;
                if !candidates.iter().any(|(_, p)| matches(p, line.trim())) {
                    let ids: Vec<_> = candidates.iter().map(|(id, _)| id.as_str()).collect();
                    wrong.push(format!("{page}: {line} (not {ids:?})"));
                }
            }
        }
    }
    assert!(checked >= 10, "only {checked} lines checked: {wrong:?}");
    assert!(
        wrong.is_empty(),
        "not what sachhon prints:\n{}",
        wrong.join("\n")
    );
}

/// A code page's wrong example: the content files it writes (each block of front matter
/// after a sentence naming its file, `Tệp `content/x.md`:`) and the message lines it shows.
/// `None` when the example is not content files alone (site.yaml, templates, a folder).
/// A wrong example: its files (path, text) and the message lines shown for it.
struct WrongExample {
    files: Vec<(String, String)>,
    shown: Vec<String>,
}

fn wrong_example(text: &str) -> Option<WrongExample> {
    let all = blocks(text);
    let shown_at = all
        .iter()
        .position(|b| b.info == "txt" && b.lines.iter().any(|l| sample_message(l).is_some()))?;
    let mut files = Vec::new();
    for block in &all[..shown_at] {
        let is_page = ["yaml", "markdown", "md"].contains(&block.info.as_str())
            && block.lines.first().is_some_and(|l| l == "---");
        if !is_page {
            continue;
        }
        let file = block
            .before
            .rsplit('`')
            .nth(1)
            .filter(|f| f.starts_with("content/") && f.ends_with(".md"))?;
        files.push((file.to_string(), block.lines.join("\n") + "\n"));
    }
    let shown = all[shown_at]
        .lines
        .iter()
        .filter(|l| sample_message(l).is_some())
        .cloned()
        .collect();
    (!files.is_empty()).then_some(WrongExample { files, shown })
}

/// Code pages whose wrong example needs more than its content files to give its message.
const NOT_RUNNABLE: &[(&str, &str)] = &[
    (
        "e0101",
        "the example is about bytes that are not UTF-8, which a page cannot show",
    ),
    ("e0302", "the linked case study is described, not shown"),
    ("e0304", "the linked draft is described, not shown"),
    ("e0305", "needs the network and --external"),
    ("e0401", "needs a template of the site"),
    ("e0607", "needs a shortcode template of the site"),
    (
        "w0105",
        "the example holds a fenced block inside a fenced block",
    ),
];

#[test]
fn every_wrong_example_gives_the_message_its_page_shows() {
    let mut run = 0;
    let mut wrong = Vec::new();
    let mut not_run = BTreeSet::new();
    for (page, text) in pages() {
        if !page.starts_with("loi/e") && !page.starts_with("loi/w") {
            continue;
        }
        let Some(WrongExample { files, shown }) = wrong_example(&text) else {
            continue;
        };
        let code = &page[4..9];
        if NOT_RUNNABLE.iter().any(|(c, _)| *c == code) {
            not_run.insert(code.to_string());
            continue;
        }
        run += 1;
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        let site = fixture_with("minimal", &files);
        let env = [("SACHHON_LANG", lang_of(&page))];
        let stderr = command_with_env("check", site.path(), &[], &env).stderr;
        for line in shown {
            if !stderr.lines().any(|l| l == line.trim()) {
                wrong.push(format!(
                    "{page}: shows\n  {line}\nbut sachhon says\n{stderr}"
                ));
            }
        }
    }
    let listed: BTreeSet<String> = NOT_RUNNABLE.iter().map(|(c, _)| c.to_string()).collect();
    assert_eq!(
        not_run, listed,
        "the list of examples not run is up to date"
    );
    assert!(run > 40, "only {run} wrong examples run");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A command line as words, quotes removed (`"Hội thảo"` is one word).
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
            }
            c => word.push(c),
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Every command line the guide shows: lines of code blocks and inline code starting with
/// `sachhon ` (after a `$ ` prompt), without syntax summaries (`[--lang vi|en]`, `TÊN`).
fn command_lines(text: &str) -> Vec<String> {
    // Prompted examples (`$ sachhon ...` and what it prints) are run whole by their own test.
    let mut lines: Vec<String> = blocks(text)
        .iter()
        .flat_map(|b| b.lines.clone())
        .filter(|l| !l.starts_with("$ "))
        .collect();
    for (i, span) in text.split('`').enumerate() {
        if i % 2 == 1 {
            lines.push(span.to_string());
        }
    }
    lines
        .iter()
        .map(|l| l.trim().trim_start_matches("$ ").trim())
        .filter(|l| l.starts_with("sachhon ") || *l == "sachhon")
        .map(|l| l.split(" #").next().unwrap_or(l).trim())
        .map(|l| l.trim_end_matches(" &").to_string())
        // `sachhon 0.1.0` is what `sachhon --version` prints, not a command.
        .filter(|l| {
            !l.split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        })
        .filter(|l| {
            !l.contains(['[', '|', '<', '…', '{', '('])
                && !l.contains("...")
                && !l.chars().any(|c| c.is_uppercase() && !c.is_ascii())
                && !l
                    .split_whitespace()
                    .any(|w| w.len() > 2 && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
        })
        .collect()
}

#[test]
fn every_command_line_in_the_guide_is_accepted() {
    let mut seen = BTreeSet::new();
    let mut wrong = Vec::new();
    for (page, text) in pages() {
        for line in command_lines(&text) {
            if !seen.insert(line.clone()) {
                continue;
            }
            // `--help` at the end: clap reads every word before it (options, values) and
            // refuses a wrong one, but runs nothing.
            let mut args = words(&line);
            args.remove(0);
            args.push("--help".to_string());
            let r = sachhon().args(&args).output().unwrap();
            if r.status.code() != Some(0) {
                let stderr = String::from_utf8_lossy(&r.stderr);
                wrong.push(format!("{page}: {line}\n{stderr}"));
            }
        }
    }
    assert!(
        seen.len() > 30,
        "only {} command lines: {seen:?}",
        seen.len()
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The prompted examples of a page: `$ sachhon ...` lines and the lines printed after them.
fn prompted(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for block in blocks(text) {
        let mut current: Option<(String, Vec<String>)> = None;
        for line in block.lines {
            if let Some(command) = line.strip_prefix("$ ") {
                out.extend(current.take());
                current = Some((command.to_string(), Vec::new()));
            } else if let Some((_, printed)) = current.as_mut() {
                printed.push(line);
            }
        }
        out.extend(current);
    }
    out
}

#[test]
fn every_prompted_example_prints_what_the_guide_shows() {
    let mut run = 0;
    for (page, text) in pages() {
        for (command, shown) in prompted(&text) {
            run += 1;
            let mut args = words(&command);
            assert_eq!(args.remove(0), "sachhon", "{page}: {command}");
            let folder = tempfile::tempdir().unwrap();
            let r = sachhon()
                .env("SACHHON_LANG", lang_of(&page))
                .current_dir(folder.path())
                .args(&args)
                .output()
                .unwrap();
            let printed = format!(
                "{}{}",
                String::from_utf8_lossy(&r.stdout),
                String::from_utf8_lossy(&r.stderr)
            );
            assert_eq!(
                printed.trim_end(),
                shown.join("\n").trim_end(),
                "{page}: {command}"
            );
        }
    }
    assert!(run >= 2, "only {run} prompted examples");
}

/// The long options `sachhon <command> --help` lists.
fn options_of(command: &str) -> Vec<String> {
    let r = sachhon().args([command, "--help"]).output().unwrap();
    String::from_utf8_lossy(&r.stdout)
        .split_whitespace()
        .filter(|w| w.starts_with("--"))
        .map(|w| w.trim_end_matches(',').to_string())
        .collect()
}

#[test]
fn the_command_page_names_every_option_of_every_command() {
    for page in ["tham-chieu/dong-lenh.md", "tham-chieu/dong-lenh.en.md"] {
        let text = std::fs::read_to_string(docs().join(page)).unwrap();
        for command in ["build", "serve", "check", "cms-config", "init", "new"] {
            let heading = format!("## sachhon {command}\n");
            let start = text
                .find(&heading)
                .unwrap_or_else(|| panic!("{page}: {heading}"));
            let section = &text[start + heading.len()..];
            let section = &section[..section.find("\n## ").unwrap_or(section.len())];
            for option in options_of(command) {
                let global = ["--lang", "--verbose", "--help"].contains(&option.as_str());
                assert!(
                    global || section.contains(&option),
                    "{page}: the section of {command} does not name {option}"
                );
            }
        }
    }
}

/// The codes a cell of the index names: `E0101–E0117`, `E0070`, `W06xx`.
fn codes_named(cell: &str, all: &BTreeSet<String>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for part in cell.split(',').map(str::trim) {
        if let Some((from, to)) = part.split_once('–') {
            out.extend(
                all.iter()
                    .filter(|c| c.as_str() >= from && c.as_str() <= to)
                    .cloned(),
            );
            assert!(
                all.contains(from) && all.contains(to),
                "{part}: no such code"
            );
        } else if let Some(prefix) = part.strip_suffix("xx") {
            out.extend(all.iter().filter(|c| c.starts_with(prefix)).cloned());
        } else {
            assert!(all.contains(part), "{part}: no such code");
            out.insert(part.to_string());
        }
    }
    out
}

#[test]
fn the_code_index_covers_exactly_the_catalogues_codes() {
    let all: BTreeSet<String> = catalogue("en")
        .into_keys()
        .filter(|id| id.len() == 5 && (id.starts_with('E') || id.starts_with('W')))
        .collect();
    let pages: BTreeSet<String> = std::fs::read_dir(docs().join("loi"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| !n.starts_with('_') && !n.ends_with(".en.md"))
        .map(|n| n.trim_end_matches(".md").to_uppercase())
        .collect();
    assert_eq!(
        pages, all,
        "one guide page per catalogue code, and no other"
    );
    for index in ["loi/_index.md", "loi/_index.en.md"] {
        let text = std::fs::read_to_string(docs().join(index)).unwrap();
        let mut covered = BTreeSet::new();
        for row in text
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains('0'))
        {
            let cell = row.split('|').nth(1).unwrap_or_default();
            covered.extend(codes_named(cell, &all));
        }
        let missing: Vec<_> = all.difference(&covered).collect();
        assert!(missing.is_empty(), "{index}: the table misses {missing:?}");
    }
    // Every code page shows the message of its code, so the index's pages say its text.
    for code in &all {
        for page in [
            format!("loi/{}.md", code.to_lowercase()),
            format!("loi/{}.en.md", code.to_lowercase()),
        ] {
            let text = std::fs::read_to_string(docs().join(&page)).unwrap();
            let shows = blocks(&text)
                .iter()
                .flat_map(|b| b.lines.iter())
                .any(|l| sample_message(l).is_some_and(|(_, c)| c == code));
            assert!(shows, "{page} shows no sample message of {code}");
        }
    }
}
