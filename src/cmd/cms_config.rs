//! `sachhon cms-config`: the web editor's Decap `config.yml`, generated from the site's schema.

use super::Out;
use sachhon::cms::{self, Backend};
use std::path::{Path, PathBuf};

/// Where the local backend of `sachhon serve` listens by default.
const DEFAULT_LOCAL_API: &str = "http://localhost:1111/api/v1";

/// Writes the configuration to `output`, or to stdout; returns the exit status.
pub fn run(out: &Out, root: &Path, output: Option<PathBuf>) -> anyhow::Result<u8> {
    let root = std::path::absolute(root)?;
    let (config, pages, diags) = match cms::load_schema(&root) {
        Ok(loaded) => loaded,
        Err(diags) => {
            out.diagnostics(&diags);
            return Ok(1);
        }
    };
    out.diagnostics(&diags);
    if diags.iter().any(|d| d.is_error()) {
        return Ok(1);
    }
    let backend = match &config.cms {
        Some(settings) => Backend::Production(settings),
        None => Backend::Local {
            api_url: DEFAULT_LOCAL_API,
            host: "localhost",
            production: None,
        },
    };
    let text = cms::config_yml(&config, &pages, backend);
    match output {
        Some(path) => {
            std::fs::write(&path, text)?;
            let shown = path.to_string_lossy().to_string();
            out.say("cms-config-written", &[("path", shown)]);
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes());
        }
    }
    Ok(0)
}
