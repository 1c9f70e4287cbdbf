//! The opening line of a block of another tool: `!!! type "Title"`, `??? type`, `???+ type`,
//! `:::type Title`, `=== "Label"`.

use super::{Block, Container};

/// A block's opening line (its indentation already taken off), and the container it opens.
pub(super) fn opener(line: &str) -> Option<(Block, Container)> {
    let line = line.trim_end();
    if let Some(label) = tab_label(line) {
        return Some((Block::Tab(label), Container::Indented { lead: 0 }));
    }
    let (folds, rest) = if let Some(r) = line.strip_prefix("!!!") {
        (None, r)
    } else if let Some(r) = line.strip_prefix("???+") {
        (Some(true), r)
    } else if let Some(r) = line.strip_prefix("???") {
        (Some(false), r)
    } else {
        return docusaurus(line);
    };
    // Python-Markdown takes `!!!note` as well as `!!! note`.
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let block = admonition(rest, folds)?;
    Some((block, Container::Indented { lead: 0 }))
}

/// Whether `line` (its indentation taken off) looks like the opening line of an MkDocs block:
/// one that did not open a block is reported rather than shown as written.
pub(super) fn looks_like_opener(line: &str) -> bool {
    let line = line.trim();
    [("!!!", ""), ("???", "+"), ("===", "+!")]
        .iter()
        .any(|(marker, signs)| {
            line.strip_prefix(marker)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| c == ' ' || c.is_alphanumeric() || signs.contains(c))
        })
}

/// `=== "Label"`, and pymdownx.tabbed's `===+ "Label"` (selected) and `===! "Label"` (a new
/// set of tabs): the label.
fn tab_label(line: &str) -> Option<String> {
    let rest = line.strip_prefix("===")?;
    let rest = rest.trim_start_matches(['+', '!']);
    let label = rest.strip_prefix(' ')?.trim();
    (!label.is_empty()).then(|| unquote(label))
}

/// `:::type Title`: only the types Docusaurus has (`:::` also opens other tools' divs).
fn docusaurus(line: &str) -> Option<(Block, Container)> {
    let colons = line.chars().take_while(|&c| c == ':').count();
    let rest = line.get(colons..).filter(|_| colons >= 3)?;
    let (kind, title) = rest.split_once(' ').unwrap_or((rest, ""));
    let class = alert_class(kind.trim())?;
    let title = title.trim();
    let title = title
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(title);
    let block = Block::Alert {
        class,
        kind: None,
        title: (!title.is_empty()).then(|| title.to_string()),
        folds: None,
    };
    Some((block, Container::Colons(colons)))
}

/// `type [more classes] ["Title"]` after `!!!` or `???`. Any word is a type, as in
/// Python-Markdown: one sachhon does not know is shown with the generic look, titled with the
/// type capitalised unless a title is given.
fn admonition(rest: &str, folds: Option<bool>) -> Option<Block> {
    let rest = rest.trim();
    let (word, after) = rest.split_once(' ').unwrap_or((rest, ""));
    let word = word.split('.').next().unwrap_or(word);
    if word.is_empty() || !word.chars().all(is_word_char) {
        return None;
    }
    let after = after.trim();
    let title = (!after.is_empty()).then(|| title_of(after));
    let block = match alert_class(word) {
        Some(class) => Block::Alert {
            class,
            kind: None,
            title,
            folds,
        },
        None => Block::Alert {
            class: "other",
            kind: safe_class(word),
            title: title.or_else(|| Some(capitalised(word))),
            folds,
        },
    };
    Some(block)
}

/// The title in what follows the type: the quoted title after any further class words
/// (`inline end "Title"`), else the text as written.
fn title_of(after: &str) -> String {
    if let Some(start) = after.find('"').filter(|_| after.ends_with('"')) {
        let classes = &after[..start];
        if start < after.len() - 1 && classes.chars().all(|c| is_word_char(c) || c == ' ') {
            return after[start + 1..after.len() - 1].to_string();
        }
    }
    unquote(after)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The type as a class name (`admonition-<type>`), when it is a plain ASCII identifier.
fn safe_class(word: &str) -> Option<String> {
    let starts_with_letter = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let plain = word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    (starts_with_letter && plain && word.len() <= 40).then(|| word.to_ascii_lowercase())
}

/// Python's `str.capitalize`: the first letter upper case, the rest lower case.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
    first.unwrap_or_default() + &chars.as_str().to_lowercase()
}

fn unquote(text: &str) -> String {
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
        .to_string()
}

/// The alert that shows an admonition type of MkDocs or Docusaurus.
fn alert_class(kind: &str) -> Option<&'static str> {
    Some(match kind.to_ascii_lowercase().as_str() {
        "note" | "info" | "abstract" | "summary" | "tldr" | "todo" | "example" | "quote"
        | "cite" | "seealso" | "secondary" => "note",
        "tip" | "hint" | "success" | "check" | "done" => "tip",
        "important" | "question" | "help" | "faq" => "important",
        "warning" | "attention" | "caution" => "warning",
        "danger" | "error" | "failure" | "fail" | "missing" | "bug" => "caution",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alert(line: &str) -> Block {
        opener(line).map(|(b, _)| b).unwrap()
    }

    #[test]
    fn any_word_is_an_admonition_type() {
        assert_eq!(
            alert("!!! pied-piper \"Pied Piper\""),
            Block::Alert {
                class: "other",
                kind: Some("pied-piper".into()),
                title: Some("Pied Piper".into()),
                folds: None,
            }
        );
        assert_eq!(
            alert("???+ Classic"),
            Block::Alert {
                class: "other",
                kind: Some("classic".into()),
                title: Some("Classic".into()),
                folds: Some(true),
            }
        );
        // A word that is no safe class name still opens a block, without a class of its own.
        let Block::Alert { kind, title, .. } = alert("!!! ghi-chú") else {
            panic!()
        };
        assert_eq!((kind, title.as_deref()), (None, Some("Ghi-chú")));
        assert!(opener("!!! Hello: there").is_none());
        assert!(opener("!!!").is_none());
    }

    #[test]
    fn class_words_before_a_quoted_title_are_not_the_title() {
        let Block::Alert { class, title, .. } = alert("!!! info inline end \"Lorem\"") else {
            panic!()
        };
        assert_eq!((class, title.as_deref()), ("note", Some("Lorem")));
        let Block::Alert { title, .. } = alert("!!!note Plain title") else {
            panic!()
        };
        assert_eq!(title.as_deref(), Some("Plain title"));
    }

    #[test]
    fn tab_markers_of_pymdownx_tabbed() {
        for line in ["=== \"A\"", "===+ \"A\"", "===! \"A\"", "=== A"] {
            assert_eq!(alert(line), Block::Tab("A".into()), "{line}");
        }
        assert!(opener("===").is_none());
        assert!(!looks_like_opener("=== "));
        assert!(!looks_like_opener("======"));
        assert!(looks_like_opener("!!! Hello: there"));
    }
}
