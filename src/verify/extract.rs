//! What one written file refers to and which ids it holds: HTML through a WHATWG tokenizer,
//! feeds and sitemaps through an XML parser (which also proves them well-formed), CSS by its
//! `url()` values.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::{Span, Tokenizer};

/// The facts of one output file that verification needs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Facts {
    /// Every URL the file refers to, as written (entities decoded).
    pub refs: Vec<String>,
    /// Site paths (from the root, whatever the build's URL style) that a data file names: the
    /// pages of the search index.
    pub site_refs: Vec<String>,
    /// Every `id` (and `<a name>`) a fragment may point at.
    pub ids: Vec<String>,
    /// Why an XML file is not well-formed: (line, column, reason).
    pub xml_error: Option<(usize, usize, String)>,
}

/// Reads the facts of the file written at site path `path`.
pub fn facts(path: &str, bytes: &[u8]) -> Facts {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "html" | "htm" => html(bytes),
        "xml" => xml(bytes),
        "css" => Facts {
            refs: css_urls(&String::from_utf8_lossy(bytes)),
            ..Facts::default()
        },
        "js" if path.starts_with("search/") => Facts {
            site_refs: search_docs(&String::from_utf8_lossy(bytes)),
            ..Facts::default()
        },
        _ => Facts::default(),
    }
}

/// One start tag while its attributes are read.
#[derive(Default)]
struct Tag {
    name: Vec<u8>,
    attr: Vec<u8>,
    attrs: Vec<(Vec<u8>, String)>,
}

/// References and ids of an HTML document.
pub fn html(bytes: &[u8]) -> Facts {
    let mut facts = Facts::default();
    let mut tag = Tag::default();
    let mut in_style = false;
    {
        let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: Span<()>| {
            match event {
                CallbackEvent::OpenStartTag { name } => {
                    tag.name.clear();
                    tag.name.extend_from_slice(name);
                    tag.attrs.clear();
                }
                CallbackEvent::AttributeName { name } => {
                    tag.attr.clear();
                    tag.attr.extend_from_slice(name);
                }
                CallbackEvent::AttributeValue { value } => {
                    let value = String::from_utf8_lossy(value).into_owned();
                    tag.attrs.push((std::mem::take(&mut tag.attr), value));
                }
                CallbackEvent::CloseStartTag { .. } => {
                    in_style = tag.name == b"style";
                    take_tag(&tag, &mut facts);
                }
                CallbackEvent::EndTag { .. } => in_style = false,
                CallbackEvent::String { value } if in_style => {
                    facts.refs.extend(css_urls(&String::from_utf8_lossy(value)));
                }
                _ => {}
            }
            None::<()>
        });
        // Script and style bodies are text, as browsers read them.
        emitter.naively_switch_states(true);
        for _ in Tokenizer::new_with_emitter(bytes, emitter) {}
    }
    facts
}

/// Records the references and ids of one start tag.
fn take_tag(tag: &Tag, facts: &mut Facts) {
    let name = tag.name.as_slice();
    let get = |attr: &[u8]| {
        tag.attrs
            .iter()
            .find(|(a, _)| a == attr)
            .map(|(_, v)| v.as_str())
    };
    for (attr, value) in &tag.attrs {
        match (name, attr.as_slice()) {
            (_, b"id") | (b"a", b"name") => facts.ids.push(value.clone()),
            (b"a" | b"area" | b"link", b"href")
            | (b"img" | b"script" | b"source" | b"iframe" | b"video" | b"audio", b"src")
            | (b"track" | b"embed", b"src")
            | (b"video", b"poster")
            | (b"form", b"action") => facts.refs.push(value.clone()),
            (b"img" | b"source", b"srcset") => facts.refs.extend(srcset_urls(value)),
            (_, b"style") => facts.refs.extend(css_urls(value)),
            _ => {}
        }
    }
    if name == b"meta" {
        let property = get(b"property").or_else(|| get(b"name")).unwrap_or("");
        let is_url = matches!(property, "og:url" | "og:image" | "twitter:image");
        let refresh = get(b"http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("refresh"));
        match get(b"content") {
            Some(content) if is_url => facts.refs.push(content.to_string()),
            Some(content) if refresh => facts.refs.extend(refresh_url(content)),
            _ => {}
        }
    }
}

/// The URL of `<meta http-equiv="refresh" content="0; url=...">`.
fn refresh_url(content: &str) -> Option<String> {
    let (_, rest) = content.split_once(';')?;
    let rest = rest.trim();
    let url = rest
        .get(..4)
        .filter(|p| p.eq_ignore_ascii_case("url="))
        .map_or(rest, |_| &rest[4..]);
    Some(url.trim_matches(['\'', '"', ' ']).to_string())
}

/// The URLs of a `srcset` (`a.jpg 480w, b.jpg 960w`).
fn srcset_urls(value: &str) -> impl Iterator<Item = String> + '_ {
    value
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .map(str::to_string)
}

/// The `url(...)` values of a style sheet, but `data:` ones.
pub fn css_urls(css: &str) -> Vec<String> {
    let mut urls = Vec::new();
    let mut rest = css;
    while let Some(at) = rest.find("url(") {
        rest = &rest[at + 4..];
        let end = rest.find(')').unwrap_or(rest.len());
        let url = rest[..end].trim().trim_matches(['\'', '"']).trim();
        if !url.is_empty() && !url.starts_with("data:") {
            urls.push(url.to_string());
        }
        rest = &rest[end..];
    }
    urls
}

/// The page paths of a search index file `SachhonSearch.docs(n,[[title, path, ...], ...]);`.
fn search_docs(js: &str) -> Vec<String> {
    let Some(rest) = js.trim().strip_prefix("SachhonSearch.docs(") else {
        return Vec::new();
    };
    let json = rest
        .split_once(',')
        .map_or("", |(_, j)| j)
        .trim_end()
        .trim_end_matches(';')
        .trim_end_matches(')');
    let rows: Vec<Vec<serde_json::Value>> = serde_json::from_str(json).unwrap_or_default();
    rows.iter()
        .filter_map(|row| row.get(1)?.as_str().map(str::to_string))
        .collect()
}

/// References of a feed or sitemap; a document that does not parse is recorded as such.
pub fn xml(bytes: &[u8]) -> Facts {
    let mut facts = Facts::default();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            facts.xml_error = Some((1, 1, e.to_string()));
            return facts;
        }
    };
    let doc = match roxmltree::Document::parse(text) {
        Ok(d) => d,
        Err(e) => {
            let pos = e.pos();
            facts.xml_error = Some((pos.row as usize, pos.col as usize, e.to_string()));
            return facts;
        }
    };
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        if name == "link" {
            facts
                .refs
                .extend(node.attribute("href").map(str::to_string));
        }
        let text = node.text().unwrap_or("").trim();
        match name {
            "loc" | "icon" | "logo" | "uri" => facts.refs.push(text.to_string()),
            // An Atom id is a URL only when it looks like one (it may be a tag: URI).
            "id" if text.starts_with("http") => facts.refs.push(text.to_string()),
            "content" | "summary" if node.attribute("type") == Some("html") => {
                facts.refs.extend(html(text.as_bytes()).refs);
            }
            _ => {}
        }
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_references_and_ids() {
        let f = html(
            br##"<a href="/a/" id="x">a</a><img src="b.png" srcset="b-480.png 480w, b.png 960w" alt="">
<meta property="og:url" content="https://e.org/kb/"><style>.x{background:url('c.svg')}</style>
<p style="background: url(d.png)"></p><a name="old"></a><script>var s = "<a href='/no/'>";</script>
<meta http-equiv="refresh" content="0; url=/kb/new/">"##,
        );
        assert_eq!(
            f.refs,
            [
                "/a/",
                "b.png",
                "b-480.png",
                "b.png",
                "https://e.org/kb/",
                "c.svg",
                "d.png",
                "/kb/new/"
            ]
        );
        assert_eq!(f.ids, ["x", "old"]);
    }

    #[test]
    fn entities_are_decoded() {
        let f = html(br#"<a href="/a/?x=1&amp;y=2">a</a>"#);
        assert_eq!(f.refs, ["/a/?x=1&y=2"]);
    }

    #[test]
    fn feeds_and_sitemaps() {
        let f = xml(br#"<feed xmlns="http://www.w3.org/2005/Atom"><id>https://e.org/</id><link href="https://e.org/atom.xml" rel="self"/><entry><id>tag:e.org,2024:1</id><content type="html">&lt;a href="/x/"&gt;x&lt;/a&gt;</content></entry></feed>"#);
        assert_eq!(f.refs, ["https://e.org/", "https://e.org/atom.xml", "/x/"]);
        let bad = xml(b"<feed>\n<title>a\x01</title></feed>");
        assert_eq!(bad.xml_error.map(|e| e.0), Some(2));
    }

    #[test]
    fn search_index_names_its_pages() {
        let f = facts(
            "search/vi/d-0.js",
            br#"SachhonSearch.docs(0,[["A","news/a/","news","",""],["B","","page","",""]]);"#,
        );
        assert_eq!(f.site_refs, ["news/a/", ""]);
    }

    #[test]
    fn css_skips_data_urls() {
        assert_eq!(
            css_urls("a{b:url(\"x.png\")} c{d:url(data:image/png;base64,AA)}"),
            ["x.png"]
        );
    }
}
