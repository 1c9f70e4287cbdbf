//! Turning site paths (`news/a/`) into the links a page writes: absolute under the base path,
//! or relative to the page so the site works from `file://` and any sub-path.

/// How internal links are written.
#[derive(Debug, Clone)]
pub struct UrlStyle {
    /// The absolute base URL (`https://example.org/kb/`).
    pub base_url: String,
    /// The base path (`/kb/`).
    pub base_path: String,
    /// Write links relative to the page that holds them.
    pub relative: bool,
}

impl UrlStyle {
    /// The link from the page at `from` to the site path `to` (`news/a/`, `style.css`,
    /// `news/a/#part`).
    pub fn href(&self, from: &str, to: &str) -> String {
        let (target, fragment) = match memchr::memchr2(b'#', b'?', to.as_bytes()) {
            Some(i) => (&to[..i], &to[i..]),
            None => (to, ""),
        };
        if self.relative {
            let mut out = "../".repeat(depth(from));
            out.push_str(target);
            // file:// does not open a folder's index.html by itself.
            if target.is_empty() || target.ends_with('/') {
                out.push_str("index.html");
            }
            out.push_str(fragment);
            out
        } else {
            let mut out = String::with_capacity(self.base_path.len() + to.len());
            out.push_str(&self.base_path);
            out.push_str(to);
            out
        }
    }

    /// The absolute URL of a site path, for canonical links, feeds and the sitemap.
    pub fn absolute(&self, to: &str) -> String {
        [self.base_url.as_str(), to].concat()
    }

    /// The prefix that leads from the page at `from` to the site root.
    pub fn root(&self, from: &str) -> String {
        if self.relative {
            "../".repeat(depth(from))
        } else {
            self.base_path.clone()
        }
    }
}

/// Folders between the site root and the file written for `path` (`news/a/` -> 2).
fn depth(path: &str) -> usize {
    path.matches('/').count()
}

/// Resolves `..` and `.` in a `/`-separated path; `None` when it climbs above the root.
pub fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Decodes `%XX` escapes; malformed ones stay as written.
pub fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes what a URL path cannot hold as written (spaces, `%`, `#`, `?`, quotes, letters
/// outside ASCII), so that a file named `Sơ đồ 1.png` is linked as `S%C6%A1%20%C4%91%E1%BB%93%201.png`.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(relative: bool) -> UrlStyle {
        UrlStyle {
            base_url: "https://example.org/kb/".into(),
            base_path: "/kb/".into(),
            relative,
        }
    }

    #[test]
    fn absolute_links_keep_the_sub_path() {
        assert_eq!(
            style(false).href("news/a/", "case-studies/b/"),
            "/kb/case-studies/b/"
        );
        assert_eq!(
            style(false).absolute("news/"),
            "https://example.org/kb/news/"
        );
    }

    #[test]
    fn relative_links_climb_to_the_root_and_name_index_files() {
        let s = style(true);
        assert_eq!(
            s.href("news/a/", "case-studies/b/"),
            "../../case-studies/b/index.html"
        );
        assert_eq!(s.href("", ""), "index.html");
        assert_eq!(s.href("news/a/", "style.css"), "../../style.css");
        assert_eq!(s.href("", "news/#x"), "news/index.html#x");
        assert_eq!(s.href("404.html", "style.css"), "style.css");
    }

    proptest::proptest! {
        #[test]
        fn normalized_paths_never_climb(path in "[a-z./]{0,30}") {
            if let Some(n) = normalize(&path) {
                proptest::prop_assert!(!n.split('/').any(|p| p == ".." || p == "."));
                proptest::prop_assert!(!n.starts_with('/'));
            }
        }

        #[test]
        fn relative_links_lead_back_to_the_target(
            from in proptest::collection::vec("[a-z]{1,5}", 0..4),
            to in proptest::collection::vec("[a-z]{1,5}", 0..4),
        ) {
            let from = from.iter().map(|p| format!("{p}/")).collect::<String>();
            let to = to.iter().map(|p| format!("{p}/")).collect::<String>();
            let link = style(true).href(&from, &to);
            // Resolve the link the way a browser does from the page's folder.
            let resolved = normalize(&format!("{from}{link}"));
            proptest::prop_assert_eq!(resolved, normalize(&format!("{to}index.html")));
            proptest::prop_assert_eq!(style(false).href(&from, &to), format!("/kb/{to}"));
        }
    }

    #[test]
    fn encoded_paths_decode_back() {
        let path = "tin/Sơ đồ #1 (100%).png";
        let encoded = encode_path(path);
        assert_eq!(
            encoded,
            "tin/S%C6%A1%20%C4%91%E1%BB%93%20%231%20(100%25).png"
        );
        assert_eq!(percent_decode(&encoded), path);
    }

    #[test]
    fn normalizes_dots() {
        assert_eq!(normalize("a/b/../c/"), Some("a/c/".into()));
        assert_eq!(normalize("../x"), None);
    }
}
