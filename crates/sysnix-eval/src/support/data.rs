//! Plain data parsed from JSON or TOML, before it becomes Nix values.

/// A parsed document.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
    List(Vec<Data>),
    Attrs(Vec<(String, Data)>),
}

fn from_serde(v: serde_json::Value) -> Data {
    match v {
        serde_json::Value::Null => Data::Null,
        serde_json::Value::Bool(b) => Data::Bool(b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Data::Int(i),
            None => Data::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Data::String(s),
        serde_json::Value::Array(a) => Data::List(a.into_iter().map(from_serde).collect()),
        serde_json::Value::Object(o) => {
            Data::Attrs(o.into_iter().map(|(k, v)| (k, from_serde(v))).collect())
        }
    }
}

/// `builtins.fromJSON`.
pub fn from_json(s: &str) -> Result<Data, String> {
    serde_json::from_str::<serde_json::Value>(s)
        .map(from_serde)
        .map_err(|e| format!("JSON parse error: {e}"))
}

fn from_toml_value(v: toml::Value) -> Data {
    match v {
        toml::Value::String(s) => Data::String(s),
        toml::Value::Integer(i) => Data::Int(i),
        toml::Value::Float(f) => Data::Float(f),
        toml::Value::Boolean(b) => Data::Bool(b),
        toml::Value::Datetime(d) => Data::String(d.to_string()),
        toml::Value::Array(a) => Data::List(a.into_iter().map(from_toml_value).collect()),
        toml::Value::Table(t) => Data::Attrs(
            t.into_iter()
                .map(|(k, v)| (k, from_toml_value(v)))
                .collect(),
        ),
    }
}

/// `builtins.fromTOML`.
pub fn from_toml(s: &str) -> Result<Data, String> {
    s.parse::<toml::Table>()
        .map(|t| from_toml_value(toml::Value::Table(t)))
        .map_err(|e| format!("while parsing a TOML string: {}", e.message()))
}
