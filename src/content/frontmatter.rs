//! Splitting a content file into its front matter (YAML between `---` lines, or TOML between
//! `+++` lines) and Markdown body.

/// The language of a front matter, told by its fences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `---` lines.
    Yaml,
    /// Between `+++` lines (Zola, Hugo).
    Toml,
}

/// A content file cut into its parts, with the line numbers needed to locate problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The front matter text between the fences.
    pub yaml: &'a str,
    /// Whether that text is YAML or TOML.
    pub format: Format,
    /// Lines of the file before the YAML text (the opening `---`).
    pub yaml_line_offset: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// Lines of the file before the body.
    pub body_line_offset: usize,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with `---` or `+++` (an empty file included).
    Missing,
    /// The opening `---` has no closing `---` (line of the opening one).
    Unclosed,
}

/// Splits `text` (BOM removed, `\n` line endings) at its `---` (or `+++`) fences.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    // Blank lines (spaces and a byte-order mark included) before the opening fence are
    // allowed, as Zola and Hugo allow them: editors' tools add them.
    let lead = text.len() - text.trim_start_matches(['\n', ' ', '\t', '\u{feff}']).len();
    let cut = text[..lead].rfind('\n').map_or(0, |i| i + 1);
    let blank = text[..cut].matches('\n').count();
    let mut split = split_at_fences(text[cut..].trim_start_matches('\u{feff}'))?;
    split.yaml_line_offset += blank;
    split.body_line_offset += blank;
    Ok(split)
}

/// The title of a file without front matter, and its body: the first `# ` heading (outside
/// code), whose line is blanked so that it is not shown twice and lines keep their numbers.
pub fn heading_title(body: &str) -> Option<(String, String)> {
    let mut fence: Option<&str> = None;
    let mut offset = 0;
    for line in crate::text::lines_inclusive(body) {
        let trimmed = line.trim_start();
        match fence {
            Some(f) if trimmed.starts_with(f) => fence = None,
            Some(_) => {}
            None if trimmed.starts_with("```") => fence = Some("```"),
            None if trimmed.starts_with("~~~") => fence = Some("~~~"),
            None => {
                let title = line
                    .strip_prefix("# ")
                    .map(|t| t.trim().trim_end_matches('#').trim());
                if let Some(title) = title.filter(|t| !t.is_empty()) {
                    let mut rest = String::with_capacity(body.len());
                    rest.push_str(&body[..offset]);
                    rest.push('\n');
                    rest.push_str(&body[offset + line.len()..]);
                    return Some((title.to_string(), rest));
                }
            }
        }
        offset += line.len();
    }
    None
}

/// A file name as a title: `getting-started.md` -> `Getting started` (a bundle or section
/// file is named by its folder; `.en` and the Markdown ending dropped).
pub fn humanize_name(rel: &str) -> String {
    let mut parts = rel.rsplit('/');
    let file = parts.next().unwrap_or(rel);
    let stem = super::discover::markdown_stem(file).unwrap_or(file);
    let stem = match stem.rsplit_once('.') {
        Some((base, lang)) if (2..=3).contains(&lang.len()) => base,
        _ => stem,
    };
    let name = if stem == "index" || stem == "_index" {
        // The home has no name of its own: the site's title serves.
        parts.next().unwrap_or("")
    } else {
        stem
    };
    let words = name.replace(['-', '_'], " ");
    let words = words.trim();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn split_at_fences(text: &str) -> Result<Split<'_>, SplitError> {
    let (fence, format) = if text.starts_with("+++") {
        ("+++", Format::Toml)
    } else {
        ("---", Format::Yaml)
    };
    let rest = text
        .strip_prefix(fence)
        .and_then(|r| r.strip_prefix('\n'))
        .or_else(|| (text.trim_end() == fence).then_some(""))
        .ok_or(SplitError::Missing)?;
    let mut offset = 0;
    for line in crate::text::lines_inclusive(rest) {
        if line.trim_end() == fence {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let yaml_lines = yaml.matches('\n').count();
            return Ok(Split {
                yaml,
                format,
                yaml_line_offset: 1,
                body,
                body_line_offset: 2 + yaml_lines,
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

/// The first line (1-based) made only of dashes where one is a long dash or a minus sign
/// (`—`, `–`, `−`): a `---` fence that a word processor "corrected". Read only after the fences
/// were not found.
pub fn dash_fence(text: &str) -> Option<(usize, String)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let line = line.trim();
        let dashes = !line.is_empty()
            && line
                .chars()
                .all(|c| matches!(c, '-' | '—' | '–' | '‒' | '−' | '―'));
        (dashes && !line.is_ascii()).then(|| (i + 1, line.to_string()))
    })
}

/// Removes a UTF-8 byte-order mark and turns CRLF and lone CR line endings into LF (YAML counts
/// a lone CR as a line break: lines must be counted alike everywhere).
pub fn normalize(text: String) -> String {
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    };
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_and_body_with_line_offsets() {
        let s = split("---\ntitle: A\ndate: 2020-01-01\n---\n# Body\n").unwrap();
        assert_eq!(s.yaml, "title: A\ndate: 2020-01-01\n");
        assert_eq!(s.body, "# Body\n");
        assert_eq!(s.body_line_offset, 4);
    }

    #[test]
    fn splits_toml_between_plus_fences() {
        let s = split("+++\ntitle = \"A\"\n+++\nBody\n").unwrap();
        assert_eq!((s.yaml, s.format), ("title = \"A\"\n", Format::Toml));
        assert_eq!(s.body, "Body\n");
        assert_eq!(split("+++\ntitle = 1\n---\n"), Err(SplitError::Unclosed));
    }

    #[test]
    fn blank_lines_before_the_fence_are_counted() {
        let s = split("\n\n+++\ntitle = \"A\"\n+++\nBody\n").unwrap();
        assert_eq!((s.yaml_line_offset, s.body_line_offset), (3, 5));
    }

    #[test]
    fn a_bom_and_spaces_before_the_fence_are_allowed() {
        let s = split("\n  \n\u{feff}---\ntitle: A\n---\nBody\n").unwrap();
        assert_eq!((s.yaml, s.body), ("title: A\n", "Body\n"));
        assert_eq!((s.yaml_line_offset, s.body_line_offset), (3, 5));
    }

    #[test]
    fn the_first_level_one_heading_outside_code_is_the_title() {
        let body = "```\n# not this\n```\nIntro\n# Cài đặt #\nText\n";
        let (title, rest) = heading_title(body).unwrap();
        assert_eq!(title, "Cài đặt");
        assert_eq!(rest, "```\n# not this\n```\nIntro\n\nText\n");
        assert_eq!(heading_title("## Two\n"), None);
    }

    #[test]
    fn file_names_read_as_titles() {
        assert_eq!(humanize_name("docs/getting-started.md"), "Getting started");
        assert_eq!(humanize_name("blog/my_post/index.en.md"), "My post");
        assert_eq!(humanize_name("guide/_index.md"), "Guide");
        assert_eq!(humanize_name("_index.md"), "");
    }

    #[test]
    fn missing_and_unclosed_front_matter() {
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("# Title\n"), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: A\n"), Err(SplitError::Unclosed));
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks() {
        // Found by the front-matter fuzz target: YAML lines and ours disagreed.
        let t = normalize("---\n'\n\r-\r-\n\n\n-\ni\r-\n---".to_string());
        assert!(!t.contains('\r'));
        let (_, diags) = crate::content::parse_front_matter(&t, crate::content::Kind::Page);
        let lines = t.lines().count() + 2;
        assert!(
            diags.iter().all(|d| d.line.is_none_or(|l| l <= lines)),
            "{diags:?}"
        );
    }

    #[test]
    fn normalizes_bom_and_crlf() {
        let t = normalize("\u{feff}---\r\ntitle: A\r\n---\r\nx\r\n".to_string());
        assert_eq!(t, "---\ntitle: A\n---\nx\n");
        assert!(split(&t).is_ok());
    }
}
