//! Everything the tool prints goes through here: every known secret (the
//! secret access key, the session token) is replaced before a byte reaches
//! stdout or stderr, whatever printed it (answers, errors, debug logs).

use std::io::{self, IsTerminal, Write};
use std::sync::RwLock;

use comfy_table::{presets, ContentArrangement, Table};
use serde_json::Value;

use crate::args::Format;

/// What a secret is replaced with.
pub const MASK: &str = "***";

static SECRETS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Adds a value that must never be printed.
pub fn register_secret(secret: &str) {
    // Very short values would mask ordinary text; keys are long.
    if secret.len() < 4 {
        return;
    }
    if let Ok(mut list) = SECRETS.write() {
        if !list.iter().any(|s| s == secret) {
            list.push(secret.to_owned());
            // Longest first, so a secret containing another is masked whole.
            list.sort_by_key(|s| std::cmp::Reverse(s.len()));
        }
    }
}

/// `text` with every registered secret masked.
pub fn scrub(text: &str) -> String {
    let Ok(list) = SECRETS.read() else {
        return text.to_owned();
    };
    let mut out = text.to_owned();
    for secret in list.iter() {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), MASK);
        }
    }
    out
}

fn write_to(mut stream: impl Write, text: &str) {
    // A closed pipe (`bcectl … | head`) is not an error worth reporting.
    let _ = stream.write_all(scrub(text).as_bytes());
    let _ = stream.flush();
}

/// Prints a line on stdout.
pub fn out(text: &str) {
    let mut line = text.to_owned();
    line.push('\n');
    write_to(io::stdout().lock(), &line);
}

/// Prints a line on stderr.
pub fn err(text: &str) {
    let mut line = text.to_owned();
    line.push('\n');
    write_to(io::stderr().lock(), &line);
}

/// Prints a JSON value, pretty, on stdout.
pub fn json(value: &Value) {
    match serde_json::to_string_pretty(value) {
        Ok(text) => out(&text),
        Err(_) => out(&value.to_string()),
    }
}

/// Whether stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether stderr is a terminal.
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// A list result: a table for people, the answer's JSON for programs.
#[derive(Debug, Default)]
pub struct Listing {
    /// Column titles.
    pub headers: Vec<&'static str>,
    /// Cells.
    pub rows: Vec<Vec<String>>,
    /// The JSON printed with `-o json`.
    pub json: Value,
}

impl Listing {
    /// Prints the listing in `format` (`None`: a table on a terminal, text otherwise).
    pub fn print(&self, format: Option<Format>) {
        match resolve_list_format(format) {
            Format::Json => json(&self.json),
            Format::Table => out(&render_table(&self.headers, &self.rows)),
            Format::Text => {
                for row in &self.rows {
                    out(&row.join("\t"));
                }
            }
        }
    }
}

/// The format of a list: as asked, else a table on a terminal and text otherwise.
pub fn resolve_list_format(format: Option<Format>) -> Format {
    format.unwrap_or(if stdout_is_terminal() {
        Format::Table
    } else {
        Format::Text
    })
}

/// A table with a header row and no borders, as `kubectl` prints them.
pub fn render_table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut table = Table::new();
    table
        .load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(headers.to_vec());
    for row in rows {
        table.add_row(row.clone());
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 2));
    }
    table
        .to_string()
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A two-column table of the scalar fields of an object (nested values as compact JSON).
pub fn render_fields(value: &Value) -> String {
    let rows: Vec<Vec<String>> = match value {
        Value::Object(map) => map
            .iter()
            .filter(|(_, v)| !is_empty(v))
            .map(|(k, v)| vec![k.clone(), cell(v)])
            .collect(),
        other => vec![vec![String::new(), cell(other)]],
    };
    render_table(&["FIELD", "VALUE"], &rows)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// A JSON value as a table cell.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A writer for tracing that scrubs secrets line by line.
#[derive(Debug, Default, Clone, Copy)]
pub struct ScrubbedStderr;

impl Write for ScrubbedStderr {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let _ = io::stderr().lock().write_all(scrub(&text).as_bytes());
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for ScrubbedStderr {
    type Writer = ScrubbedStderr;

    fn make_writer(&'a self) -> Self::Writer {
        ScrubbedStderr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_scrubbed() {
        register_secret("sk-very-secret-value");
        register_secret("ab");
        let s = scrub("key sk-very-secret-value and ab");
        assert_eq!(s, "key *** and ab");
    }

    #[test]
    fn tables_have_headers_and_no_trailing_blanks() {
        let t = render_table(
            &["ID", "NAME"],
            &[
                vec!["a".into(), "first".into()],
                vec!["bb".into(), "x".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3, "{t}");
        assert!(
            lines[0].starts_with("ID") && lines[0].contains("NAME"),
            "{t}"
        );
        assert!(lines.iter().all(|l| !l.ends_with(' ')), "{t}");
        let f = render_fields(&serde_json::json!({"a": 1, "b": "", "c": {"d": 2}}));
        assert!(
            f.contains("a") && f.contains("{\"d\":2}") && !f.contains(" b "),
            "{f}"
        );
    }
}
