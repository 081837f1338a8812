//! The fixed sets of words a field can take (status, action status, risk type, side,
//! stage), each declared once as an enum: the format table lists [`Choice::WORDS`], the
//! checker returns the index of the word it found, and the model picks the variant at
//! that index, so the table and the enum cannot disagree and no word is parsed twice.

use std::fmt;

/// An enum whose values are written as fixed words.
pub trait Choice: Copy + 'static {
    /// Every value, in the order of [`Choice::WORDS`].
    const ALL: &'static [Self];
    /// The word for each value, as written in files and shown in outputs.
    const WORDS: &'static [&'static str];

    /// The value whose word is at `index` of [`Choice::WORDS`].
    #[must_use]
    fn from_index(index: usize) -> Option<Self> {
        Self::ALL.get(index).copied()
    }
}

/// Declares a [`Choice`] enum: its variants in the order their words are listed.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $( $(#[$vdoc:meta])* $variant:ident = $word:literal, )* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vdoc])* $variant, )*
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            const WORDS: &'static [&'static str] = &[$($word),*];
        }

        impl $name {
            /// The word used in files and outputs.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word,)* }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

choice! {
    /// The overall status of an engagement. Ordered by need of attention (red first),
    /// not by the order of its words.
    Status {
        /// Going well.
        Green = "green",
        /// Watch closely.
        Amber = "amber",
        /// Needs attention now.
        Red = "red",
    }
}

impl Status {
    /// 0 for red, 1 for amber, 2 for green: the order reports sort by.
    fn rank(self) -> u8 {
        match self {
            Self::Red => 0,
            Self::Amber => 1,
            Self::Green => 2,
        }
    }
}

impl PartialOrd for Status {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Status {
    /// Red < amber < green: a move "up" is a move for the better.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

choice! {
    /// Where a top action stands (`open` when absent).
    ActionStatus {
        /// Still to do.
        Open = "open",
        /// Done.
        Done = "done",
        /// Cannot go on for now; still to do.
        Blocked = "blocked",
    }
}

choice! {
    /// What an entry of `risks` is (`risk` when absent).
    RiskType {
        /// May happen.
        Risk = "risk",
        /// Has happened.
        Issue = "issue",
    }
}

choice! {
    /// Whose side a stakeholder is on.
    Side {
        /// The client's.
        Client = "client",
        /// Ours.
        Ours = "ours",
    }
}

choice! {
    /// How far an opportunity has come.
    Stage {
        /// An idea.
        Idea = "idea",
        /// Qualified.
        Qualified = "qualified",
        /// Proposed to the client.
        Proposed = "proposed",
        /// Won.
        Won = "won",
        /// Lost.
        Lost = "lost",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<T: Choice + PartialEq + fmt::Debug + fmt::Display>() {
        assert_eq!(T::ALL.len(), T::WORDS.len());
        for (i, (value, word)) in T::ALL.iter().zip(T::WORDS).enumerate() {
            assert_eq!(value.to_string(), *word);
            assert_eq!(T::from_index(i), Some(*value));
        }
        assert_eq!(T::from_index(T::ALL.len()), None);
    }

    #[test]
    fn every_value_has_its_word_at_its_index() {
        round_trip::<Status>();
        round_trip::<ActionStatus>();
        round_trip::<RiskType>();
        round_trip::<Side>();
        round_trip::<Stage>();
        assert_eq!(Status::WORDS, ["green", "amber", "red"]);
    }

    #[test]
    fn statuses_sort_red_first() {
        let mut all = Status::ALL.to_vec();
        all.sort();
        assert_eq!(all, [Status::Red, Status::Amber, Status::Green]);
        assert!(Status::Green > Status::Amber);
    }
}
