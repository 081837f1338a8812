//! The YAML fast path against the full parser (`acctsum::document::fast_path_agrees`):
//! whatever the text, the fast path either leaves it to the full parser or gives exactly
//! the full parser's events at the same places. A difference is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Err(difference) = acctsum::document::fast_path_agrees(text) {
        panic!("{difference}");
    }
});
