//! Documentation imported from other tools (MkDocs, Docusaurus, Zola) builds as written:
//! files without front matter, a root `index.md`, lenient fences, honest diagnostics.

use crate::support::*;

/// The lines of `stderr` with `code`.
fn lines_with<'a>(stderr: &'a str, code: &str) -> Vec<&'a str> {
    stderr
        .lines()
        .filter(|l| l.contains(&format!("[{code}]")))
        .collect()
}

#[test]
fn files_without_front_matter_are_pages_titled_by_their_heading_or_name() {
    let site = fixture("imported");
    build_ok(site.path(), &[]);
    let home = read(site.path(), "index.html");
    assert!(home.contains("<h1>Tài liệu hướng dẫn</h1>"), "{home}");
    // The heading became the title: the body does not show it a second time.
    assert!(!home.contains("id=\"tai-lieu-huong-dan\""), "{home}");
    let install = read(site.path(), "huong-dan/cai-dat/index.html");
    assert!(install.contains("<h1>Cài đặt công cụ</h1>"), "{install}");
    assert!(install.contains("Một đoạn mở đầu trước tiêu đề."));
    assert!(!install.contains("id=\"cai-dat-cong-cu\""), "{install}");
    assert!(install.contains("đây không phải tiêu đề"));
    let note = read(site.path(), "huong-dan/ghi-chu-nhanh/index.html");
    assert!(note.contains("<h1>Ghi chu nhanh</h1>"), "{note}");
}

#[test]
fn blank_lines_and_a_byte_order_mark_before_the_fence_are_allowed() {
    let site = fixture("imported");
    let r = build_ok(site.path(), &[]);
    assert!(!r.stderr.contains("E0102"), "{}", r.stderr);
    let start = read(site.path(), "huong-dan/bat-dau/index.html");
    assert!(start.contains("<title>Bắt đầu"), "{start}");
    assert!(!start.contains("title: Bắt đầu"), "{start}");
    let bom = read(site.path(), "huong-dan/co-bom/index.html");
    assert!(bom.contains("<title>Có dấu BOM"), "{bom}");
}

#[test]
fn a_root_index_md_is_the_home_page_unless_index_md_with_underscore_exists() {
    let site = fixture_with(
        "imported",
        &[("content/_index.md", "---\ntitle: Trang chủ thật\n---\n")],
    );
    let r = build_ok(site.path(), &[]);
    let w = lines_with(&r.stderr, "W0160");
    assert_eq!(w.len(), 1, "{}", r.stderr);
    assert!(w[0].starts_with("content/index.md"), "{}", r.stderr);
    assert!(read(site.path(), "index.html").contains("<h1>Trang chủ thật</h1>"));
    // Without any home text, `check` says the home page is generated.
    let bare = fixture("imported");
    std::fs::remove_file(bare.path().join("content/index.md")).unwrap();
    let r = command("check", bare.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(lines_with(&r.stderr, "W0161").len(), 1, "{}", r.stderr);
}

#[test]
fn imported_docs_check_clean_with_query_strings_and_foreign_heading_ids() {
    let site = fixture("imported");
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("E03"), "{}", r.stderr);
    assert!(!r.stderr.contains("W0161"), "{}", r.stderr);
    build_ok(site.path(), &[]);
    let start = read(site.path(), "huong-dan/bat-dau/index.html");
    assert!(
        start.contains("href=\"/docs/huong-dan/cai-dat/?v=2#buoc-dau\""),
        "{start}"
    );
    let headings = read(site.path(), "huong-dan/de-muc/index.html");
    for id in [
        "id=\"快速开始\"",
        "id=\"section\"",
        "id=\"whats-new\"",
        "id=\"ket-qua\"",
        "id=\"lop-rieng\" class=\"noi-bat\"",
        "id=\"kieu-mkdocs\"",
    ] {
        assert!(headings.contains(id), "{id} in {headings}");
    }
}

#[test]
fn a_slug_the_tool_changes_is_reported_once_with_its_address() {
    let site = fixture("imported");
    let r = build_ok(site.path(), &[]);
    let w = lines_with(&r.stderr, "W0360");
    assert_eq!(w.len(), 1, "{}", r.stderr);
    assert!(
        w[0].starts_with("content/tin/phat-hanh.md:4:1"),
        "{}",
        r.stderr
    );
    assert!(w[0].contains("/tin/ban-2-0/"), "{}", r.stderr);
    assert!(exists(site.path(), "tin/ban-2-0/index.html"));
}

#[test]
fn a_link_to_a_page_with_errors_is_not_a_second_error_and_drafts_are_named() {
    let site = fixture_with(
        "imported",
        &[
            (
                "content/huong-dan/hong.md",
                "---\ntitle: Trang hỏng\ndate: ngày mai\n---\nVăn bản.\n",
            ),
            (
                "content/huong-dan/nhap.md",
                "---\ntitle: Bản nháp\ndraft: true\n---\nChưa xong.\n",
            ),
            (
                "content/huong-dan/lien-ket.md",
                "---\ntitle: Liên kết\n---\n[a](@/huong-dan/hong.md) [b](hong.md#x) [c](hong.md?q=1)\n\n[d](nhap.md)\n",
            ),
        ],
    );
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert_eq!(lines_with(&r.stderr, "E0110").len(), 1, "{}", r.stderr);
    assert!(lines_with(&r.stderr, "E0301").is_empty(), "{}", r.stderr);
    let drafts = lines_with(&r.stderr, "E0304");
    assert_eq!(drafts.len(), 1, "{}", r.stderr);
    assert!(
        drafts[0].starts_with("content/huong-dan/lien-ket.md:6:1"),
        "{}",
        r.stderr
    );
}

#[test]
fn admonitions_tabs_fence_titles_and_footnotes_of_other_tools_render() {
    let site = fixture("imported");
    let r = build_ok(site.path(), &[]);
    let page = read(site.path(), "huong-dan/mo-rong/index.html");
    assert!(
        page.contains("<div class=\"alert alert-warning\" role=\"note\"><p class=\"alert-title\">Nước nóng</p>"),
        "{page}"
    );
    assert!(page.contains("Khoá van trước khi tháo ống."));
    assert!(page.contains("khoa-van"), "code inside the admonition");
    assert!(
        page.contains("<details class=\"alert alert-tip\"><summary class=\"alert-title\">Mẹo gấp lại</summary>"),
        "{page}"
    );
    assert!(
        page.contains("<div class=\"alert alert-note\" role=\"note\"><p class=\"alert-title\">Ghi chú kiểu Docusaurus</p>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"tab-label\">Windows</p>"),
        "{page}"
    );
    assert!(page.contains("<p class=\"tab-label\">Linux</p>"), "{page}");
    assert!(!page.contains("!!!") && !page.contains(":::") && !page.contains("==="));
    assert!(
        page.contains("<p class=\"code-title\">loc_nuoc.py</p>"),
        "{page}"
    );
    assert!(page.contains("data-lang=\"py\""), "{page}");
    // Footnotes: numbered by reference, gathered at the end, with a way back.
    let (refs, notes) = page
        .split_once("<section class=\"footnotes\">")
        .expect("footnotes");
    assert!(
        refs.contains("<a href=\"#fn-nguon\" id=\"fnref-nguon\">1</a>"),
        "{refs}"
    );
    assert!(
        refs.contains("<a href=\"#fn-2\" id=\"fnref-2\">2</a>"),
        "{refs}"
    );
    assert!(!refs.contains("Nguồn: sổ tay"), "{refs}");
    assert!(notes.contains("<li id=\"fn-nguon\">"), "{notes}");
    assert!(notes.contains("href=\"#fnref-nguon\""), "{notes}");
    assert!(notes.find("fn-nguon") < notes.find("fn-2"));
    // Foreign constructs: one warning each, where written; none for code.
    let w = lines_with(&r.stderr, "W0602");
    assert_eq!(w.len(), 4, "{}", r.stderr);
    for (at, what) in [
        ("content/huong-dan/mo-rong.md:37:5", "++ctrl+s++"),
        (
            "content/huong-dan/mo-rong.md:37:23",
            ":material-content-save:",
        ),
        ("content/huong-dan/mo-rong.md:39:1", "$$"),
        ("content/huong-dan/mo-rong.md:43:17", "{ .lon }"),
    ] {
        assert!(
            w.iter().any(|l| l.starts_with(at) && l.contains(what)),
            "{at} {what}: {}",
            r.stderr
        );
    }
    // `check` follows every footnote link and finds nothing broken.
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
}

#[test]
fn files_beside_a_page_s_source_are_published_where_its_links_lead() {
    let site = fixture("imported");
    build_ok(site.path(), &[]);
    for file in [
        "tin/zensical/anh-chup.png",
        "tin/zensical/bang-gia.pdf",
        "assets/logo.png",
        "huong-dan/hinh/so do 1.png",
    ] {
        assert!(exists(site.path(), file), "{file} not copied");
    }
    // A file no page uses is not published.
    assert!(!exists(site.path(), "assets/khong-dung.png"));
    let post = read(site.path(), "tin/zensical/index.html");
    assert!(
        post.contains("<img src=\"/docs/tin/zensical/anh-chup.png\" alt=\"Ảnh chụp màn hình\""),
        "{post}"
    );
    assert!(
        post.contains("href=\"/docs/tin/zensical/bang-gia.pdf\""),
        "{post}"
    );
    assert!(post.contains("src=\"/docs/assets/logo.png\""), "{post}");
    // `image:` is found from the file's folder too.
    assert!(
        post.contains("https://example.org/docs/tin/zensical/anh-chup.png"),
        "{post}"
    );
    let start = read(site.path(), "huong-dan/bat-dau/index.html");
    assert!(start.contains("src=\"/docs/assets/logo.png\""), "{start}");
    assert!(
        start.contains("src=\"/docs/huong-dan/hinh/so%20do%201.png\""),
        "{start}"
    );
    // From `file://`, the same files by relative links.
    build_ok(site.path(), &["--relative-urls"]);
    let post = read(site.path(), "tin/zensical/index.html");
    assert!(
        post.contains("src=\"../../tin/zensical/anh-chup.png\""),
        "{post}"
    );
    assert!(post.contains("src=\"../../assets/logo.png\""), "{post}");
}

#[test]
fn check_proves_the_copies_and_lists_files_no_page_uses() {
    let site = fixture("imported");
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("E03"), "{}", r.stderr);
    let unused = lines_with(&r.stderr, "W0660");
    assert_eq!(unused.len(), 1, "{}", r.stderr);
    assert!(
        unused[0].starts_with("content/assets/khong-dung.png: warning: no page uses this file, so it is not published"),
        "{}",
        unused[0]
    );
}

#[test]
fn a_file_that_exists_nowhere_is_an_error_of_build_at_its_line() {
    let page = "---\ntitle: Thiếu tệp\n---\n\n![Ảnh](thieu/anh.png)\n\nTải [bảng](bang.pdf), xem [bản tin](/atom.xml) và [bản 1.2](../huong-dan/v1.2).\n";
    let site = fixture_with("imported", &[("content/tin/thieu.md", page)]);
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    let missing = lines_with(&r.stderr, "E0303");
    assert_eq!(missing.len(), 2, "{}", r.stderr);
    assert!(
        missing[0].starts_with("content/tin/thieu.md:5:1: error: the file \"thieu/anh.png\""),
        "{}",
        missing[0]
    );
    assert!(
        missing[1].starts_with("content/tin/thieu.md:7:5: error: the file \"bang.pdf\""),
        "{}",
        missing[1]
    );
    // The previous output is untouched: nothing was built.
    assert!(!exists(site.path(), "tin/thieu/index.html"));
}

#[test]
fn mkdocs_front_matter_without_a_title_blog_dates_and_home_links_build() {
    let site = fixture("imported");
    let r = build_ok(site.path(), &[]);
    assert!(!r.stderr.contains("E0105"), "{}", r.stderr);
    let button = read(site.path(), "huong-dan/nut-bam/index.html");
    assert!(button.contains("<h1>Nút bấm</h1>"), "{button}");
    assert!(!button.contains("id=\"nut-bam\""), "{button}");
    assert!(button.contains("href=\"/docs/\">trang chủ</a>"), "{button}");
    let post = read(site.path(), "tin/blog-kieu-mkdocs/index.html");
    assert!(post.contains("<h1>Blog kiểu MkDocs</h1>"), "{post}");
    let feed = read(site.path(), "atom.xml");
    assert!(
        feed.contains("<published>2024-07-01T00:00:00+07:00</published>"),
        "{feed}"
    );
    let sitemap = read(site.path(), "sitemap.xml");
    assert!(
        sitemap.contains("blog-kieu-mkdocs/</loc><lastmod>2024-07-05<"),
        "{sitemap}"
    );
    // Other tools' keys are said once each, not taken for typos; an image's fragment is the
    // browser's business.
    let r = command("check", site.path(), &[]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("W0170"), "{}", r.stderr);
    assert!(!r.stderr.contains("E0302"), "{}", r.stderr);
    let ignored = lines_with(&r.stderr, "W0603");
    assert!(ignored.iter().any(|l| l.contains("links:")), "{}", r.stderr);
    assert!(
        ignored.iter().any(|l| l.contains("social:")),
        "{}",
        r.stderr
    );
}

#[test]
fn zola_taxonomy_tables_and_sections_without_a_title_build() {
    let site = fixture("imported");
    let r = build_ok(site.path(), &[]);
    assert!(!r.stderr.contains("E0105"), "{}", r.stderr);
    // A section without `title` is named by its folder.
    let section = read(site.path(), "huong-dan/index.html");
    assert!(section.contains("<h1>Huong dan</h1>"), "{section}");
    // `[taxonomies] tags = [...]` are tags; an empty undeclared one is nothing to report.
    let tag = read(site.path(), "tags/zola/index.html");
    assert!(tag.contains("Bài kiểu Zola"), "{tag}");
    assert!(exists(site.path(), "tags/tai-lieu/index.html"));
    let r = command("check", site.path(), &[]);
    assert!(!r.stderr.contains("W0170"), "{}", r.stderr);
    assert!(!r.stderr.contains("taxonomies:"), "{}", r.stderr);
    let ignored = lines_with(&r.stderr, "W0603");
    assert!(
        ignored
            .iter()
            .any(|l| l.starts_with("content/tin/zola-kieu.md:4:1")
                && l.contains("insert_anchor_links")),
        "{}",
        r.stderr
    );
}

#[test]
fn mkdocs_markdown_not_rendered_is_said_once_per_build_for_each_kind() {
    let other = "---\ntitle: Thêm\n---\n\nDấu :material-check: và ++ctrl+c++ ở bài khác.\n";
    let site = fixture_with("imported", &[("content/huong-dan/them.md", other)]);
    let r = build_ok(site.path(), &[]);
    let w = lines_with(&r.stderr, "W0602");
    assert_eq!(w.len(), 4, "{}", r.stderr);
    // The first use (by file, line, column) is named, with the number of pages using it.
    let icon = w.iter().find(|l| l.contains(":material-")).unwrap();
    assert!(
        icon.starts_with("content/huong-dan/mo-rong.md:37:23")
            && icon.contains("pages using it: 2"),
        "{icon}"
    );
    let math = w.iter().find(|l| l.contains("\"$$\"")).unwrap();
    assert!(math.contains("pages using it: 1"), "{math}");
}

#[test]
fn fence_line_numbers_and_highlighted_lines_are_drawn() {
    let site = fixture("imported");
    build_ok(site.path(), &[]);
    let page = read(site.path(), "huong-dan/mo-rong/index.html");
    let seven = page.find("<span class=\"ln\" aria-hidden=\"true\">7</span>");
    let start = page[..seven.expect("line 7 numbered")]
        .rfind("<pre")
        .unwrap();
    let block = &page[start..];
    let block = &block[..block.find("</pre>").unwrap()];
    assert!(block.starts_with(
        "<pre class=\"code hl-code numbered\" data-lang=\"py\"><code><span class=\"line\">"
    ));
    // Three lines, numbered from 7; the second highlighted; the string over two lines is
    // closed and opened again at the line end, so each line is well nested.
    assert_eq!(block.matches("<span class=\"line").count(), 3, "{block}");
    assert!(
        block.contains("<span class=\"line hl\"><span class=\"ln\" aria-hidden=\"true\">8</span>"),
        "{block}"
    );
    assert!(
        block.contains("<span class=\"line\"><span class=\"ln\" aria-hidden=\"true\">9</span>"),
        "{block}"
    );
    assert_eq!(
        block.matches("<span").count(),
        block.matches("</span>").count(),
        "{block}"
    );
}

/// MkDocs blocks inside list items and admonitions of any type, as MkDocs-Material docs
/// write them.
const IN_LISTS: &str = r#"---
title: Trong danh sách
---

- Tạo môi trường:

    === "macOS"

        ``` sh
        . venv/bin/activate
        ```

    === "Windows"

        ``` sh
        venv\Scripts\activate
        ```

1. Kiểm tra:

    !!! classic "Lưu ý"

        Chạy lệnh hai lần.

2. Xong.

!!! pied-piper
    Một khối kiểu lạ.
"#;

#[test]
fn admonitions_and_tabs_in_list_items_and_of_any_type_render() {
    let site = fixture_with("imported", &[("content/huong-dan/danh-sach.md", IN_LISTS)]);
    let r = build_ok(site.path(), &[]);
    assert!(!r.stderr.contains("danh-sach.md"), "{}", r.stderr);
    let page = read(site.path(), "huong-dan/danh-sach/index.html");
    let body = &page[page.find("<p>Tạo môi trường:</p>").expect("the list")..];
    let item = &body[..body.find("</li>").unwrap()];
    assert!(item.contains("<p class=\"tab-label\">macOS</p>"), "{item}");
    assert!(
        item.contains("<p class=\"tab-label\">Windows</p>"),
        "{item}"
    );
    assert!(item.contains("venv/bin/activate"), "{item}");
    let ol = &body[body.find("<ol>\n<li>").expect("the numbered list")..];
    let step = &ol[..ol.find("</li>").unwrap()];
    assert!(
        step.contains(
            "<div class=\"alert alert-other admonition-classic\" role=\"note\">\
             <p class=\"alert-title\">Lưu ý</p>"
        ),
        "{step}"
    );
    assert!(step.contains("Chạy lệnh hai lần."), "{step}");
    assert!(
        page.contains("<p class=\"alert-title\">Pied-piper</p>\n<p>Một khối kiểu lạ.</p>"),
        "{page}"
    );
    assert!(!page.contains("!!!") && !page.contains("==="), "{page}");
}

#[test]
fn a_block_line_that_opens_no_block_is_a_warning_and_no_lead() {
    let page = "---\ntitle: Lệch\n---\n\n  !!! tip \"Thụt sai\"\n      Hai dấu cách thiếu.\n\nĐoạn mở đầu.\n";
    let site = fixture_with("imported", &[("content/huong-dan/lech.md", page)]);
    let r = build_ok(site.path(), &[]);
    let w = lines_with(&r.stderr, "W0602");
    assert!(
        w.iter()
            .any(|l| l.starts_with("content/huong-dan/lech.md:5:3:")
                && l.contains("!!! tip \"Thụt sai\"")),
        "{}",
        r.stderr
    );
    let html = read(site.path(), "huong-dan/lech/index.html");
    assert!(
        html.contains("<meta name=\"description\" content=\"Đoạn mở đầu.\">"),
        "{html}"
    );
}
