//! A user value as an output shows it.

use crate::model::Value;

/// A value a file may leave out, as an output shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown<T> {
    /// The value.
    Value(T),
    /// The file does not record it.
    NotRecorded,
    /// The audience this output is built for may not see it (distinct from
    /// [`Shown::NotRecorded`]): whether or not the file records it, so that its absence
    /// does not show either.
    Withheld,
}

impl<T> Shown<T> {
    /// A value, or [`Shown::NotRecorded`].
    #[must_use]
    pub fn of(value: Option<T>) -> Self {
        value.map_or(Self::NotRecorded, Self::Value)
    }

    /// The value, when shown.
    #[must_use]
    pub fn value(self) -> Option<T> {
        match self {
            Self::Value(v) => Some(v),
            Self::NotRecorded | Self::Withheld => None,
        }
    }

    /// The value, when shown, by reference.
    #[must_use]
    pub fn as_ref(&self) -> Shown<&T> {
        match self {
            Self::Value(v) => Shown::Value(v),
            Self::NotRecorded => Shown::NotRecorded,
            Self::Withheld => Shown::Withheld,
        }
    }

    /// The value mapped, when shown.
    #[must_use]
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Shown<U> {
        match self {
            Self::Value(v) => Shown::Value(f(v)),
            Self::NotRecorded => Shown::NotRecorded,
            Self::Withheld => Shown::Withheld,
        }
    }
}

impl<'a> Shown<&'a str> {
    /// A text field of the model: its text when valid, else not recorded.
    #[must_use]
    pub fn text(value: &'a Value<String>) -> Self {
        Self::of(value.str())
    }
}

impl<T: Copy> Shown<T> {
    /// A field of the model: its value when valid, else not recorded.
    #[must_use]
    pub fn copied(value: &Value<T>) -> Self {
        Self::of(value.copied())
    }
}
