//! Embeds the default theme (`themes/default/`) into the binary, so `sachhon init` and sites
//! without a `themes/` folder work anywhere.

use std::fmt::Write;
use std::path::Path;

/// The package folder as cargo gives it when the script runs: `env!` would freeze the folder
/// the script was compiled in, and a moved or copied `target/` would then embed no theme.
fn manifest_dir() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_default()
}

fn main() {
    syntect_version();
    guide_base();
    diagnostic_codes();
    let root = manifest_dir().join("themes/default");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code =
        String::from("/// The embedded default theme.\nstatic EMBEDDED: &[(&str, &[u8])] = &[\n");
    for rel in &files {
        let abs = root.join(rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        );
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_theme.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            files.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The locked version of syntect, which saved highlighted code depends on.
fn syntect_version() {
    let lock = manifest_dir().join("Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    let text = std::fs::read_to_string(&lock).unwrap_or_default();
    let version = text
        .split("[[package]]")
        .find(|p| p.contains("name = \"syntect\""))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = ")))
        .map(|v| v.trim_matches('"').to_string())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=SACHHON_SYNTECT_VERSION={version}");
}

/// The published guide's address, `base_url` of docs/site.yaml, so that messages link each code
/// to its page there (`SACHHON_GUIDE_URL` overrides it when sachhon runs).
fn guide_base() {
    let file = manifest_dir().join("docs/site.yaml");
    println!("cargo:rerun-if-changed={}", file.display());
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let base = text
        .lines()
        .find_map(|l| l.strip_prefix("base_url:"))
        .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
        .unwrap_or_default();
    println!("cargo:rustc-env=SACHHON_GUIDE_BASE={base}");
}

/// The diagnostic codes, as constants of `diagnostics::Code` generated from the English message
/// catalogue, where each code is defined with its message: a code used in the source but
/// missing from the catalogue does not compile.
fn diagnostic_codes() {
    let ftl = manifest_dir().join("src/messages/en.ftl");
    println!("cargo:rerun-if-changed={}", ftl.display());
    let text = std::fs::read_to_string(&ftl).unwrap_or_default();
    let mut code = String::from("impl Code {\n");
    for line in text.lines() {
        let Some((id, message)) = line.split_once(" = ") else {
            continue;
        };
        let is_code = id.len() == 5
            && (id.starts_with('E') || id.starts_with('W'))
            && id[1..].bytes().all(|b| b.is_ascii_digit());
        if is_code {
            let _ = writeln!(
                code,
                "    #[doc = {:?}]\n    pub const {id}: Code = Code({id:?});",
                message.trim()
            );
        }
    }
    code.push_str("}\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("codes.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
