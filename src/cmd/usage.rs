//! The command line in the user's language: clap's help (headings, usage, option texts,
//! placeholders) and its argument errors said with the catalogue's words, so that a person who
//! reads no English can still learn the commands and fix a mistyped one.

use super::Out;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

/// The command with every text clap would print taken from the catalogue.
pub fn localize(command: Command, out: &Out) -> Command {
    let mut command = localize_command(command, None, out)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(out.text("help-arg-version", &[]))
                .help_heading(out.text("help-heading-options", &[])),
        )
        .subcommand_help_heading(out.text("help-heading-commands", &[]))
        .subcommand_value_name(out.text("help-usage-command", &[]));
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |c| localize_command(c, Some(&name), out));
    }
    // clap's own help subcommand speaks English and cannot be reworded; this one says the same.
    let value = out.text("help-value-subcommand", &[]);
    command.disable_help_subcommand(true).subcommand(
        Command::new("help")
            .about(out.text("help-help", &[]))
            .disable_help_flag(true)
            .help_template(template(out))
            .override_usage(format!("sachhon help [{value}]"))
            .arg(help_flag(out))
            .arg(
                Arg::new("command")
                    .value_name(value)
                    .help(out.text("help-arg-subcommand", &[]))
                    .help_heading(out.text("help-heading-arguments", &[])),
            ),
    )
}

/// `sachhon help [COMMAND]`: prints the help of the command named (or of sachhon) on stdout.
pub fn help(command: &mut Command, matches: &clap::ArgMatches, out: &Out) -> u8 {
    let name = matches.get_one::<String>("command");
    let target = match name {
        None => command,
        Some(name) => match command.find_subcommand_mut(name) {
            Some(sub) => sub,
            None => {
                let text = out.text("usage-unknown-command", &[("command", name.clone())]);
                super::say(&format!("{}: {text}", out.text("usage-error-word", &[])));
                super::say(&out.text("usage-more", &[("command", "sachhon".to_string())]));
                return 2;
            }
        },
    };
    match target.print_help() {
        Ok(()) => 0,
        Err(_) => 1,
    }
}

/// One command: its about line, usage, headings, and each of its own arguments.
fn localize_command(command: Command, name: Option<&str>, out: &Out) -> Command {
    let about = match name {
        Some(name) => out.text(&format!("help-{name}"), &[]),
        None => out.text("help-about", &[]),
    };
    let mut command = command
        .about(about)
        .disable_help_flag(true)
        .arg(help_flag(out))
        .help_template(template(out));
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, |a| localize_arg(a, name, out));
    }
    let usage = usage(&command, name, out);
    command.override_usage(usage)
}

/// `-h, --help`, worded like every other option.
fn help_flag(out: &Out) -> Arg {
    Arg::new("help")
        .short('h')
        .long("help")
        .action(ArgAction::Help)
        .help(out.text("help-arg-help", &[]))
        .help_heading(out.text("help-heading-options", &[]))
}

/// An argument's help text, placeholder and heading from the catalogue
/// (`help-arg-<command>-<id>`, else `help-arg-<id>`; `help-value-...` likewise). Defaults and
/// possible values are said in the help text itself, in words, rather than in clap's English.
fn localize_arg(arg: Arg, command: Option<&str>, out: &Out) -> Arg {
    let id = arg.get_id().to_string();
    let text = |kind: &str| {
        let own = command.map(|c| format!("help-{kind}-{c}-{id}"));
        match own.filter(|own| out.catalogue.has(own)) {
            Some(own) => out.text(&own, &[]),
            None => out.text(&format!("help-{kind}-{id}"), &[]),
        }
    };
    let heading = if arg.is_positional() {
        "help-heading-arguments"
    } else {
        "help-heading-options"
    };
    let mut arg = arg.help(text("arg")).help_heading(out.text(heading, &[]));
    if arg.get_action().takes_values() {
        arg = arg
            .value_name(text("value"))
            .hide_default_value(true)
            .hide_possible_values(true);
    }
    arg
}

/// clap's default help layout with the usage heading in the user's language.
fn template(out: &Out) -> String {
    format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        out.text("help-heading-usage", &[])
    )
}

/// `sachhon new [OPTIONS] <KIND> <NAME>` with the placeholders in the user's language.
fn usage(command: &Command, name: Option<&str>, out: &Out) -> String {
    let mut words = vec!["sachhon".to_string()];
    words.extend(name.map(str::to_string));
    words.push(format!("[{}]", out.text("help-usage-options", &[])));
    for arg in command.get_positionals() {
        let names = arg.get_value_names().unwrap_or_default();
        let value = names
            .first()
            .map_or_else(|| arg.get_id().to_string(), |n| n.to_string());
        words.push(format!("<{value}>"));
    }
    if command.has_subcommands() {
        words.push(format!("<{}>", out.text("help-usage-command", &[])));
    }
    words.join(" ")
}

/// Prints a parse error in the user's language (or the help or version it carries) and
/// returns the exit status: 0 for help and version, 2 for wrong usage. `command` is the
/// localized command, whose usage line (of the subcommand named in `args`) follows the error.
pub fn report(error: &clap::Error, command: &Command, args: &[String], out: &Out) -> u8 {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            if error.use_stderr() {
                2
            } else {
                0
            }
        }
        _ => {
            super::say(&format!(
                "{}: {}",
                out.text("usage-error-word", &[]),
                sentence(error, out)
            ));
            let sub = args.iter().skip(1).find_map(|a| {
                command
                    .find_subcommand(a)
                    .filter(|c| c.get_name() != "help")
            });
            let (name, usage) = match sub {
                Some(sub) => (
                    format!("sachhon {}", sub.get_name()),
                    sub.get_overridden_usage(),
                ),
                None => ("sachhon".to_string(), command.get_overridden_usage()),
            };
            if let Some(usage) = usage {
                let heading = out.text("help-heading-usage", &[]);
                super::say(&format!("\n{heading}: {usage}"));
            }
            super::say(&out.text("usage-more", &[("command", name)]));
            2
        }
    }
}

/// What is wrong, with clap's suggestion, in the catalogue's words.
fn sentence(error: &clap::Error, out: &Out) -> String {
    let arg = string(error, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(error, ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            out.text("usage-missing-value", &[("arg", arg)])
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let mut text = out.text(
                "usage-invalid-value",
                &[("arg", arg.clone()), ("value", value)],
            );
            if let Some(values) = string(error, ContextKind::ValidValue) {
                text.push_str(&out.text("usage-possible", &[("values", values)]));
            } else if arg.starts_with("--port") {
                text.push_str(&out.text("usage-port", &[]));
            }
            text
        }
        ErrorKind::UnknownArgument => out.text("usage-unknown-argument", &[("arg", arg)]),
        ErrorKind::InvalidSubcommand => {
            let command = string(error, ContextKind::InvalidSubcommand).unwrap_or_default();
            out.text("usage-unknown-command", &[("command", command)])
        }
        ErrorKind::MissingRequiredArgument => out.text("usage-missing-argument", &[("arg", arg)]),
        ErrorKind::ArgumentConflict => match string(error, ContextKind::PriorArg) {
            Some(prior) if prior != arg => {
                out.text("usage-conflict", &[("arg", arg), ("other", prior)])
            }
            _ => out.text("usage-repeated", &[("arg", arg)]),
        },
        ErrorKind::TooManyValues => {
            out.text("usage-no-value-expected", &[("arg", arg), ("value", value)])
        }
        ErrorKind::InvalidUtf8 => out.text("usage-not-utf8", &[]),
        _ => out.text("usage-other", &[]),
    };
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| string(error, kind));
    if let Some(suggestion) = suggestion {
        text.push_str(&out.text("usage-did-you-mean", &[("suggestion", suggestion)]));
    }
    text
}

/// A context value of the error as plain text (lists joined with commas).
fn string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(list) if !list.is_empty() => Some(list.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(list) if !list.is_empty() => Some(
            list.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        _ => None,
    }
}
