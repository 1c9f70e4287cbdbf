//! The command line in Vietnamese: every command's help and every kind of argument error say
//! no English word outside code, paths and option names.

use crate::support::*;

/// Words that are code, not English: command names, kind keys, option values, file and
/// format names; and the loanwords Vietnamese writes as they are (web, Internet). Option names (`--root`, `-h`), paths and file names (anything with `/`, `.`
/// or `_`) and numbers are left out of the check by their shape.
const CODE: &[&str] = &[
    "web",
    "sachhon",
    "build",
    "serve",
    "check",
    "init",
    "new",
    "help",
    "cms-config",
    "case-study",
    "news",
    "module",
    "lesson",
    "page",
    "vi",
    "en",
    "yaml",
    "utf-8",
    "ip",
    "usb",
    "decap",
    "cms",
    "internet",
    "binh-dien",
    "cp-basics",
    "gioi-thieu",
    "tin-tuc",
    "biuld",
    "extra",
    "abc",
    "nope",
    "yes",
    "fr",
];

/// English words that are also well-formed Vietnamese syllables, so that the syllable test
/// alone would let them through.
const ENGLISH_SYLLABLES: &[&str] = &[
    "a", "an", "the", "to", "on", "no", "not", "can", "but", "do", "so", "go", "be", "he", "we",
    "me", "it", "tip", "try", "than", "then", "them", "thin", "sub",
];

const INITIALS: &[&str] = &[
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];
const FINALS: &[&str] = &[
    "ng", "nh", "ch", "c", "m", "n", "p", "t", "i", "y", "o", "u", "",
];

/// Whether an ASCII word has the shape of a Vietnamese syllable written without its marks:
/// an initial consonant, one to three vowels, a final consonant or glide.
fn is_vietnamese_shape(word: &str) -> bool {
    INITIALS.iter().any(|initial| {
        let Some(rest) = word.strip_prefix(initial) else {
            return false;
        };
        let vowels = rest.chars().take_while(|c| "aeiouy".contains(*c)).count();
        (1..=3).contains(&vowels) && FINALS.contains(&&rest[vowels..])
    })
}

/// The English words of a text: every word that is not code, an option, a path, a number, or
/// Vietnamese (a word with a Vietnamese letter or the shape of a Vietnamese syllable).
fn english_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in text.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let word = word.trim_start_matches('<').trim_end_matches('>');
        if word.is_empty()
            || word.starts_with('-')
            || token.contains(['/', '.', '_', '='])
            || word.chars().any(|c| c.is_ascii_digit())
            || !word.is_ascii()
        {
            continue;
        }
        let lower = word.to_lowercase();
        if CODE.contains(&lower.as_str()) {
            continue;
        }
        let english = lower
            .split('-')
            .any(|part| !is_vietnamese_shape(part) || ENGLISH_SYLLABLES.contains(&part));
        if english {
            found.push(word.to_string());
        }
    }
    found
}

fn run_vi(args: &[&str]) -> (Option<i32>, String, String) {
    let r = sachhon()
        .env("SACHHON_LANG", "vi")
        .current_dir(std::env::temp_dir())
        .args(args)
        .output()
        .unwrap();
    (
        r.status.code(),
        String::from_utf8_lossy(&r.stdout).to_string(),
        String::from_utf8_lossy(&r.stderr).to_string(),
    )
}

#[test]
fn the_word_check_finds_english_and_lets_vietnamese_through() {
    assert_eq!(
        english_words("Usage: sachhon build [OPTIONS] Print help"),
        ["Usage", "OPTIONS", "Print"]
    );
    assert_eq!(english_words("error: the value"), ["error", "the", "value"]);
    assert!(english_words(
        "Cách dùng: sachhon new [TÙY_CHỌN] <LOẠI> --root <THƯ_MỤC> site.yaml trang cho tin theo"
    )
    .is_empty());
}

#[test]
fn every_help_is_in_vietnamese() {
    let mut helps = vec![vec!["--help"], vec!["help"], vec![]];
    for command in ["build", "serve", "check", "cms-config", "init", "new"] {
        helps.push(vec![command, "--help"]);
        helps.push(vec!["help", command]);
    }
    for args in helps {
        let (status, stdout, stderr) = run_vi(&args);
        let text = format!("{stdout}{stderr}");
        assert!(text.contains("Cách dùng: sachhon"), "{args:?}: {text}");
        assert!(text.contains("Tùy chọn:"), "{args:?}: {text}");
        let english = english_words(&text);
        assert!(english.is_empty(), "{args:?}: {english:?} in\n{text}");
        // Without a command, the help is the answer to a mistake: status 2.
        let expected = if args.is_empty() { 2 } else { 0 };
        assert_eq!(status, Some(expected), "{args:?}");
    }
}

#[test]
fn every_argument_error_is_in_vietnamese_with_its_fix() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["new", "tin-tuc", "x"],
            "\"tin-tuc\" không dùng được cho <LOẠI>; hãy ghi một trong: case-study, news",
        ),
        (
            &["build", "--draft"],
            "không hiểu \"--draft\" ở đây; có phải ý bạn là --drafts?",
        ),
        (
            &["biuld"],
            "không có lệnh \"biuld\"; có phải ý bạn là build?",
        ),
        (&["new", "case-study"], "còn thiếu <TÊN>"),
        (
            &["build", "--root"],
            "--root <THƯ_MỤC> cần một giá trị ghi ngay sau nó",
        ),
        (
            &["serve", "--port", "abc"],
            "\"abc\" không dùng được cho --port <CỔNG>; hãy ghi một số từ 1 đến 65535",
        ),
        (
            &["build", "--drafts", "--drafts"],
            "--drafts được ghi nhiều lần",
        ),
        (
            &["build", "--drafts=yes"],
            "--drafts không nhận giá trị; hãy bỏ \"yes\"",
        ),
        (&["build", "extra"], "không hiểu \"extra\" ở đây"),
        (
            &["--lang", "fr", "build"],
            "\"fr\" không dùng được cho --lang <NGÔN_NGỮ>; hãy ghi một trong: vi, en",
        ),
        (&["help", "nope"], "không có lệnh \"nope\""),
    ];
    for (args, expected) in cases {
        let (status, stdout, stderr) = run_vi(args);
        assert_eq!(status, Some(2), "{args:?}: {stderr}");
        assert!(stdout.is_empty(), "{args:?}: {stdout}");
        assert!(stderr.starts_with("lỗi: "), "{args:?}: {stderr}");
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
        assert!(
            stderr.contains("--help"),
            "{args:?} points to the help: {stderr}"
        );
        let english = english_words(&stderr);
        assert!(english.is_empty(), "{args:?}: {english:?} in\n{stderr}");
    }
}

#[test]
fn argument_errors_speak_english_when_asked() {
    let r = sachhon().args(["new", "tin-tuc", "x"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2));
    assert!(
        stderr.contains("error: \"tin-tuc\" is not a valid value for <KIND>; write one of: case-study, news, module, lesson, page"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Usage: sachhon new [OPTIONS] <KIND> <NAME>"),
        "{stderr}"
    );
    assert!(stderr.contains("Full help: sachhon new --help"), "{stderr}");
}

#[test]
fn piped_messages_never_carry_terminal_links() {
    let site = fixture_with(
        "minimal",
        &[("content/a.md", "---\ntitle: A\nsumary: x\n---\n")],
    );
    let stderr = command_with_env("check", site.path(), &[], &[("TERM", "xterm-256color")]).stderr;
    assert!(stderr.contains("[W0170]"), "{stderr}");
    assert!(!stderr.contains('\x1b'), "{stderr:?}");
}
