//! Reading the data files (`data/*.json`) record by record, from a parsed
//! `serde_json::Value`. One copy of this code serves every record type,
//! where serde's derive built a visitor per struct: the rental market's and
//! the portfolio's came to 94 KB of the page's wasm before wasm-opt
//! (ARCHITECTURE.md). The rules are serde's: every field the type has must
//! be there (an optional one may be missing or null), no other field may
//! be, and numbers must be finite. A problem is said as serde would say it,
//! with where it is (`prices[3].date`).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// A problem with a file's shape: what is wrong, and where.
pub type ShapeError = String;

/// A JSON object read field by field; `done` refuses the fields left unread.
pub struct Record<'a> {
    map: &'a Map<String, Value>,
    at: String,
    read: Vec<&'static str>,
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Where a value is, for a message: its path, or "the top".
fn place(at: &str) -> &str {
    if at.is_empty() {
        "the top"
    } else {
        at
    }
}

fn wrong(at: &str, v: &Value, expected: &str) -> ShapeError {
    format!("invalid type: {}, expected {expected} at {}", kind_of(v), place(at))
}

fn number_of(v: &Value, at: &str) -> Result<f64, ShapeError> {
    v.as_f64().filter(|x| x.is_finite()).ok_or_else(|| wrong(at, v, "a finite number"))
}

fn string_of(v: &Value, at: &str) -> Result<String, ShapeError> {
    v.as_str().map(str::to_string).ok_or_else(|| wrong(at, v, "a string"))
}

impl<'a> Record<'a> {
    /// `v` as a record, or why it is not one; `at` names it in messages.
    pub fn of(v: &'a Value, at: impl Into<String>) -> Result<Record<'a>, ShapeError> {
        let at = at.into();
        match v {
            Value::Object(map) => Ok(Record { map, at, read: Vec::new() }),
            _ => Err(wrong(&at, v, "an object")),
        }
    }

    fn path(&self, k: &str) -> String {
        if self.at.is_empty() {
            k.to_string()
        } else {
            format!("{}.{k}", self.at)
        }
    }

    /// A field that may be missing or null.
    fn optional(&mut self, k: &'static str) -> Option<&'a Value> {
        self.read.push(k);
        self.map.get(k).filter(|v| !v.is_null())
    }

    fn required(&mut self, k: &'static str) -> Result<&'a Value, ShapeError> {
        self.read.push(k);
        self.map.get(k).ok_or_else(|| format!("missing field `{k}` at {}", place(&self.at)))
    }

    pub fn string(&mut self, k: &'static str) -> Result<String, ShapeError> {
        let v = self.required(k)?;
        string_of(v, &self.path(k))
    }

    pub fn number(&mut self, k: &'static str) -> Result<f64, ShapeError> {
        let v = self.required(k)?;
        number_of(v, &self.path(k))
    }

    /// A whole number within `i32`.
    pub fn int(&mut self, k: &'static str) -> Result<i32, ShapeError> {
        let v = self.required(k)?;
        v.as_i64().and_then(|i| i32::try_from(i).ok()).ok_or_else(|| wrong(&self.path(k), v, "a whole number"))
    }

    /// A string that must be one of `allowed` (serde's unit enum variants);
    /// another is named with what is allowed.
    pub fn one_of(&mut self, k: &'static str, allowed: &[&'static str]) -> Result<&'static str, ShapeError> {
        let v = self.required(k)?;
        let at = self.path(k);
        let s = v.as_str().ok_or_else(|| wrong(&at, v, "a string"))?;
        allowed.iter().find(|a| **a == s).copied().ok_or_else(|| {
            let names: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
            let expected = match names.as_slice() {
                [one] => one.clone(),
                [a, b] => format!("{a} or {b}"),
                _ => format!("one of {}", names.join(", ")),
            };
            format!("unknown variant `{s}`, expected {expected} at {at}")
        })
    }

    /// A whole number within `i32` that may be missing or null.
    pub fn opt_int(&mut self, k: &'static str) -> Result<Option<i32>, ShapeError> {
        let at = self.path(k);
        self.optional(k).map(|v| v.as_i64().and_then(|i| i32::try_from(i).ok()).ok_or_else(|| wrong(&at, v, "a whole number"))).transpose()
    }

    pub fn opt_string(&mut self, k: &'static str) -> Result<Option<String>, ShapeError> {
        self.optional(k).map(|v| string_of(v, &self.path(k))).transpose()
    }

    pub fn opt_number(&mut self, k: &'static str) -> Result<Option<f64>, ShapeError> {
        self.optional(k).map(|v| number_of(v, &self.path(k))).transpose()
    }

    /// A nested record.
    pub fn record(&mut self, k: &'static str) -> Result<Record<'a>, ShapeError> {
        let v = self.required(k)?;
        Record::of(v, self.path(k))
    }

    fn array(&mut self, k: &'static str, missing_is_empty: bool) -> Result<&'a [Value], ShapeError> {
        let v = if missing_is_empty {
            match self.optional(k) {
                Some(v) => v,
                None => return Ok(&[]),
            }
        } else {
            self.required(k)?
        };
        v.as_array().map(Vec::as_slice).ok_or_else(|| wrong(&self.path(k), v, "an array"))
    }

    /// A list whose items `item` reads (given each item and where it is).
    pub fn list<T>(&mut self, k: &'static str, item: impl Fn(&'a Value, String) -> Result<T, ShapeError>) -> Result<Vec<T>, ShapeError> {
        let path = self.path(k);
        self.array(k, false)?.iter().enumerate().map(|(i, v)| item(v, format!("{path}[{i}]"))).collect()
    }

    /// A list of strings; missing reads as empty when `default` (serde's `#[serde(default)]`).
    pub fn strings(&mut self, k: &'static str, default: bool) -> Result<Vec<String>, ShapeError> {
        let path = self.path(k);
        self.array(k, default)?.iter().enumerate().map(|(i, v)| string_of(v, &format!("{path}[{i}]"))).collect()
    }

    /// A list of number pairs (`[[2025, 13e9], …]`).
    pub fn pairs(&mut self, k: &'static str) -> Result<Vec<(f64, f64)>, ShapeError> {
        self.list(k, |v, at| match v.as_array().map(Vec::as_slice) {
            Some([a, b]) => Ok((number_of(a, &at)?, number_of(b, &at)?)),
            _ => Err(wrong(&at, v, "a pair of numbers")),
        })
    }

    /// An object of records by key.
    pub fn map<T>(&mut self, k: &'static str, item: impl Fn(&'a Value, String) -> Result<T, ShapeError>) -> Result<BTreeMap<String, T>, ShapeError> {
        let v = self.required(k)?;
        let path = self.path(k);
        let Value::Object(map) = v else { return Err(wrong(&path, v, "an object")) };
        map.iter().map(|(key, v)| Ok((key.clone(), item(v, format!("{path}.{key}"))?))).collect()
    }

    /// Ends the record: a field it has not read is not the file's shape.
    pub fn done(self) -> Result<(), ShapeError> {
        match self.map.keys().find(|k| !self.read.contains(&k.as_str())) {
            Some(k) => Err(format!("unknown field `{k}` at {}", place(&self.at))),
            None => Ok(()),
        }
    }
}

/// Parses `text` as JSON and reads its top-level record with `read`.
pub fn read<T>(text: &str, read: impl FnOnce(Record) -> Result<T, ShapeError>) -> Result<T, ShapeError> {
    let v: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    read(Record::of(&v, "")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    struct Row {
        name: String,
        x: f64,
        note: Option<String>,
    }

    fn row(v: &Value, at: String) -> Result<Row, ShapeError> {
        let mut r = Record::of(v, at)?;
        let out = Row { name: r.string("name")?, x: r.number("x")?, note: r.opt_string("note")? };
        r.done()?;
        Ok(out)
    }

    fn rows(text: &str) -> Result<Vec<Row>, ShapeError> {
        read(text, |mut r| {
            let out = r.list("rows", row)?;
            r.done()?;
            Ok(out)
        })
    }

    #[test]
    fn fields_are_read_as_serde_would() {
        // An optional field missing or null is None; integers read as numbers.
        let ok = rows(r#"{"rows": [{"name": "a", "x": 2}, {"name": "b", "x": 0.5, "note": null}, {"name": "c", "x": -1e3, "note": "n"}]}"#);
        assert_eq!(
            ok,
            Ok(vec![
                Row { name: "a".into(), x: 2.0, note: None },
                Row { name: "b".into(), x: 0.5, note: None },
                Row { name: "c".into(), x: -1000.0, note: Some("n".into()) }
            ])
        );
        // Each problem named with where it is.
        assert_eq!(rows(r#"{"rows": [{"name": "a"}]}"#), Err("missing field `x` at rows[0]".into()));
        assert_eq!(rows(r#"{"rows": [{"name": "a", "x": "1"}]}"#), Err("invalid type: a string, expected a finite number at rows[0].x".into()));
        assert_eq!(rows(r#"{"rows": [{"name": "a", "x": 1, "y": 2}]}"#), Err("unknown field `y` at rows[0]".into()));
        assert_eq!(rows(r#"{"rows": [], "extra": 1}"#), Err("unknown field `extra` at the top".into()));
        assert_eq!(rows(r#"{"rows": {}}"#), Err("invalid type: an object, expected an array at rows".into()));
        assert_eq!(rows(r#"[]"#), Err("invalid type: an array, expected an object at the top".into()));
        assert!(rows(r#"{"rows": [{"name": "a", "x": 1e400}]}"#).is_err(), "beyond f64 is not JSON serde reads");
        assert!(rows("not json").is_err());
    }

    #[test]
    fn a_choice_outside_its_list_is_named_with_what_is_allowed() {
        let kind = |text: &str, allowed: &[&'static str]| {
            read(text, |mut r| {
                let k = r.one_of("kind", allowed)?;
                let y = r.opt_int("year")?;
                r.done()?;
                Ok((k, y))
            })
        };
        assert_eq!(kind(r#"{"kind": "lease"}"#, &["lease", "purchase"]), Ok(("lease", None)));
        assert_eq!(kind(r#"{"kind": "purchase", "year": 2030}"#, &["lease", "purchase"]), Ok(("purchase", Some(2030))));
        assert_eq!(kind(r#"{"kind": "rent"}"#, &["lease", "purchase"]), Err("unknown variant `rent`, expected `lease` or `purchase` at kind".into()));
        assert_eq!(kind(r#"{"kind": "x"}"#, &["a", "b", "c"]), Err("unknown variant `x`, expected one of `a`, `b`, `c` at kind".into()));
        assert_eq!(kind(r#"{"kind": 1}"#, &["a"]), Err("invalid type: a number, expected a string at kind".into()));
        assert_eq!(kind(r#"{"kind": "a", "year": 2030.5}"#, &["a"]), Err("invalid type: a number, expected a whole number at year".into()));
    }
}
