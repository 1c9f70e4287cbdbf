//! The `sachhon` command: parses arguments, runs a command, maps the outcome to an exit status
//! (0 success, 1 content/config/link errors, 2 wrong usage).

mod allocator;
mod cmd;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// sachhon ("sạch hơn", cleaner): a static knowledge-base site generator.
#[derive(Parser, Debug)]
#[command(name = "sachhon", version, about)]
struct Cli {
    /// Language of messages: vi or en (default: SACHHON_LANG, then the locale).
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    lang: Option<String>,
    /// Also show the technical details of a message (the YAML parser's and the system's own
    /// words, in English).
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the site into the output folder.
    Build {
        #[command(flatten)]
        site: cmd::SiteArgs,
        /// Output folder (default: public/ under the site root).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Fail at once (exit 1) when another build is writing the same output, instead of
        /// waiting for it.
        #[arg(long)]
        no_wait: bool,
    },
    /// Preview the site with live reload.
    Serve {
        #[command(flatten)]
        site: cmd::SiteArgs,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Port to listen on.
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Let other computers of the network save through the web editor (with a bind other
        /// than loopback).
        #[arg(long)]
        allow_remote_edit: bool,
    },
    /// Check content and every link without writing.
    Check {
        #[command(flatten)]
        site: cmd::SiteArgs,
        /// Also fetch every link to another site (needs the network).
        #[arg(long)]
        external: bool,
        /// Count warnings as errors: exit status 1 when there is any.
        #[arg(long)]
        strict: bool,
    },
    /// Write the web editor's (Decap CMS) config.yml, generated from the site's schema.
    CmsConfig {
        /// Site root (default: this folder or the nearest parent holding site.yaml).
        #[arg(long)]
        root: Option<PathBuf>,
        /// File to write (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Create a new site with the default theme.
    Init {
        /// Folder of the new site.
        dir: PathBuf,
    },
    /// Create a new page from a scaffold.
    New {
        /// case-study, news, module, lesson or page.
        #[arg(value_parser = sachhon::content::Kind::KEYS)]
        kind: String,
        /// Name, e.g. binh-dien or cp-basics/intro for a lesson.
        name: String,
        /// Site root (default: this folder or the nearest parent holding site.yaml).
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    // The language is needed before parsing, to write the help and the argument errors in it;
    // a `--lang` value other than vi or en is left to clap, which refuses it in that language.
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let flag = args
        .windows(2)
        .find(|w| w[0] == "--lang")
        .map(|w| w[1].clone())
        .or_else(|| {
            args.iter()
                .find_map(|a| a.strip_prefix("--lang=").map(str::to_string))
        })
        .filter(|l| sachhon::messages::LANGUAGES.contains(&l.as_str()));
    let lang = sachhon::messages::detect_language(flag.as_deref());
    let out = cmd::Out::new(lang, false);
    let mut command = cmd::usage::localize(Cli::command(), &out);
    let matches = match command.try_get_matches_from_mut(std::env::args_os()) {
        Ok(matches) => matches,
        Err(e) => return ExitCode::from(cmd::usage::report(&e, &command, &args, &out)),
    };
    if let Some(("help", sub)) = matches.subcommand() {
        return ExitCode::from(cmd::usage::help(&mut command, sub, &out));
    }
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return ExitCode::from(cmd::usage::report(&e, &command, &args, &out)),
    };
    let lang = sachhon::messages::detect_language(cli.lang.as_deref());
    let out = cmd::Out::new(lang, cli.verbose);
    if !matches!(cli.command, Command::Serve { .. }) {
        allocator::ends_soon();
    }
    let result = match cli.command {
        Command::Build {
            site,
            output,
            no_wait,
        } => cmd::build::run(&out, &site, output, no_wait),
        Command::Serve {
            site,
            bind,
            port,
            allow_remote_edit,
        } => cmd::serve::run(&out, &site, &bind, port, allow_remote_edit),
        Command::CmsConfig { root, output } => match cmd::site_root(&out, root.as_deref()) {
            Some(root) => cmd::cms_config::run(&out, &root, output),
            None => Ok(1),
        },
        Command::Check {
            site,
            external,
            strict,
        } => cmd::check::run(&out, &site, external, strict),
        Command::Init { dir } => cmd::init::run(&out, &dir),
        Command::New { kind, name, root } => cmd::new::run(&out, &kind, &name, root.as_deref()),
    };
    match result {
        Ok(status) => ExitCode::from(status),
        Err(e) => {
            cmd::say(&format!("error: {e:#}"));
            ExitCode::from(1)
        }
    }
}
