//! Arbitrary bytes as user text in every place an engagement holds text, and as a whole
//! file, through every text renderer (`acctsum::fuzzing::terminal`). No control character
//! may reach the output raw, and nothing may panic, hang or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    acctsum::fuzzing::terminal(data);
});
