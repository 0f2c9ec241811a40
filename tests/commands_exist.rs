//! Every `tokenward …` command that a message, a help screen or a document tells a person to
//! run exists: a message that sends users to a command tokenward does not have is a defect.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::Hsm;

/// Where people read commands: the sources (messages, help, examples), the docs, the README.
fn sources() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![root.join("README.md")];
    for dir in ["src", "docs"] {
        walk(&root.join(dir), &mut out);
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            walk(&p, out);
        } else if matches!(p.extension().and_then(|e| e.to_str()), Some("rs" | "md")) {
            out.push(p);
        }
    }
}

/// The words after `tokenward` in each quoted command: backtick spans in any file, and lines
/// of fenced code blocks in Markdown.
fn quoted_commands(text: &str, markdown: bool) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    // `tokenward pin status|change` stands for both commands.
    let mut push = |cmd: &str| {
        let mut variants: Vec<Vec<String>> = vec![Vec::new()];
        for w in cmd.split_whitespace().skip(1) {
            let word_like = w
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '|');
            if !word_like || w.starts_with('-') {
                break;
            }
            variants = variants
                .into_iter()
                .flat_map(|v| {
                    w.split('|').map(move |alt| {
                        let mut v = v.clone();
                        v.push(alt.to_string());
                        v
                    })
                })
                .collect();
            if w.contains('|') {
                break;
            }
        }
        found.extend(variants.into_iter().filter(|v| !v.is_empty()));
    };
    for span in text.split('`').skip(1).step_by(2) {
        if span.starts_with("tokenward ") {
            push(span);
        }
    }
    if markdown {
        let mut in_code = false;
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            let l = line.trim_start().trim_start_matches("$ ");
            if in_code && l.starts_with("tokenward ") {
                push(l);
            }
        }
    }
    found
}

#[test]
fn every_command_quoted_anywhere_exists() {
    let hsm = Hsm::new();
    // The help of each command path, run once.
    let mut help: BTreeMap<Vec<String>, Option<String>> = BTreeMap::new();
    let mut help_of = |path: &[String]| -> Option<String> {
        help.entry(path.to_vec())
            .or_insert_with(|| {
                let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
                args.push("--help");
                let run = hsm.run(&args);
                (run.code == 0).then_some(run.stdout)
            })
            .clone()
    };
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in sources() {
        let text = std::fs::read_to_string(&file).unwrap();
        let markdown = file.extension().is_some_and(|e| e == "md");
        for words in quoted_commands(&text, markdown) {
            checked += 1;
            // The longest prefix that is a command…
            let mut len = 0;
            while len < words.len() && help_of(&words[..=len]).is_some() {
                len += 1;
            }
            if len == 0 {
                problems.push(format!(
                    "{}: `tokenward {}`",
                    file.display(),
                    words.join(" ")
                ));
                continue;
            }
            // …and a command group needs one of its commands next (unless it also runs on
            // its own, as `tokens` does: a usage line without <COMMAND>).
            let shown = help_of(&words[..len]).unwrap_or_default();
            let command = format!("tokenward {}", words[..len].join(" "));
            let runs_alone = shown.lines().take_while(|l| *l != "Commands:").any(|l| {
                l.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .contains(&command)
                    && !l.contains("<COMMAND>")
            });
            if shown.contains("\nCommands:\n") && !runs_alone {
                problems.push(format!(
                    "{}: `tokenward {}` names a group without a command of it",
                    file.display(),
                    words.join(" ")
                ));
            }
        }
    }
    assert!(checked > 50, "only {checked} quoted commands found");
    assert!(
        problems.is_empty(),
        "commands quoted that do not exist:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_command_that_does_not_exist_is_caught() {
    let text = "run `tokenward doctor` and `tokenward certs list|show --login`";
    assert_eq!(
        quoted_commands(text, false),
        vec![
            vec!["doctor".to_string()],
            vec!["certs".into(), "list".into()],
            vec!["certs".into(), "show".into()]
        ]
    );
}
