//! Shortcodes in Zola's syntax, expanded in a page's Markdown before it is parsed: inline
//! `{{ name(arg="v", n=2) }}` and with a body `{% name(arg="v") %}...{% end %}`, rendered by
//! the templates `shortcodes/<name>.html` (the site's first, then the theme's). Code blocks and
//! inline code are left alone. Template syntax of other tools (Hugo's `{{< >}}`, Liquid's
//! `{% %}` and `{{ x | filter }}`) is reported, since readers would see it as written.

use super::{links, Context, Link, LinkTarget, Rendered};
use crate::diagnostics::{Code, Diagnostic};
use pulldown_cmark::{Event, Options, Parser, Tag};
use serde_json::{Map, Value};
use std::ops::Range;

/// What a shortcode template declares in comments: `{# args: src*, alt*, caption #}` (a `*`
/// marks a required argument) and `{# raw #}` (the body is text, not Markdown).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Declaration {
    /// Accepted arguments and whether each is required; `None` accepts any.
    pub args: Option<Vec<(String, bool)>>,
    /// The body is passed to the template as written instead of being Markdown.
    pub raw: bool,
}

impl Declaration {
    /// Reads the declaration comments of a template's text.
    pub fn parse(template: &str) -> Declaration {
        let mut declaration = Declaration::default();
        let mut rest = template;
        while let Some(start) = rest.find("{#") {
            let Some(len) = rest[start..].find("#}") else {
                break;
            };
            let comment = &rest[start + 2..start + len];
            for line in comment.lines() {
                declaration.read_line(line.trim_matches(|c: char| c == '-' || c.is_whitespace()));
            }
            rest = &rest[start + len + 2..];
        }
        declaration
    }

    /// One line of a declaration comment: `raw`, `args: a*, b`, or anything else (ignored).
    fn read_line(&mut self, line: &str) {
        if line == "raw" {
            self.raw = true;
        } else if let Some(list) = line.strip_prefix("args:") {
            let args = list
                .split(',')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(|a| match a.strip_suffix('*') {
                    Some(name) => (name.trim().to_string(), true),
                    None => (a.to_string(), false),
                })
                .collect();
            self.args = Some(args);
        }
    }

    /// The accepted arguments for messages: `src (*), alt (*), caption`.
    pub fn describe(&self) -> String {
        match &self.args {
            None => String::new(),
            Some(args) => args
                .iter()
                .map(|(name, required)| match required {
                    true => format!("{name}*"),
                    false => name.clone(),
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// What renders shortcodes: the templates of the render stage.
pub trait Expander: Sync {
    /// The declaration of shortcode `name`, `None` when no template has that name.
    fn declaration(&self, name: &str) -> Option<&Declaration>;
    /// Every shortcode name, sorted.
    fn names(&self) -> Vec<String>;
    /// Renders shortcode `name` with its values for a page in `lang` (`page` names it in a
    /// template error).
    fn render(
        &self,
        name: &str,
        values: Map<String, Value>,
        lang: &str,
        page: &str,
    ) -> Result<String, Diagnostic>;
}

/// A body with its shortcodes expanded, and where each part of it was in the original.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The Markdown to parse.
    pub text: String,
    /// Replaced spans: (range in `text`, range in the original).
    edits: Vec<(Range<usize>, Range<usize>)>,
}

impl Expanded {
    /// Whether offset `at` of the expanded text is in a shortcode's output.
    pub fn is_generated(&self, at: usize) -> bool {
        let i = self.edits.partition_point(|(new, _)| new.start <= at);
        i.checked_sub(1)
            .is_some_and(|i| self.edits[i].0.contains(&at))
    }

    /// The offset in the original body of offset `at` of the expanded text (the start of the
    /// shortcode for any offset inside its output).
    pub fn original(&self, at: usize) -> usize {
        let i = self.edits.partition_point(|(new, _)| new.start <= at);
        match i.checked_sub(1).map(|i| &self.edits[i]) {
            None => at,
            Some((new, old)) if at < new.end => old.start,
            Some((new, old)) => old.end + (at - new.end),
        }
    }
}

/// Marks where a body goes in a shortcode's output (letters only: escaping leaves it alone).
const BODY_MARK: &str = "sachhonbodyf3a9c1";

/// Expands the shortcodes of `body`; `None` when it has nothing that looks like one.
pub fn expand(
    body: &str,
    cx: &Context,
    out: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<Expanded> {
    if !body.contains("{{") && !body.contains("{%") {
        return None;
    }
    let mut scan = Scan {
        body,
        cx,
        out,
        diags,
        result: Expanded::default(),
        copied: 0,
        open: Vec::new(),
    };
    scan.run();
    Some(scan.finish())
}

/// One call as written: name, arguments with their offsets, and the byte length of the tag.
struct Call {
    name: String,
    args: Vec<(String, Value)>,
    len: usize,
}

/// Template syntax of another tool, for W0602.
#[derive(Clone, Copy)]
enum Foreign {
    Hugo,
    LiquidTag,
    Output,
}

impl Foreign {
    fn key(self) -> &'static str {
        match self {
            Foreign::Hugo => "hugo",
            Foreign::LiquidTag => "liquid",
            Foreign::Output => "output",
        }
    }
}

struct Scan<'a, 'c> {
    body: &'a str,
    cx: &'a Context<'c>,
    out: &'a mut Rendered,
    diags: &'a mut Vec<Diagnostic>,
    result: Expanded,
    /// The original body is copied up to here.
    copied: usize,
    /// Shortcodes with a body still open: (name, what follows the body, where it opened).
    open: Vec<(String, String, usize)>,
}

impl Scan<'_, '_> {
    fn run(&mut self) {
        let code = code_ranges(self.body);
        let mut next_code = 0;
        let mut at = 0;
        while let Some(found) = self.body[at..].find('{') {
            let start = at + found;
            // Code ranges come in order, and so do the braces found.
            while code.get(next_code).is_some_and(|r| r.end <= start) {
                next_code += 1;
            }
            if let Some(range) = code.get(next_code).filter(|r| r.start <= start) {
                at = range.end;
                continue;
            }
            let rest = &self.body[start..];
            at = start
                + if rest.starts_with("{{") {
                    self.double_brace(start)
                } else if rest.starts_with("{%") {
                    self.brace_percent(start)
                } else {
                    1
                };
        }
    }

    /// `{{ ... }}` at `start`; returns how far to move on.
    fn double_brace(&mut self, start: usize) -> usize {
        let rest = &self.body[start..];
        if let Some(inner) = rest.strip_prefix("{{/*") {
            return self.escaped(start, inner, "*/}}", "{{", "}}");
        }
        if rest.starts_with("{{<") || rest.starts_with("{{%") {
            let close = if rest.starts_with("{{<") {
                ">}}"
            } else {
                "%}}"
            };
            let len = near(rest).find(close).map_or(3, |e| e + close.len());
            self.foreign(start, len, Foreign::Hugo);
            return len;
        }
        match parse_call(&rest[2..], "}}") {
            Ok(Some(call)) => {
                let len = call.len + 2;
                if let Some(html) = self.render(start, call, None) {
                    self.replace(start..start + len, clean(&html));
                }
                len
            }
            Ok(None) => match tag_len(rest, "}}") {
                Some(len) => {
                    self.foreign(start, len, Foreign::Output);
                    len
                }
                None => 2,
            },
            Err(offset) => self.unreadable(start, 2 + offset),
        }
    }

    /// `{% ... %}` at `start`; returns how far to move on.
    fn brace_percent(&mut self, start: usize) -> usize {
        let rest = &self.body[start..];
        if let Some(inner) = rest.strip_prefix("{%/*") {
            return self.escaped(start, inner, "*/%}", "{%", "%}");
        }
        if let Some(len) = end_tag_len(rest) {
            match self.open.pop() {
                Some((_, after, _)) => self.replace(start..start + len, format!("\n\n{after}")),
                None => {
                    self.error(Code::E0605, start)
                        .args
                        .push(("name", "end".into()));
                }
            }
            return len;
        }
        match parse_call(&rest[2..], "%}") {
            Ok(Some(call)) => self.open_body(start, call),
            Ok(None) => match tag_len(rest, "%}") {
                Some(len) => {
                    self.foreign(start, len, Foreign::LiquidTag);
                    len
                }
                None => 2,
            },
            Err(offset) => self.unreadable(start, 2 + offset),
        }
    }

    /// A shortcode with a body opens at `start`.
    fn open_body(&mut self, start: usize, call: Call) -> usize {
        let tag_end = start + call.len + 2;
        let raw = self
            .cx
            .shortcodes
            .and_then(|s| s.declaration(&call.name))
            .is_some_and(|d| d.raw);
        if raw {
            // The body is text: up to the next `{% end %}`, given to the template as it is.
            let Some((body_end, end_len)) = find_end(self.body, tag_end) else {
                self.error(Code::E0605, start)
                    .args
                    .push(("name", call.name));
                return call.len + 2;
            };
            let text = self.body[tag_end..body_end].trim_matches('\n').to_string();
            if let Some(html) = self.render(start, call, Some(text)) {
                self.replace(start..body_end + end_len, clean(&html));
            }
            return body_end + end_len - start;
        }
        let name = call.name.clone();
        if let Some(html) = self.render(start, call, Some(BODY_MARK.to_string())) {
            let (before, after) = html.split_once(BODY_MARK).unwrap_or((&html, ""));
            let (before, after) = (clean(before), clean(after));
            self.replace(start..tag_end, format!("{before}\n\n"));
            self.open.push((name, after, start));
        } else {
            // Reported already; its `{% end %}` must not be reported again.
            self.open.push((name, String::new(), start));
        }
        tag_end - start
    }

    /// `{{/* name() */}}`: a shortcode written for readers to see, without the comment marks.
    fn escaped(&mut self, start: usize, inner: &str, close: &str, open: &str, end: &str) -> usize {
        let Some(len) = near(inner).find(close) else {
            return 4;
        };
        let shown = format!("{open}{}{end}", &inner[..len]);
        let total = 4 + len + close.len();
        self.replace(start..start + total, shown);
        total
    }

    /// Checks a call's arguments, adds the values computed for `src` and `file`, renders it.
    fn render(&mut self, start: usize, call: Call, body: Option<String>) -> Option<String> {
        let expander = self.cx.shortcodes?;
        let Some(declaration) = expander.declaration(&call.name) else {
            let d = self.error(Code::E0602, start);
            d.args.push(("name", call.name.clone()));
            d.args.push(("known", expander.names().join(", ")));
            return None;
        };
        if !self.arguments_fit(start, &call, declaration) {
            return None;
        }
        let mut values: Map<String, Value> = call.args.into_iter().collect();
        let pos = self.line_col(start);
        self.resolve_link(&mut values, pos);
        if !self.add_src(&mut values, pos) || !self.add_file(start, &mut values) {
            return None;
        }
        // Arguments left out are there, empty, so that templates can test them.
        for (name, _) in declaration.args.iter().flatten() {
            values.entry(name.clone()).or_insert(Value::Null);
        }
        if let Some(body) = body {
            values.insert("body".into(), Value::String(body));
        }
        values.insert("page_path".into(), Value::String(self.cx.page_path.into()));
        match expander.render(&call.name, values, self.cx.lang, self.cx.source) {
            Ok(html) => Some(html),
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    fn arguments_fit(&mut self, start: usize, call: &Call, declaration: &Declaration) -> bool {
        let Some(accepted) = &declaration.args else {
            return true;
        };
        let mut fit = true;
        for (name, _) in &call.args {
            if !accepted.iter().any(|(a, _)| a == name) {
                let d = self.error(Code::E0603, start);
                d.args.push(("name", call.name.clone()));
                d.args.push(("arg", name.clone()));
                d.args.push(("known", declaration.describe()));
                fit = false;
            }
        }
        for (name, _) in accepted.iter().filter(|(_, required)| *required) {
            if !call.args.iter().any(|(a, _)| a == name) {
                let d = self.error(Code::E0604, start);
                d.args.push(("name", call.name.clone()));
                d.args.push(("arg", name.clone()));
                d.args.push(("known", declaration.describe()));
                fit = false;
            }
        }
        fit
    }

    /// `link`: a destination read like a Markdown link's (`@/` content links, paths from the
    /// page's folder, the base path added), checked and recorded at the call.
    fn resolve_link(&mut self, values: &mut Map<String, Value>, pos: (usize, usize)) {
        let Some(Value::String(link)) = values.get("link") else {
            return;
        };
        let url = links::rewrite(link, false, self.cx, pos, self.out, self.diags);
        values.insert("link".into(), Value::String(url));
    }

    /// `src`: an image, resolved and checked like `![](...)`, given as `img` (responsive).
    fn add_src(&mut self, values: &mut Map<String, Value>, pos: (usize, usize)) -> bool {
        let Some(Value::String(src)) = values.get("src") else {
            return true;
        };
        let recorded = self.out.links.len();
        let url = links::rewrite(src, true, self.cx, pos, self.out, self.diags);
        // Only a link this `src` recorded names its image (a `data:` one records none).
        let image = match self.out.links.get(recorded) {
            Some(Link {
                target: LinkTarget::File(path),
                ..
            }) => self.cx.images.get(path),
            _ => None,
        };
        let alt = values.get("alt").and_then(Value::as_str).unwrap_or("");
        let tag = crate::images::img_tag(&url, alt, "", image);
        values.insert("img".into(), Value::String(tag));
        values.insert("src_url".into(), Value::String(url));
        true
    }

    /// `file`: a file of the page's bundle or of `static/`, with its address, size and type.
    fn add_file(&mut self, start: usize, values: &mut Map<String, Value>) -> bool {
        let Some(Value::String(file)) = values.get("file") else {
            return true;
        };
        let Some((site_path, size)) = (self.cx.find_file)(file) else {
            let file = file.clone();
            self.error(Code::E0606, start).args.push(("value", file));
            return false;
        };
        let name = site_path.rsplit('/').next().unwrap_or("").to_string();
        let kind = name
            .rsplit_once('.')
            .map(|(_, ext)| ext.to_ascii_uppercase())
            .unwrap_or_default();
        let href = self.cx.style.href(self.cx.page_path, &site_path);
        values.insert("file_url".into(), Value::String(href));
        values.insert("file_name".into(), Value::String(name));
        values.insert("file_type".into(), Value::String(kind));
        values.insert(
            "file_size".into(),
            Value::String(human_size(size, self.cx.lang)),
        );
        true
    }

    fn unreadable(&mut self, start: usize, at: usize) -> usize {
        let name: String = self.body[start + 2..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        self.error(Code::E0605, start + at.min(self.body.len() - start))
            .args
            .push(("name", name));
        at.max(1)
    }

    fn foreign(&mut self, start: usize, len: usize, kind: Foreign) {
        let written: String = self.body[start..start + len].chars().take(60).collect();
        let (line, col) = self.line_col(start);
        self.diags.push(
            Diagnostic::warning(Code::W0602, self.cx.source)
                .at(line, col)
                .arg("syntax", written.replace('\n', " "))
                .arg("kind", kind.key()),
        );
    }

    fn error(&mut self, code: Code, at: usize) -> &mut Diagnostic {
        let (line, col) = self.line_col(at);
        self.diags
            .push(Diagnostic::error(code, self.cx.source).at(line, col));
        let last = self.diags.len() - 1;
        &mut self.diags[last]
    }

    /// Line in the whole file and column (in characters) of body offset `at`.
    fn line_col(&self, at: usize) -> (usize, usize) {
        let before = &self.body[..at];
        let line = before.matches('\n').count() + 1 + self.cx.line_offset;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[start..].chars().count() + 1)
    }

    fn replace(&mut self, old: Range<usize>, with: String) {
        self.result
            .text
            .push_str(&self.body[self.copied..old.start]);
        let new_start = self.result.text.len();
        self.result.text.push_str(&with);
        let new = new_start..self.result.text.len();
        self.copied = old.end;
        self.result.edits.push((new, old));
    }

    fn finish(mut self) -> Expanded {
        for (name, after, start) in std::mem::take(&mut self.open).into_iter().rev() {
            self.error(Code::E0605, start).args.push(("name", name));
            let end = self.body.len();
            self.replace(end..end, format!("\n\n{after}"));
        }
        self.result.text.push_str(&self.body[self.copied..]);
        self.result
    }
}

/// Byte ranges of code blocks and inline code, where nothing is expanded.
fn code_ranges(body: &str) -> Vec<Range<usize>> {
    Parser::new_ext(body, Options::all())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => Some(range),
            _ => None,
        })
        .collect()
}

/// The start of `rest` where the end of a tag may be: its line and the next two, at most 2,000
/// bytes (so that many unclosed tags cost no more than one pass each).
fn near(rest: &str) -> &str {
    let lines: usize = rest.split_inclusive('\n').take(3).map(str::len).sum();
    let mut end = lines.min(2000);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    &rest[..end]
}

/// The length of a tag closed by `close` near its start, if it closes.
fn tag_len(rest: &str, close: &str) -> Option<usize> {
    near(rest).find(close).map(|e| e + close.len())
}

/// `{% end %}` (spaces optional) at the start of `rest`: its length.
fn end_tag_len(rest: &str) -> Option<usize> {
    let inner = rest.strip_prefix("{%")?;
    let trimmed = inner.trim_start_matches([' ', '-']);
    let after = trimmed.strip_prefix("end")?;
    let close = after.trim_start_matches([' ', '-']);
    close
        .starts_with("%}")
        .then(|| rest.len() - close.len() + 2)
}

/// The next `{% end %}` from `from`: (its offset, its length).
fn find_end(body: &str, from: usize) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(i) = body[at..].find("{%") {
        let start = at + i;
        if let Some(len) = end_tag_len(&body[start..]) {
            return Some((start, len));
        }
        at = start + 2;
    }
    None
}

/// Reads `name(arg=value, ...)` then `close` from `text` (after the opening braces):
/// `Ok(None)` when it is not a call at all, `Err(offset)` when a call cannot be read.
fn parse_call(text: &str, close: &str) -> Result<Option<Call>, usize> {
    let mut p = Cursor { text, at: 0 };
    p.spaces();
    let name = p.ident();
    if name.is_empty() || !p.eat('(') {
        return Ok(None);
    }
    let mut args = Vec::new();
    loop {
        p.spaces();
        if p.eat(')') {
            break;
        }
        let key = p.ident();
        p.spaces();
        if key.is_empty() || !p.eat('=') {
            return Err(p.at);
        }
        p.spaces();
        let value = p.value().ok_or(p.at)?;
        args.push((key, value));
        p.spaces();
        if p.eat(')') {
            break;
        }
        if !p.eat(',') {
            return Err(p.at);
        }
    }
    p.spaces();
    if !p.text[p.at..].starts_with(close) {
        return Err(p.at);
    }
    Ok(Some(Call {
        name,
        args,
        len: p.at + close.len(),
    }))
}

struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn eat(&mut self, c: char) -> bool {
        let yes = self.peek() == Some(c);
        if yes {
            self.at += c.len_utf8();
        }
        yes
    }

    fn spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += self.peek().map_or(1, char::len_utf8);
        }
    }

    fn ident(&mut self) -> String {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            self.at += 1;
        }
        let name = &self.text[start..self.at];
        if name.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            self.at = start;
            return String::new();
        }
        name.to_string()
    }

    /// A quoted text, a number, `true`/`false`, or a list of these.
    fn value(&mut self) -> Option<Value> {
        match self.peek()? {
            quote @ ('"' | '\'' | '`') => {
                self.at += 1;
                self.quoted(quote).map(Value::String)
            }
            '[' => {
                self.at += 1;
                self.list().map(Value::Array)
            }
            _ => self.word(),
        }
    }

    /// The rest of a text opened by `quote`; in a `"` text, `\` escapes the next character and
    /// `\n` is a new line.
    fn quoted(&mut self, quote: char) -> Option<String> {
        let mut text = String::new();
        loop {
            let c = self.peek()?;
            self.at += c.len_utf8();
            match c {
                '\\' if quote == '"' => {
                    let escaped = self.peek()?;
                    self.at += escaped.len_utf8();
                    text.push(if escaped == 'n' { '\n' } else { escaped });
                }
                c if c == quote => return Some(text),
                c => text.push(c),
            }
        }
    }

    /// The rest of a list opened by `[`: values separated by commas, up to `]`.
    fn list(&mut self) -> Option<Vec<Value>> {
        let mut items = Vec::new();
        loop {
            self.spaces();
            if self.eat(']') {
                return Some(items);
            }
            items.push(self.value()?);
            self.spaces();
            if !self.eat(',') && self.peek() != Some(']') {
                return None;
            }
        }
    }

    /// `true`, `false` or a finite number.
    fn word(&mut self) -> Option<Value> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '+')
        {
            self.at += 1;
        }
        let word = &self.text[start..self.at];
        match word {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => word
                .parse::<i64>()
                .map(Value::from)
                .ok()
                .or_else(|| word.parse::<f64>().ok().map(Value::from))
                .filter(|v| v.as_f64().is_some_and(f64::is_finite)),
        }
    }
}

/// A shortcode's HTML as one block: no blank line (which would end a Markdown HTML block).
fn clean(html: &str) -> String {
    html.lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// `1,2 MB` (vi) or `1.2 MB` (en).
fn human_size(bytes: u64, lang: &str) -> String {
    const UNITS: [&str; 4] = ["B", "KB", "MB", "GB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit < UNITS.len() - 1 {
        size /= 1024.0;
        unit += 1;
    }
    let decimals = usize::from(unit > 0 && size < 10.0);
    format!(
        "{} {}",
        crate::locale::format_number(size, decimals, lang),
        UNITS[unit]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_calls_with_every_kind_of_value() {
        let call = parse_call(
            r#" figure(src="a.jpg", n=2, x=1.5, ok=true, l=['a', `b`]) }}"#,
            "}}",
        )
        .unwrap()
        .unwrap();
        assert_eq!(call.name, "figure");
        assert_eq!(call.args[0], ("src".to_string(), Value::from("a.jpg")));
        assert_eq!(call.args[1].1, Value::from(2));
        assert_eq!(call.args[3].1, Value::Bool(true));
        assert_eq!(call.args[4].1, serde_json::json!(["a", "b"]));
    }

    #[test]
    fn tells_foreign_syntax_from_broken_calls() {
        assert!(parse_call(r#" "/x" | relative_url }}"#, "}}")
            .unwrap()
            .is_none());
        assert!(parse_call(" include a.html %}", "%}").unwrap().is_none());
        assert!(parse_call(r#" figure(src=) }}"#, "}}").is_err());
    }

    #[test]
    fn declarations_list_arguments_and_raw_bodies() {
        let d = Declaration::parse("{#- args: src*, alt*, caption -#}\n{# raw #}<figure>");
        assert_eq!(d.describe(), "src*, alt*, caption");
        assert!(d.raw);
        assert_eq!(Declaration::parse("<p>").args, None);
    }

    #[test]
    fn offsets_map_back_through_edits() {
        let e = Expanded {
            text: "ab<x>\n\ncd".into(),
            edits: vec![(2..7, 2..20)],
        };
        assert_eq!(e.original(1), 1);
        assert_eq!(e.original(4), 2);
        assert_eq!(e.original(8), 21);
    }

    #[test]
    fn a_tag_closes_near_where_it_opens() {
        assert_eq!(tag_len("{{< a >}} b", ">}}"), Some(9));
        assert_eq!(tag_len("{% a\nb\n%}", "%}"), Some(9));
        let far = format!("{{{{< {} >}}}}", "x".repeat(3000));
        assert_eq!(tag_len(&far, ">}}"), None);
        assert_eq!(tag_len("{{< a\n\n\n\n>}}", ">}}"), None);
    }

    #[test]
    fn sizes_read_the_readers_way() {
        assert_eq!(human_size(1_258_291, "vi"), "1,2 MB");
        assert_eq!(human_size(1_258_291, "en"), "1.2 MB");
        assert_eq!(human_size(512, "en"), "512 B");
    }
}
