//! `--help` in the person's language: every command's summary and every option's help from the
//! help catalogue (`i18n/<language>/tokenward-help.ftl`), keyed by where it is:
//! `help-pin-change` for the command `pin change`, `help-option--new-pin-file` for an option
//! wherever it appears, `help-pin-change--new-pin-file` where one command's option says
//! something else, `help-tokenward` for the program.
//! English is the doc comments themselves; a key the catalogue lacks keeps them.

use clap::Command;
use tokenward::i18n::help_text;

/// The headings and clap's own lines, in the catalogue too.
#[cfg(test)]
const HEADINGS: &[&str] = &[
    "help-heading-usage",
    "help-heading-commands",
    "help-heading-options",
    "help-heading-global",
    "help-heading-pin",
    "help-possible-values",
    "help-default",
    "help-heading-examples",
    "help-flag-help",
    "help-flag-version",
    "help-command-help",
];

/// `cmd` with the help of the chosen language. Unchanged in English.
pub fn localized(mut cmd: Command) -> Command {
    if help_text("help-heading-options").is_none() {
        return cmd;
    }
    // Built first: clap's own --help, --version and `help` exist then, and the global options
    // have been copied to every command.
    cmd.build();
    walk(cmd, "tokenward", true)
}

/// The catalogue key of the command at `path` ("tokenward" or "pin-change").
fn command_key(path: &str) -> String {
    format!("help-{path}")
}

/// The catalogue key of the argument `id` of the command at `path`.
fn arg_key(path: &str, id: &str) -> String {
    format!("help-{path}--{}", id.replace('_', "-"))
}

fn text(id: &str) -> String {
    help_text(id).unwrap_or_default()
}

fn walk(mut cmd: Command, path: &str, top: bool) -> Command {
    if let Some(about) = help_text(&command_key(path)) {
        cmd = cmd.about(about.clone()).long_about(about);
    }
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        text("help-heading-usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(text("help-heading-commands"));
    let ids: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_global_set()))
        .collect();
    for (id, global) in ids {
        let help = match id.as_str() {
            "help" => help_text("help-flag-help"),
            "version" => help_text("help-flag-version"),
            _ if global => help_text(&arg_key("option", &id)),
            _ => help_text(&arg_key(path, &id)).or_else(|| help_text(&arg_key("option", &id))),
        };
        cmd = cmd.mut_arg(&id, |mut a| {
            if let Some(mut h) = help {
                // clap's own "[possible values: …]" and "[default: …]", in the language too.
                let values: Vec<String> = a
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if !values.is_empty() && !a.is_hide_possible_values_set() {
                    h = format!(
                        "{h} [{}: {}]",
                        text("help-possible-values"),
                        values.join(", ")
                    );
                    a = a.hide_possible_values(true);
                }
                let defaults: Vec<String> = a
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() && !a.is_hide_default_value_set() {
                    h = format!("{h} [{}: {}]", text("help-default"), defaults.join(", "));
                    a = a.hide_default_value(true);
                }
                a = a.help(h.clone()).long_help(h);
            }
            let heading = match a.get_help_heading() {
                Some("Global options") => text("help-heading-global"),
                Some("PIN") => text("help-heading-pin"),
                Some(other) => other.to_string(),
                None => text("help-heading-options"),
            };
            a.help_heading(heading)
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        if name == "help" {
            cmd = cmd.mut_subcommand("help", |c| c.about(text("help-command-help")));
            continue;
        }
        let sub_path = if top {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |c| walk(c, &sub_path, false));
    }
    cmd
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;

    use super::*;

    /// Every command's key, and each command's own options as (command key, option id).
    fn keys(cmd: &Command, path: &str, top: bool, out: &mut (Vec<String>, Vec<(String, String)>)) {
        out.0.push(command_key(path));
        for a in cmd.get_arguments() {
            let own = !matches!(a.get_id().as_str(), "help" | "version");
            if a.is_hide_set() || !own || (!top && a.is_global_set()) {
                continue;
            }
            out.1.push((path.to_string(), a.get_id().to_string()));
        }
        for sub in cmd.get_subcommands() {
            if sub.is_hide_set() || sub.get_name() == "help" {
                continue;
            }
            let p = if top {
                sub.get_name().to_string()
            } else {
                format!("{path}-{}", sub.get_name())
            };
            keys(sub, &p, false, out);
        }
    }

    fn catalogue(lang: &str) -> BTreeSet<String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("i18n")
            .join(lang)
            .join("tokenward-help.ftl");
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("help-"))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_string()))
            .collect()
    }

    #[test]
    fn russian_and_spanish_help_cover_every_command_and_option() {
        let mut found = (Vec::new(), Vec::new());
        keys(&crate::cli::Cli::command(), "tokenward", true, &mut found);
        let (commands, options) = found;
        for lang in ["ru", "es-MX"] {
            let have = catalogue(lang);
            let mut used: BTreeSet<String> = HEADINGS.iter().map(|h| h.to_string()).collect();
            used.extend(crate::cli::examples::word_keys());
            used.extend(commands.iter().cloned());
            let mut missing: Vec<String> = used.difference(&have).cloned().collect();
            for (path, id) in &options {
                let own = arg_key(path, id);
                let shared = arg_key("option", id);
                if have.contains(&own) {
                    used.insert(own);
                } else if have.contains(&shared) {
                    used.insert(shared);
                } else {
                    missing.push(shared);
                }
            }
            let unknown: Vec<_> = have.difference(&used).collect();
            assert!(
                missing.is_empty() && unknown.is_empty(),
                "{lang}: missing {missing:#?}\nnot a command or option: {unknown:#?}"
            );
        }
    }
}
