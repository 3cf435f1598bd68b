//! How every command shows its result: one [`Report`] per result, rendered in a [`Format`] by
//! [`render`]. A command builds its report and prints what `render` gives; the formats' code
//! lives with each report's `impl`, and the JSON of every report goes through [`versioned`],
//! which puts the report's schema id first (`{"schema": "sendsync.check/1", ...}`), as
//! `docs/json.md` documents each one.
//!
//! A schema id is `sendsync.<command>/<version>`; the version goes up when a field is removed or
//! changes its meaning, never when one is added, so tools that read a field keep working.

use serde::Serialize;

/// The output formats. A report has text and JSON; Markdown and HTML only where its command
/// offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Html,
}

/// A command's result, in each format it has.
pub trait Report {
    /// The id of its JSON's shape, such as `sendsync.check/1` (see `docs/json.md`).
    fn schema(&self) -> &'static str;
    /// What a terminal shows.
    fn text(&self) -> String;
    /// The JSON's fields: a struct or a map (an object), which [`versioned`] puts after
    /// `schema`. A struct keeps the order of its fields.
    fn json(&self) -> impl Serialize + '_;
    /// Markdown, for commands that offer it.
    fn markdown(&self) -> Option<String> {
        None
    }
    /// A self-contained HTML page, for commands that offer it.
    fn html(&self) -> Option<String> {
        None
    }
}

/// The report in a format, ending in a newline (JSON included); `None` when the report has no
/// such format (the command line offers each command only the formats its report has).
pub fn render(report: &impl Report, format: Format) -> Option<String> {
    match format {
        Format::Text => Some(report.text()),
        Format::Json => Some(versioned(report.schema(), &report.json()) + "\n"),
        Format::Markdown => report.markdown(),
        Format::Html => report.html(),
    }
}

#[derive(Serialize)]
struct Versioned<'a, T: Serialize> {
    schema: &'a str,
    #[serde(flatten)]
    body: &'a T,
}

/// `body`'s JSON, pretty-printed, with `"schema": schema` as its first field. `body` must
/// serialize as an object (a struct or a map): a list or a plain value has no fields to join.
pub fn versioned(schema: &str, body: &impl Serialize) -> String {
    serde_json::to_string_pretty(&Versioned { schema, body })
        .expect("a report's JSON is an object of plain data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Body {
        zeta: u32,
        alpha: Vec<&'static str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        absent: Option<u32>,
    }

    struct Example;

    impl Report for Example {
        fn schema(&self) -> &'static str {
            "sendsync.example/1"
        }
        fn text(&self) -> String {
            "example\n".into()
        }
        fn json(&self) -> impl Serialize + '_ {
            Body {
                zeta: 1,
                alpha: vec!["a"],
                absent: None,
            }
        }
    }

    #[test]
    fn json_puts_the_schema_first_and_keeps_the_fields_in_order() {
        let json = render(&Example, Format::Json).unwrap();
        assert_eq!(
            json,
            "{\n  \"schema\": \"sendsync.example/1\",\n  \"zeta\": 1,\n  \"alpha\": [\n    \"a\"\n  ]\n}\n"
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["schema"], "sendsync.example/1");
    }

    #[test]
    fn a_map_body_gets_the_schema_too() {
        let body = serde_json::json!({"cases": [1, 2], "summary": {"total": 2}});
        let value: serde_json::Value =
            serde_json::from_str(&versioned("sendsync.list/1", &body)).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"schema": "sendsync.list/1", "cases": [1, 2], "summary": {"total": 2}})
        );
    }

    #[test]
    fn formats_a_report_lacks_are_none() {
        assert_eq!(render(&Example, Format::Text).as_deref(), Some("example\n"));
        assert_eq!(render(&Example, Format::Html), None);
        assert_eq!(render(&Example, Format::Markdown), None);
    }
}
