//! What good looks like: the Account Summary process's quick reference and its word on
//! what scores are (seed 000), in its own words, kept here once for `acctsum guide`, the
//! site's guide page and the notes under score tables.

/// The quick reference's title.
pub const TITLE: &str = "What good looks like";

/// What the quick reference is, in the process's words.
pub const INTRO: &str =
    "This list focuses on the aspects which most commonly need extra attention and is certainly not exhaustive:";

/// The quick reference for what good looks like, one sentence or two per item.
pub const WHAT_GOOD_LOOKS_LIKE: &[&str] = &[
    "The overall last updated date is within the last two weeks. Account Summaries must be updated at least every two weeks.",
    "The headline and next steps are concise, accurate and relevant and tally with the overall status.",
    "The last service review date indicates that service reviews are happening regularly.",
    "The top actions section allows us to easily track and resolve outstanding items.",
    "The most important risks & issues are captured and the list is relevant and up to date. The scores accurately indicate how comfortable we are with each risk and the mitigation actions are relevant and appropriate.",
    "The Account Status scores reflect your understanding of the health across each measure and have notes which line up with the scores and actions which are appropriate and up to date, especially for lower scores.",
    "The list of objectives/upcoming events is relevant and up to date. This is a future-looking element, so old events can be removed. Does this reflect what matters most to the client and us and does it reflect how comfortable we are with each event?",
    "The Strategy scores reflect your understanding of the health across each measure and have notes which line up with the scores and actions which are appropriate and up to date, especially for lower scores.",
];

/// The self-assessment caveat: what scores are, and are not.
pub const SELF_ASSESSMENT: &str = "This is a self-assessment by the people in the engagement and the scores are just an aid to focusing attention in the right places. Scores are not comparable between engagements, and low scores are not necessarily bad. Low scores can reflect an area you have little control over and can be a good way to highlight this, so we can be clear about our boundaries and offer further help where the customer would benefit from that. They can also indicate an area you want to drive improvement in so long as positive action is being taken, this is a good thing.";

/// The caveat in one sentence, for the note under a table of scores.
pub const SCORES_ARE_AN_AID: &str = "Scores are a self-assessment and an aid to focusing attention: they are not comparable between engagements, and a low score is not necessarily bad.";
