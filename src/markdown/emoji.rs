//! `:emoji:` codes (GitHub's names, as in `:white_check_mark:`) -> the emoji, when the site
//! turns them on with `markdown.emoji: true`.

/// `text` with each known `:code:` replaced, or `None` when it has none.
pub fn replace(text: &str) -> Option<String> {
    if !text.contains(':') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(open) = rest.find(':') {
        let after = &rest[open + 1..];
        let code_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '+' || c == '-'))
            .unwrap_or(after.len());
        let emoji = after[code_len..]
            .starts_with(':')
            .then(|| emojis::get_by_shortcode(&after[..code_len]))
            .flatten();
        match emoji {
            Some(e) if code_len > 0 => {
                out.push_str(&rest[..open]);
                out.push_str(e.as_str());
                rest = &after[code_len + 1..];
                changed = true;
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes_become_emoji_and_the_rest_stays() {
        assert_eq!(
            replace("Xong :white_check_mark:!").as_deref(),
            Some("Xong ✅!")
        );
        assert_eq!(replace("08:30 và :khong_co:"), None);
        assert_eq!(replace("no colon"), None);
    }
}
