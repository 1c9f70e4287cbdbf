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

/// Where a value is: the steps from the document's root, each borrowed from the value that
/// holds it (a path is made only for a key written twice, never for every value).
pub enum At<'a> {
    Root,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The steps from the root, owned.
    fn path(&self) -> Vec<Step> {
        let mut steps = Vec::new();
        let mut at = self;
        loop {
            match at {
                At::Root => break,
                At::Key(parent, key) => {
                    steps.push(Step::Key((*key).to_string()));
                    at = parent;
                }
                At::Index(parent, i) => {
                    steps.push(Step::Index(*i));
                    at = parent;
                }
            }
        }
        steps.reverse();
        steps
    }
}

/// Deserializes one value at `at`, recording the paths of keys written twice in `dups`.
pub struct Strict<'a> {
    pub at: At<'a>,
    pub dups: &'a RefCell<Vec<Vec<Step>>>,
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
        loop {
            let seed = Strict {
                at: At::Index(&self.at, out.len()),
                dups: self.dups,
            };
            match seq.next_element_seed(seed)? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        loop {
            // A key is read as a value of its own, apart from the document.
            let key_seed = Strict {
                at: At::Index(&At::Root, 0),
                dups: self.dups,
            };
            let Some(key) = map.next_key_seed(key_seed)? else {
                break;
            };
            let key = match key {
                Value::String(s) => s,
                Value::Null => String::new(),
                other => other.to_string(),
            };
            let value = map.next_value_seed(Strict {
                at: At::Key(&self.at, &key),
                dups: self.dups,
            })?;
            if out.contains_key(&key) {
                self.dups.borrow_mut().push(At::Key(&self.at, &key).path());
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
