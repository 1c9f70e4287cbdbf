//! YAML read strictly into plain data: a key written twice in one mapping is found (with the
//! key path, to name both lines), and `.nan`/`.inf` stay visible as text instead of vanishing.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess};
use serde::de::{VariantAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// One step of a key path, owned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A mapping key.
    Key(String),
    /// A list position.
    Index(usize),
}

/// Deserializes one value at `path`, recording the paths of keys written twice in `dups`.
pub struct Strict<'a> {
    pub path: Vec<Step>,
    pub dups: &'a RefCell<Vec<Vec<Step>>>,
}

impl<'a> Strict<'a> {
    fn child(&self, step: Step) -> Strict<'a> {
        let mut path = self.path.clone();
        path.push(step);
        Strict {
            path,
            dups: self.dups,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A non-finite float kept as the text YAML spells it, so that a number field can say what
/// is wrong with it.
fn float(v: f64) -> Value {
    match Number::from_f64(v) {
        Some(n) => Value::Number(n),
        None if v.is_nan() => Value::String(".nan".to_string()),
        None if v > 0.0 => Value::String(".inf".to_string()),
        None => Value::String("-.inf".to_string()),
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a YAML value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(float(v as f64))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(float(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(self.child(Step::Index(out.len())))? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        let key_seed = Strict {
            path: Vec::new(),
            dups: self.dups,
        };
        while let Some(key) = map.next_key_seed(key_seed.child(Step::Index(0)))? {
            let key = match key {
                Value::String(s) => s,
                Value::Null => String::new(),
                other => other.to_string(),
            };
            let value = map.next_value_seed(self.child(Step::Key(key.clone())))?;
            if out.contains_key(&key) {
                let mut path = self.path.clone();
                path.push(Step::Key(key.clone()));
                self.dups.borrow_mut().push(path);
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }

    /// A tagged value (`!tag x`): the tag is dropped.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (_, variant): (de::IgnoredAny, _) = data.variant()?;
        variant.newtype_variant_seed(self)
    }
}
