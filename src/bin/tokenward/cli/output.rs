//! Rendering: aligned tables and key/value blocks for people, JSON for scripts.

use std::io::Write;

use serde::Serialize;

use tokenward::error::{Error, ExitCode, Internal, Result};
use tokenward::text::{escape_except, escaped};

/// Print `value` as pretty JSON on stdout.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| match e.io_error_kind() {
        Some(kind) => stdout_error(kind.into()),
        None => Internal::Json {
            reason: e.to_string(),
        }
        .into(),
    })?;
    writeln!(out).map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    Ok(ExitCode::Success)
}

/// Print `value` as one line of compact JSON (JSON lines), flushed at once.
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> Result<ExitCode> {
    let mut line = serde_json::to_vec(value).map_err(|e| Internal::Json {
        reason: e.to_string(),
    })?;
    line.push(b'\n');
    bytes(&line)
}

/// Print text for people on stdout: line breaks pass, every other control character and
/// bidirectional override is escaped (see [`tokenward::text::escaped`]).
pub fn text(s: &str) -> Result<ExitCode> {
    bytes(escape_except(s, &['\n']).as_bytes())
}

/// Print bytes (PEM, DER, a signature) on stdout.
pub fn bytes(b: &[u8]) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(b).map_err(stdout_error)?;
    out.flush().map_err(stdout_error)?;
    Ok(ExitCode::Success)
}

fn stdout_error(source: std::io::Error) -> Error {
    Error::Io {
        action: "write",
        path: "standard output".into(),
        source,
    }
}

/// Cells with their control characters and bidirectional overrides escaped: a name that holds a
/// newline or an escape sequence cannot fake another line of the screen.
fn one_line(cells: Vec<String>) -> Vec<String> {
    cells
        .into_iter()
        .map(|c| escaped(&c).into_owned())
        .collect()
}

/// Display width of a string (one column per character).
fn width(s: &str) -> usize {
    s.chars().count()
}

/// A table with a header row; columns are padded to the widest cell.
#[derive(Debug, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Row>,
}

#[derive(Debug)]
struct Row {
    cells: Vec<String>,
    note: Option<String>,
}

impl Table {
    /// A table with these column headings.
    pub fn new(headers: &[&str]) -> Self {
        Table {
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row. Cells are shown on one line, whatever they hold.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(Row {
            cells: one_line(cells),
            note: None,
        });
    }

    /// Add a row with an indented line under it (for long values such as URIs).
    pub fn row_with_note(&mut self, cells: Vec<String>, note: String) {
        self.rows.push(Row {
            cells: one_line(cells),
            note: Some(escaped(&note).into_owned()),
        });
    }

    /// The table as text, one line per row, ending in a newline.
    pub fn render(&self) -> String {
        let cols = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for row in &self.rows {
            for (i, cell) in row.cells.iter().enumerate().take(cols) {
                widths[i] = widths[i].max(width(cell));
            }
        }
        let mut out = String::new();
        let line = |cells: &[String], out: &mut String| {
            let mut l = String::new();
            for (i, cell) in cells.iter().enumerate().take(cols) {
                l.push_str(cell);
                if i + 1 < cols {
                    l.push_str(&" ".repeat(widths[i] - width(cell) + 2));
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        };
        line(&self.headers, &mut out);
        for row in &self.rows {
            line(&row.cells, &mut out);
            if let Some(note) = &row.note {
                for part in wrap(note, NOTE_WIDTH) {
                    out.push_str("    ");
                    out.push_str(&part);
                    out.push('\n');
                }
            }
        }
        out
    }
}

/// Notes under table rows are indented by four and wrapped to fit 80 columns.
const NOTE_WIDTH: usize = 76;

/// `text` in lines of at most `max` columns, broken between words; a word longer than a line
/// (a URI) stands on its own line, whole, so that it can still be copied.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && width(&line) + 1 + width(word) > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Aligned `key  value` lines under an optional heading.
#[derive(Debug, Default)]
pub struct Block {
    heading: Option<String>,
    pairs: Vec<(String, String)>,
}

impl Block {
    /// A block with a heading line (shown on one line, whatever it holds).
    pub fn new(heading: impl Into<String>) -> Self {
        Block {
            heading: Some(escaped(&heading.into()).into_owned()),
            pairs: Vec::new(),
        }
    }

    /// Add a line; the value is shown on one line, whatever it holds.
    pub fn field(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.pairs
            .push((key.to_string(), escaped(&value.into()).into_owned()));
        self
    }

    /// The block as text, indented under its heading.
    pub fn render(&self) -> String {
        let w = self.pairs.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
        let mut out = String::new();
        let indent = if let Some(h) = &self.heading {
            out.push_str(h);
            out.push('\n');
            "  "
        } else {
            ""
        };
        for (k, v) in &self.pairs {
            out.push_str(&format!("{indent}{k}{}  {v}\n", " ".repeat(w - width(k))));
        }
        out
    }
}

/// A progress bar of `len` steps on standard error, drawn with `template`, when `wanted` and
/// standard error is a terminal.
pub fn progress_bar(wanted: bool, len: usize, template: &str) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !wanted || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_columns_on_the_widest_cell() {
        let mut t = Table::new(&["A", "LONG HEADER"]);
        t.row(vec!["wide cell".into(), "x".into()]);
        t.row_with_note(vec!["y".into(), "z".into()], "pkcs11:token=y".into());
        assert_eq!(
            t.render(),
            "A          LONG HEADER\nwide cell  x\ny          z\n    pkcs11:token=y\n"
        );
    }

    #[test]
    fn blocks_align_values() {
        let mut b = Block::new("Token");
        b.field("Label", "Акк").field("Serial number", "42");
        assert_eq!(
            b.render(),
            "Token\n  Label          Акк\n  Serial number  42\n"
        );
    }

    #[test]
    fn notes_wrap_between_words_and_keep_long_words_whole() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        let uri = "pkcs11:token=Accounting;object=a-very-long-object-name";
        assert_eq!(wrap(&format!("see {uri}"), 20), ["see", uri]);
        assert_eq!(wrap("", 10), [""]);
    }
}
