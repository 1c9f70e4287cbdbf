//! The eight cleaner-production techniques (UNEP/UNIDO), with their labels.

/// One technique: its front-matter key and its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Technique {
    /// The key editors write in `techniques:`.
    pub key: &'static str,
    /// Vietnamese label.
    pub vi: &'static str,
    /// English label.
    pub en: &'static str,
}

/// All techniques, in the order they are usually taught.
pub const TECHNIQUES: [Technique; 8] = [
    Technique {
        key: "good-housekeeping",
        vi: "Quản lý nội vi tốt",
        en: "Good housekeeping",
    },
    Technique {
        key: "input-substitution",
        vi: "Thay thế nguyên liệu đầu vào",
        en: "Input substitution",
    },
    Technique {
        key: "process-control",
        vi: "Kiểm soát quá trình tốt hơn",
        en: "Better process control",
    },
    Technique {
        key: "equipment-modification",
        vi: "Cải tiến thiết bị",
        en: "Equipment modification",
    },
    Technique {
        key: "technology-change",
        vi: "Thay đổi công nghệ",
        en: "Technology change",
    },
    Technique {
        key: "on-site-recycling",
        vi: "Tuần hoàn, tái sử dụng tại chỗ",
        en: "On-site recovery and recycling",
    },
    Technique {
        key: "by-product",
        vi: "Tạo sản phẩm phụ hữu ích",
        en: "Production of useful by-products",
    },
    Technique {
        key: "product-modification",
        vi: "Cải tiến sản phẩm",
        en: "Product modification",
    },
];

/// The label of technique `key` in `lang` (English for any language but Vietnamese).
pub fn label(key: &str, lang: &str) -> Option<&'static str> {
    TECHNIQUES
        .iter()
        .find(|t| t.key == key)
        .map(|t| if lang == "vi" { t.vi } else { t.en })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(label("technology-change", "vi"), Some("Thay đổi công nghệ"));
        assert_eq!(label("technology-change", "en"), Some("Technology change"));
        assert_eq!(label("nope", "en"), None);
    }
}
