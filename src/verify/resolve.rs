//! Where a URL written in an output file leads: a file of the output (with a fragment), another
//! site, or somewhere that cannot work.

use crate::site::url::normalize;
pub use crate::site::url::percent_decode;
use crate::site::UrlStyle;

/// A reference resolved against the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A site path (`news/a/`, `style.css`) and the fragment, decoded.
    Internal {
        /// The path inside the output, without query or fragment.
        path: String,
        /// The `#fragment`, when one is given.
        fragment: Option<String>,
    },
    /// Another site, an e-mail address, a telephone number, data: nothing to verify here.
    Elsewhere,
    /// A root-relative URL outside the site's base path, or one that climbs above the root.
    OutsideSite,
    /// A root-relative URL in a build made for `file://`, where it leads to the disk's root.
    RootInRelativeBuild,
}

/// Resolves `url`, written in the output file `from` (`news/a/index.html`).
pub fn resolve(style: &UrlStyle, from: &str, url: &str) -> Resolved {
    let url = url.trim();
    let (rest, fragment) = match url.split_once('#') {
        Some((r, f)) => (r, Some(percent_decode(f))),
        None => (url, None),
    };
    let rest = rest.split_once('?').map_or(rest, |(r, _)| r);
    let internal = |path: Option<String>| match path {
        Some(path) => Resolved::Internal {
            path: percent_decode(&path),
            fragment: fragment.clone(),
        },
        None => Resolved::OutsideSite,
    };
    if let Some(inside) = rest.strip_prefix(style.base_url.as_str()) {
        return internal(normalize(inside));
    }
    if rest.starts_with("//") || has_scheme(rest) {
        return Resolved::Elsewhere;
    }
    if rest.starts_with('/') {
        if style.relative {
            return Resolved::RootInRelativeBuild;
        }
        return match rest.strip_prefix(style.base_path.as_str()) {
            Some(inside) => internal(normalize(inside)),
            None if format!("{rest}/") == style.base_path => internal(Some(String::new())),
            None => Resolved::OutsideSite,
        };
    }
    let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    if rest.is_empty() {
        return internal(Some(from.to_string()));
    }
    internal(normalize(&format!("{dir}/{rest}")))
}

/// Whether `url` starts with a scheme (`mailto:`, `https:`, `data:`).
fn has_scheme(url: &str) -> bool {
    url.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(relative: bool) -> UrlStyle {
        UrlStyle {
            base_url: "https://e.org/kb/".into(),
            base_path: "/kb/".into(),
            relative,
        }
    }

    fn at(path: &str, fragment: Option<&str>) -> Resolved {
        Resolved::Internal {
            path: path.into(),
            fragment: fragment.map(str::to_string),
        }
    }

    #[test]
    fn absolute_builds() {
        let s = style(false);
        assert_eq!(
            resolve(&s, "a/index.html", "/kb/news/x/#h"),
            at("news/x/", Some("h"))
        );
        assert_eq!(resolve(&s, "a/index.html", "/kb"), at("", None));
        assert_eq!(
            resolve(&s, "a/index.html", "/other/"),
            Resolved::OutsideSite
        );
        assert_eq!(
            resolve(&s, "a/index.html", "https://e.org/kb/en/"),
            at("en/", None)
        );
        assert_eq!(
            resolve(&s, "a/index.html", "https://x.org/"),
            Resolved::Elsewhere
        );
        assert_eq!(
            resolve(&s, "a/index.html", "mailto:a@b"),
            Resolved::Elsewhere
        );
        assert_eq!(
            resolve(&s, "a/index.html", "#top"),
            at("a/index.html", Some("top"))
        );
        assert_eq!(
            resolve(&s, "a/index.html", "p.png?v=2"),
            at("a/p.png", None)
        );
        assert_eq!(
            resolve(&s, "a/index.html", "/kb/s%E1%BA%A1ch/"),
            at("sạch/", None)
        );
    }

    #[test]
    fn relative_builds() {
        let s = style(true);
        assert_eq!(
            resolve(&s, "a/b/index.html", "../../index.html"),
            at("index.html", None)
        );
        assert_eq!(
            resolve(&s, "a/index.html", "../../x/"),
            Resolved::OutsideSite
        );
        assert_eq!(
            resolve(&s, "a/index.html", "/kb/x/"),
            Resolved::RootInRelativeBuild
        );
    }
}
