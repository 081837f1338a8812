//! Arbitrary bytes as `acctsum.yaml`: load → validate the field guide → the schema and
//! scaffold it generates. Nothing may panic.
#![no_main]

use std::sync::Arc;

use acctsum::guide::Guide;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = acctsum::document::load(Arc::from("acctsum.yaml"), data);
    let Some(doc) = loaded.doc else { return };
    if let Ok(guide) = Guide::parse(&doc) {
        let _ = acctsum::schema::engagement_schema_text(&guide);
        let _ = acctsum::scaffold::config(&guide);
        let new = acctsum::scaffold::NewEngagement {
            name: "Fuzz".into(),
            client: "Client".into(),
            region: guide.regions.first().cloned().unwrap_or_else(|| "north".into()),
            account_lead: "Lead".into(),
            ..Default::default()
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let _ = acctsum::scaffold::engagement(&new, &guide, today, "schema.json");
    }
});
