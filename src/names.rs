//! Enum-like values that people type and scripts read: one stable id per variant, the same on
//! the command line, in the configuration and in JSON.
//!
//! The library stays free of any command-line crate: an enum here implements [`Named`] and
//! `FromStr`, and the binary builds its value parsers from [`Named::NAMES`].

/// An enum whose variants have stable snake_case (or lowercase) ids.
pub trait Named: Sized + Copy + 'static {
    /// What the value is, for messages ("key type", "program").
    const WHAT: &'static str;
    /// Every variant, in the order offered.
    const ALL: &'static [Self];
    /// Every id, in the order of [`Named::ALL`].
    const NAMES: &'static [&'static str];
    /// The variant's id.
    fn name(self) -> &'static str;
}

/// A typed value was not one of the ids offered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[error("{given:?} is not a {what}; use one of: {}", allowed.join(", "))]
pub struct UnknownName {
    /// What was expected ("key type").
    pub what: &'static str,
    /// What was given.
    pub given: String,
    /// The ids accepted.
    pub allowed: &'static [&'static str],
}

/// Parse `s` as one of `T`'s ids.
///
/// # Errors
/// [`UnknownName`] when `s` is none of them.
pub fn parse<T: Named>(s: &str) -> Result<T, UnknownName> {
    T::ALL
        .iter()
        .copied()
        .find(|v| v.name() == s)
        .ok_or_else(|| UnknownName {
            what: T::WHAT,
            given: s.to_string(),
            allowed: T::NAMES,
        })
}

/// Define a [`Named`] enum with `FromStr`, `Display` and `Serialize` by id.
macro_rules! named_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident : $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $crate::names::Named for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const NAMES: &'static [&'static str] = &[$($id),+];
            fn name(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
        }

        impl $name {
            /// The id on the command line and in JSON.
            pub fn name(self) -> &'static str {
                $crate::names::Named::name(self)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::names::UnknownName;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                $crate::names::parse(s)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.name())
            }
        }

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                ::schemars::json_schema!({
                    "type": "string",
                    "enum": <$name as $crate::names::Named>::NAMES,
                })
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
    };
}
pub(crate) use named_enum;
