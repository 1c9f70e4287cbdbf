use super::*;
use crate::diagnostics::Code;

fn style(relative: bool) -> UrlStyle {
    UrlStyle {
        base_url: "https://example.org/kb/".into(),
        base_path: "/kb/".into(),
        relative,
    }
}

fn render_with(body: &str, relative: bool) -> (Rendered, Vec<Diagnostic>) {
    render_among(body, relative, &crate::images::Catalogue::new())
}

/// Renders `body` in a site whose images are `images`.
fn render_among(
    body: &str,
    relative: bool,
    images: &crate::images::Catalogue,
) -> (Rendered, Vec<Diagnostic>) {
    let st = style(relative);
    let resolve = |key: &str| match key {
        "case-studies/binh-dien/index.md" => Some("case-studies/binh-dien/".to_string()),
        "news/a.md" => Some("news/a/".to_string()),
        _ => None,
    };
    let strings: std::collections::BTreeMap<String, String> =
        serde_yaml::from_str(include_str!("../../themes/default/i18n/vi.yaml")).unwrap();
    let highlighter = super::highlight::Highlighter::default();
    let highlighter = highlighter.local();
    let cx = Context {
        source: "content/news/b.md",
        lang: "vi",
        page_path: "news/b/",
        content_dir: "news",
        line_offset: 4,
        style: &st,
        resolve: &resolve,
        images,
        emoji: true,
        shortcodes: None,
        files: None,
        find_file: &|_: &str| None,
        // Link rewriting as written; sanitizing is tested in `raw_html`.
        raw_html: crate::config::RawHtml::Allow,
        strings: &strings,
        highlighter: &highlighter,
    };
    render(body, &cx)
}

#[test]
fn heading_ids_fold_vietnamese_and_stay_unique() {
    let (r, _) = render_with("## Kết quả đạt được\n\n## Kết quả đạt được\n", false);
    assert!(r.html.contains("id=\"ket-qua-dat-duoc\""), "{}", r.html);
    assert!(r.html.contains("id=\"ket-qua-dat-duoc-1\""));
    assert_eq!(r.toc.len(), 2);
}

#[test]
fn content_links_resolve_to_urls_under_the_base_path() {
    let (r, d) = render_with("[x](@/case-studies/binh-dien/index.md#ket-qua)\n", false);
    assert!(d.is_empty());
    assert!(
        r.html
            .contains("href=\"/kb/case-studies/binh-dien/#ket-qua\""),
        "{}",
        r.html
    );
}

#[test]
fn relative_mode_links_climb_from_the_page() {
    let (r, _) = render_with("[x](a.md) [y](/static/f.pdf)\n", true);
    assert!(
        r.html.contains("href=\"../../news/a/index.html\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("href=\"../../static/f.pdf\""), "{}", r.html);
}

#[test]
fn broken_content_link_is_an_error_with_its_line() {
    let (_, d) = render_with("text\n\n[x](@/nope.md)\n", false);
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].code, d[0].line), (Code::E0301, Some(7)));
}

#[test]
fn summary_stops_at_more_marker_or_first_paragraph() {
    let (r, _) = render_with(
        "First *part*.\n\nSecond.\n\n<!-- more -->\n\nThird.\n",
        false,
    );
    assert_eq!(r.summary, "First part. Second.");
    let (r, _) = render_with("Only first.\n\nSecond.\n", false);
    assert_eq!(r.summary, "Only first.");
}

#[test]
fn alerts_tables_and_tasks_render() {
    let (r, _) = render_with(
        "> [!NOTE]\n> Hãy đọc.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~\n",
        false,
    );
    assert!(r.html.contains("class=\"alert alert-note\""), "{}", r.html);
    assert!(r.html.contains("Lưu ý"));
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("type=\"checkbox\""));
    assert!(r.html.contains("<del>old</del>"));
}

#[test]
fn code_is_highlighted_and_unknown_languages_warn() {
    let (r, d) = render_with(
        "```rust\nlet x = 1;\n```\n\n```klingon\nqapla\n```\n",
        false,
    );
    assert!(r.html.contains("class=\"hl-"), "{}", r.html);
    assert!(r.html.contains("qapla"));
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, Code::W0105);
}

#[test]
fn image_without_alt_warns() {
    let (r, d) = render_with("![](photo.jpg)\n\n![Máy đóng gói](b.jpg)\n", false);
    assert_eq!(d.iter().filter(|d| d.code == Code::W0106).count(), 1);
    assert!(r.links.contains(&Link {
        line: 5,
        col: 1,
        dest: "photo.jpg".into(),
        href: "photo.jpg".into(),
        target: LinkTarget::File("news/b/photo.jpg".into())
    }));
}

#[test]
fn raw_markup_in_text_is_escaped() {
    let (r, _) = render_with("a <b & c\n", false);
    assert!(r.html.contains("&lt;b &amp; c"), "{}", r.html);
}

#[test]
fn page_links_without_a_slash_work_from_file_urls() {
    let (r, _) = render_with("[a](/news/post) [b](/news/post#x) [c](../a)\n", true);
    assert!(
        r.html.contains("href=\"../../news/post/index.html\""),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("href=\"../../news/post/index.html#x\""),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("href=\"../../news/a/index.html\""),
        "{}",
        r.html
    );
}

#[test]
fn raw_html_urls_get_the_base_path_and_are_recorded() {
    let (r, _) = render_with(
        "<img src=\"/img/x.png\" alt=\"x\">\n\nText <a href='/news/a'>a</a> <a href=\"https://e.org/\">e</a>\n",
        false,
    );
    assert!(r.html.contains("src=\"/kb/img/x.png\""), "{}", r.html);
    assert!(r.html.contains("href='/kb/news/a/'"), "{}", r.html);
    assert!(r.html.contains("href=\"https://e.org/\""), "{}", r.html);
    assert!(r
        .links
        .iter()
        .any(|l| l.target == LinkTarget::File("img/x.png".into()) && l.line == 5));
    let (rel, _) = render_with("<img src=\"/img/x.png\" alt=\"x\">\n", true);
    assert!(rel.html.contains("src=\"../../img/x.png\""), "{}", rel.html);
}

#[test]
fn links_know_their_column() {
    let (r, d) = render_with("Xem thêm [x](@/news/missing.md)\n", false);
    assert_eq!(d[0].code, Code::E0301);
    assert_eq!((d[0].line, d[0].col), (Some(5), Some(10)));
    assert_eq!(r.links[0].target, LinkTarget::Reported);
}

#[test]
fn data_and_other_host_images_do_not_take_the_previous_images_copies() {
    let mut images = crate::images::Catalogue::new();
    images.insert(
        "anh.jpg".to_string(),
        crate::images::Image {
            key: 0,
            source: "static/anh.jpg".into(),
            width: 2000,
            height: 1000,
            variants: vec![crate::images::Variant {
                width: 480,
                height: 240,
                path: "anh-480w.jpg".to_string(),
            }],
        },
    );
    let body = "![a](/anh.jpg)\n\n![b](data:image/png;base64,iVBORw0KGgo=)\n\n![c](//cdn.example.org/x.png)\n";
    let (r, _) = render_among(body, false, &images);
    let tags: Vec<&str> = r.html.split("<img ").skip(1).collect();
    assert_eq!(tags.len(), 3, "{}", r.html);
    assert!(tags[0].contains("anh-480w.jpg 480w"), "{}", tags[0]);
    for tag in &tags[1..] {
        assert!(!tag.contains("srcset") && !tag.contains("anh"), "{tag}");
    }
}

#[test]
fn admonitions_of_any_type_render_with_the_generic_look() {
    let (r, d) = render_with(
        "!!! classic \"Note\"\n    Old style.\n\n!!! pied-piper\n    Tune.\n\n!!! tip\n    Known.\n",
        false,
    );
    assert!(d.is_empty(), "{d:?}");
    let classic = "<div class=\"alert alert-other admonition-classic\" role=\"note\">\
                   <p class=\"alert-title\">Note</p>\n<p>Old style.</p>\n</div>";
    assert!(r.html.contains(classic), "{}", r.html);
    assert!(
        r.html.contains(
            "<div class=\"alert alert-other admonition-pied-piper\" role=\"note\">\
             <p class=\"alert-title\">Pied-piper</p>"
        ),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<div class=\"alert alert-tip\""),
        "{}",
        r.html
    );
    assert!(!r.html.contains("!!!"), "{}", r.html);
    assert_eq!(r.summary, "Old style.");
}

#[test]
fn admonitions_and_tabs_render_inside_list_items() {
    let body = "- Activate:\n\n    === \"macOS\"\n\n        ``` sh\n        . venv/bin/activate\n        ```\n\n1. Step:\n\n    !!! tip \"Hint\"\n\n        Body text.\n\n    Still the step.\n";
    let (r, d) = render_with(body, false);
    assert!(d.is_empty(), "{d:?}");
    let tab = r.html.find("<div class=\"tab-panel\"").unwrap();
    let first_item = r.html.find("<li>").unwrap();
    let first_end = r.html.find("</li>").unwrap();
    assert!(first_item < tab && tab < first_end, "{}", r.html);
    assert!(r.html[tab..first_end].contains("venv/bin/activate"));
    let ol = r.html.find("<ol>").unwrap();
    let alert = r.html.find("<div class=\"alert alert-tip\"").unwrap();
    let step = r.html.find("Still the step.").unwrap();
    assert!(ol < alert && alert < step, "{}", r.html);
    assert!(r.html[alert..step].contains("<p>Body text.</p>\n</div>"));
    assert!(r.html[step..].starts_with("Still the step.</p>\n</li>\n</ol>"));
    assert!(
        !r.html.contains("!!!") && !r.html.contains("==="),
        "{}",
        r.html
    );
    assert!(r.has_tabs);
}

#[test]
fn block_lines_that_open_no_block_are_reported_and_are_no_lead() {
    let body =
        "  !!! tip\n      Two spaces off.\n\n!!! note \"Empty\"\nNo body.\n\nThe lead.\n\n=== \"Last\"\n";
    let (r, d) = render_with(body, false);
    let at: Vec<_> = d
        .iter()
        .filter(|d| d.code == Code::W0602)
        .map(|d| (d.line, d.col))
        .collect();
    // Line numbers count the four lines of front matter.
    assert_eq!(
        at,
        [(Some(5), Some(3)), (Some(8), Some(1)), (Some(13), Some(1))],
        "{d:?}"
    );
    assert!(d.iter().all(|d| d.args.iter().any(|(_, v)| v == "block")));
    // Readers see what was written, and the lead is the first paragraph of text.
    assert!(
        r.html.contains("<p>!!! note \"Empty\"\nNo body.</p>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<p>=== \"Last\"</p>"), "{}", r.html);
    assert_eq!(r.summary, "The lead.");
}
