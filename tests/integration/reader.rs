//! The reader's experience: headline figures of a case study, breadcrumbs and structured
//! data, open data files, dashboard totals per unit and the repeated-table warning.

use crate::support::*;
use serde_json::Value;

/// The JSON-LD document of a page.
fn json_ld(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("JSON-LD script")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("script end");
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

fn graph_item<'a>(doc: &'a Value, kind: &str) -> &'a Value {
    doc["@graph"]
        .as_array()
        .expect("graph")
        .iter()
        .find(|i| i["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind} in {doc}"))
}

#[test]
fn case_study_shows_every_metric_change_and_its_year_before_the_body() {
    let site = built("reader");
    let html = read(site.path(), "case-studies/det-a/index.html");
    let headline = html.find("class=\"headline-figures\"").expect("headline");
    let body = html.find("<div class=\"prose\">").expect("body");
    assert!(headline < body);
    let figures = &html[headline..body];
    assert!(
        figures.contains("−25&nbsp;%") && figures.contains("Nước"),
        "{figures}"
    );
    assert!(
        figures.contains("−20&nbsp;%") && figures.contains("Điện"),
        "{figures}"
    );
    assert!(
        html.contains("<span>Năm&nbsp;2024</span>"),
        "year from the date"
    );
    assert!(html.contains("<time datetime=\"2024-03-01\">"));
}

#[test]
fn breadcrumbs_are_a_labelled_nav_and_a_breadcrumb_list() {
    let site = built("reader");
    let html = read(site.path(), "case-studies/det-a/index.html");
    assert!(html.contains("<nav class=\"wrap breadcrumbs\" aria-label=\"Bạn đang ở\">"));
    assert!(html.contains("<a href=\"/case-studies/\">Điển hình</a>"));
    let doc = json_ld(&html);
    let list = graph_item(&doc, "BreadcrumbList")["itemListElement"]
        .as_array()
        .expect("items")
        .clone();
    let items: Vec<&str> = list.iter().map(|i| i["item"].as_str().unwrap()).collect();
    assert_eq!(
        items,
        [
            "https://example.org/",
            "https://example.org/case-studies/",
            "https://example.org/case-studies/det-a/"
        ]
    );
    assert_eq!(graph_item(&doc, "Article")["datePublished"], "2024-03-01");
    let home = json_ld(&read(site.path(), "index.html"));
    assert_eq!(
        graph_item(&home, "WebSite")["potentialAction"]["@type"],
        "SearchAction"
    );
    assert!(!read(site.path(), "index.html").contains("class=\"wrap breadcrumbs\""));
    let term = read(site.path(), "sectors/det-may/index.html");
    assert!(
        term.contains("<a href=\"/sectors/\">Ngành</a>"),
        "term trail"
    );
}

#[test]
fn open_data_has_one_row_per_case_study_and_metric() {
    let site = built("reader");
    let rows: Vec<Value> =
        serde_json::from_str(&read(site.path(), "case-studies/data.json")).expect("JSON");
    assert_eq!(rows.len(), 5, "2 + 1 + 2 metrics");
    let water = rows
        .iter()
        .find(|r| r["url"] == "https://example.org/case-studies/giay-b/")
        .expect("giay-b row");
    assert_eq!(water["metric"], "Nước");
    assert_eq!(water["unit"], "m3/ngày");
    assert_eq!(
        (water["before"].as_f64(), water["after"].as_f64()),
        (Some(300.0), Some(240.0))
    );
    assert_eq!(water["change"].as_f64(), Some(-60.0));
    assert_eq!(water["change_percent"].as_f64(), Some(-20.0));
    assert_eq!(water["year"], 2022);
    assert_eq!(water["sector"], "Giấy");
    assert_eq!(water["techniques"][0], "process-control");
    let csv = std::fs::read(site.path().join("public/case-studies/data.csv")).expect("csv");
    assert!(
        csv.starts_with(b"\xEF\xBB\xBFtitle,company,"),
        "UTF-8 with BOM"
    );
    let text = String::from_utf8(csv).expect("UTF-8");
    assert_eq!(text.lines().count(), 6, "header and five rows");
    assert!(text.contains("\"Công ty Dệt A, \"\"Chi nhánh 1\"\"\",Dệt may,Đồng Nai,good-housekeeping,2024,Nước,m3/ngày,120,90,-30,-25,true,https://example.org/case-studies/det-a/\r\n"), "{text}");
    let list = read(site.path(), "case-studies/index.html");
    assert!(
        list.contains("href=\"/case-studies/data.csv\"")
            && list.contains("href=\"/case-studies/data.json\"")
    );
    let dashboard = read(site.path(), "case-studies/impact/index.html");
    assert!(dashboard.contains("href=\"/case-studies/data.csv\""));
}

#[test]
fn dashboard_totals_each_unit_and_links_the_case_studies_behind_it() {
    let site = built("reader");
    let html = read(site.path(), "case-studies/impact/index.html");
    assert!(html.contains("<th scope=\"row\">Nước</th><td>−90&nbsp;m3/ngày (−21,4&nbsp;%)</td><td><a href=\"/case-studies/det-a/\">Dệt A tiết kiệm nước và điện</a>; <a href=\"/case-studies/giay-b/\">Giấy B giảm nước thải</a></td>"), "{html}");
    assert!(html.contains("−2.500&nbsp;kWh/năm (−16,7&nbsp;%)"));
    assert!(
        html.contains("100.000.000 VND") && html.contains("1.000 USD"),
        "money per currency"
    );
    assert!(
        html.contains("<strong>12&nbsp;tháng</strong>"),
        "median of 24, 12 and 6 months"
    );
}

#[test]
fn a_body_table_repeating_the_metrics_is_a_warning_at_its_line() {
    let site = fixture("reader");
    let r = command("check", site.path(), &[]);
    assert!(
        r.stderr
            .contains("content/case-studies/thuc-pham-c/index.md:15:1: warning:")
            && r.stderr.contains("[W0108]"),
        "{}",
        r.stderr
    );
    assert_eq!(
        r.stderr.matches("W0108").count(),
        2,
        "one warning and its count: {}",
        r.stderr
    );
}

#[test]
fn the_case_study_list_links_its_terms_and_carries_what_its_filters_need() {
    let site = built("reader");
    let html = read(site.path(), "case-studies/index.html");
    // Without JavaScript: links to every sector, province and technique with their counts.
    for link in [
        "<a href=\"/sectors/det-may/\">Dệt may</a> <span class=\"count\">1</span>",
        "<a href=\"/provinces/dong-nai/\">Đồng Nai</a> <span class=\"count\">2</span>",
        "<a href=\"/techniques/process-control/\">Kiểm soát quá trình tốt hơn</a>",
    ] {
        assert!(html.contains(link), "{link} missing");
    }
    assert!(html.contains("role=\"status\""), "a live count");
    assert!(
        html.contains(">3 điển hình</p>"),
        "the count without JavaScript"
    );
    assert!(html.contains("<label for=\"filter-sectors\">Ngành</label>"));
    assert!(html.contains("<option value=\"dong-nai\">Đồng Nai</option>"));
    // Each card carries its terms, year and what the list sorts by.
    assert!(html.contains(
        "data-sectors=\"thuc-pham\" data-provinces=\"dong-nai\" data-techniques=\"equipment-modification\" data-year=\"2023\" data-date=\"2023-01-01\" data-gain=\"20.0\" data-payback=\"6.0\""
    ), "card data of thuc-pham-c");
    assert!(html.contains("case-filter.js"));
    // Other lists are left as they were.
    let term = read(site.path(), "sectors/det-may/index.html");
    assert!(!term.contains("data-sectors") && !term.contains("case-filter.js"));
}

const READER_SITE: &str = "title: Kho tri thức đọc thử\nbase_url: https://example.org/\ndefault_language: vi\nlanguages:\n  en: { title: Reader test }\n";

#[test]
fn term_translations_name_terms_per_language_and_link_them_across() {
    let config = format!(
        "{READER_SITE}term_translations:\n  sectors:\n    Dệt may: {{ en: Textiles }}\n    Giấy: {{ en: Paper }}\n"
    );
    // An English page that copied the Vietnamese names.
    let copied =
        "---\ntitle: Paper B\ndate: 2022-05-01\nsector: Giấy\nprovince: Bắc Ninh\n---\nBody.\n";
    let site = fixture_with(
        "reader",
        &[
            ("site.yaml", config.as_str()),
            ("content/case-studies/giay-b/index.en.md", copied),
        ],
    );
    let r = command("check", site.path(), &[]);
    // The sector is translated; the province is not, and says so at its line, once.
    assert!(
        r.stderr.contains(
            "content/case-studies/giay-b/index.en.md:5:1: warning: provinces: \"Bắc Ninh\" has no name in en"
        ),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("[W0180]").count(), 1, "{}", r.stderr);
    build_ok(site.path(), &[]);
    let english = read(site.path(), "en/case-studies/giay-b/index.html");
    assert!(english.contains("<a href=\"/en/sectors/paper/\">Paper</a>"));
    let meta = &english[english.find("class=\"case-meta\"").expect("case meta")..];
    let meta = &meta[..meta.find("</p>").expect("end")];
    assert!(!meta.contains("Giấy"), "no Vietnamese term name: {meta}");
    assert!(!exists(site.path(), "en/sectors/giay/index.html"));
    // Written in English on its own page, the same term.
    assert!(read(site.path(), "en/sectors/textiles/index.html").contains("Textile A"));
    // The language switch of a term page leads to the same term in the other language.
    let vi_term = read(site.path(), "sectors/det-may/index.html");
    assert!(
        vi_term.contains("<a href=\"/en/sectors/textiles/\" hreflang=\"en\""),
        "switch of sectors/det-may/"
    );
    assert!(
        vi_term.contains(
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/sectors/textiles/\">"
        ),
        "hreflang of a translated term"
    );
    let en_term = read(site.path(), "en/sectors/paper/index.html");
    assert!(en_term.contains("<a href=\"/sectors/giay/\" hreflang=\"vi\""));
    // The list of the English section offers the English names as filters.
    let list = read(site.path(), "en/case-studies/index.html");
    assert!(
        list.contains("<option value=\"paper\">Paper</option>"),
        "{list}"
    );
    assert!(list.contains("data-sectors=\"paper\""));
}

#[test]
fn term_translations_of_an_undeclared_taxonomy_or_language_are_errors() {
    let config = format!(
        "{READER_SITE}term_translations:\n  sector:\n    Giấy: {{ en: Paper }}\n  sectors:\n    Giấy: {{ fr: Papier }}\n"
    );
    let site = fixture_with("reader", &[("site.yaml", config.as_str())]);
    let r = build(site.path(), &[]);
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("site.yaml:7:3: error:") && r.stderr.contains("\"sector\""),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("\"fr\"") && r.stderr.contains("vi, en"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("use one of: tags, sectors, provinces [E0180]"),
        "techniques have their labels already: {}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("[E0180]").count(), 2, "{}", r.stderr);
}

#[test]
fn a_case_study_with_a_lead_image_shows_it_on_its_page_and_card() {
    let site = fixture("reader");
    let page = site.path().join("content/case-studies/det-a/index.md");
    let text = std::fs::read_to_string(&page).expect("page");
    let text = text.replacen(
        "---\n",
        "---\nimage: so-do.svg\nimage_alt: Sơ đồ minh họa\n",
        1,
    );
    write(
        site.path(),
        "content/case-studies/det-a/index.md",
        text.as_bytes(),
    );
    write(
        site.path(),
        "content/case-studies/det-a/so-do.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>",
    );
    build_ok(site.path(), &[]);
    let html = read(site.path(), "case-studies/det-a/index.html");
    assert!(html.contains(
        "<img class=\"lead-image\" src=\"/case-studies/det-a/so-do.svg\" alt=\"Sơ đồ minh họa\""
    ));
    // Below the headline figures, which stay in the first phone screen.
    assert!(html.find("lead-image") > html.find("headline-figures"));
    let list = read(site.path(), "case-studies/index.html");
    assert!(list.contains(
        "<img class=\"card-image\" src=\"/case-studies/det-a/so-do.svg\" alt=\"\" loading=\"lazy\">"
    ));
    // Sharing through the device's apps (Zalo on most Vietnamese phones), shown by reader.js.
    assert!(html.contains("data-share=\"https://example.org/case-studies/det-a/\""));
}
