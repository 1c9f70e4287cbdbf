//! Scaffolds for `sachhon new` and the starter site of `sachhon init`.

use crate::date::Date;
use crate::text::slugify;
use std::path::{Path, PathBuf};

fn template(kind: &str, lang: &str) -> &'static str {
    match (kind, lang == "vi") {
        ("case-study", true) => include_str!("scaffolds/vi/case-study.md"),
        ("case-study", false) => include_str!("scaffolds/en/case-study.md"),
        ("news", true) => include_str!("scaffolds/vi/news.md"),
        ("news", false) => include_str!("scaffolds/en/news.md"),
        ("module", true) => include_str!("scaffolds/vi/module.md"),
        ("module", false) => include_str!("scaffolds/en/module.md"),
        ("lesson", true) => include_str!("scaffolds/vi/lesson.md"),
        ("lesson", false) => include_str!("scaffolds/en/lesson.md"),
        (_, true) => include_str!("scaffolds/vi/page.md"),
        (_, false) => include_str!("scaffolds/en/page.md"),
    }
}

/// The front matter and body of a new page of `kind`, commented in `lang`, dated `date`.
pub fn scaffold(kind: &str, lang: &str, title: &str, date: Date) -> String {
    template(kind, lang)
        .replace("{title}", &title.replace('"', "'"))
        .replace("{date}", &date.iso_date())
        .replace("{year}", &date.year.to_string())
}

/// Where `new KIND NAME` writes, relative to the site root; `None` for an unusable name.
///
/// `new case-study binh-dien` -> `content/case-studies/binh-dien/index.md`,
/// `new lesson cp-basics/intro` -> `content/training/cp-basics/intro.md`.
pub fn target(kind: &str, name: &str) -> Option<PathBuf> {
    let parts: Vec<String> = name.trim_matches('/').split('/').map(slugify).collect();
    if parts.iter().any(String::is_empty) {
        return None;
    }
    let last = parts.last()?;
    let path = match (kind, parts.len()) {
        ("case-study", 1) => format!("content/case-studies/{last}/index.md"),
        ("news", 1) => format!("content/news/{last}.md"),
        ("module", 1) => format!("content/training/{last}/_index.md"),
        ("lesson", 2) => format!("content/training/{}/{last}.md", parts[0]),
        ("page", _) => format!("content/{}.md", parts.join("/")),
        _ => return None,
    };
    Some(PathBuf::from(path))
}

/// A readable title from a name (`binh-dien` -> `Binh dien`).
pub fn title_from(name: &str) -> String {
    let last = name.trim_matches('/').rsplit('/').next().unwrap_or(name);
    let words = last.replace(['-', '_'], " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The files of a new site: `(path, text)`, every page in Vietnamese and English.
pub fn starter_site(lang: &str, today: Date) -> Vec<(String, String)> {
    let title = if lang == "vi" {
        "Sản xuất sạch hơn"
    } else {
        "Cleaner production"
    };
    let mut files = vec![
        (
            "site.yaml".to_string(),
            format!(
                "title: {title}\nbase_url: https://example.org/\ndefault_language: vi\nlanguages:\n  en: {{ title: Cleaner production }}\ntheme: default\ntaxonomies: [tags, sectors, provinces, techniques]\npaginate: 10\ntimezone: \"+07:00\"\n"
            ),
        ),
        (
            ".gitignore".to_string(),
            "/public\n/.public.sachhon-*\n/.sachhon-cache\n".to_string(),
        ),
    ];
    let sections = [
        (
            "content/_index",
            "Sản xuất sạch hơn — lợi cho doanh nghiệp, sạch cho môi trường",
            "Cleaner production: good for business, good for the environment",
        ),
        ("content/news/_index", "Tin tức", "News"),
        (
            "content/case-studies/_index",
            "Điển hình áp dụng",
            "Case studies",
        ),
        ("content/training/_index", "Đào tạo", "Training"),
    ];
    for (path, vi, en) in sections {
        files.push((format!("{path}.md"), format!("---\ntitle: \"{vi}\"\n---\n")));
        files.push((
            format!("{path}.en.md"),
            format!("---\ntitle: \"{en}\"\n---\n"),
        ));
    }
    let examples = [
        ("page", "gioi-thieu", "Giới thiệu", "About"),
        ("news", "tin-dau-tien", "Tin đầu tiên", "First news"),
        (
            "case-study",
            "dien-hinh-mau",
            "Điển hình mẫu",
            "A sample case study",
        ),
        (
            "module",
            "nhap-mon",
            "Nhập môn sản xuất sạch hơn",
            "Cleaner production basics",
        ),
        (
            "lesson",
            "nhap-mon/bai-1",
            "Bài 1: Sản xuất sạch hơn là gì?",
            "Lesson 1: What is cleaner production?",
        ),
    ];
    let publish = |text: String| text.replace("draft: true", "draft: false");
    for (kind, name, vi, en) in examples {
        let Some(path) = target(kind, name) else {
            continue;
        };
        let path = path.to_string_lossy().replace('\\', "/");
        let en_path = format!("{}.en.md", path.trim_end_matches(".md"));
        files.push((path, publish(scaffold(kind, "vi", vi, today))));
        files.push((en_path, publish(scaffold(kind, "en", en, today))));
    }
    files
}

/// Writes `files` under `root`, never replacing an existing file.
pub fn write_new(root: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    for (path, bytes) in files {
        let target = root.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&target)
            .and_then(|mut f| std::io::Write::write_all(&mut f, bytes))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_names_go_into_their_sections() {
        let t = |k, n| target(k, n).map(|p| p.to_string_lossy().to_string());
        assert_eq!(
            t("case-study", "binh-dien").as_deref(),
            Some("content/case-studies/binh-dien/index.md")
        );
        assert_eq!(
            t("lesson", "cp-basics/intro").as_deref(),
            Some("content/training/cp-basics/intro.md")
        );
        assert_eq!(t("page", "about").as_deref(), Some("content/about.md"));
        assert_eq!(
            t("news", "Hội thảo Đà Nẵng").as_deref(),
            Some("content/news/hoi-thao-da-nang.md")
        );
        assert_eq!(
            t("module", "cp-basics").as_deref(),
            Some("content/training/cp-basics/_index.md")
        );
    }

    #[test]
    fn unusable_names_are_refused() {
        assert_eq!(target("news", "../x"), None);
        assert_eq!(target("lesson", "intro"), None);
        assert_eq!(target("news", "!!!"), None);
    }

    #[test]
    fn scaffolds_are_drafts_dated_today() {
        let d = Date::parse("2026-11-28").unwrap();
        for kind in crate::content::Kind::KEYS {
            for lang in ["vi", "en"] {
                let s = scaffold(kind, lang, "Tên", d);
                assert!(s.contains("draft: true"), "{kind} {lang}");
                assert!(s.contains("title: \"Tên\""));
            }
        }
        assert!(scaffold("news", "vi", "x", d).contains("date: 2026-11-28"));
    }
}
