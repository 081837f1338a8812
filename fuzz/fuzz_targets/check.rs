//! Arbitrary bytes as an engagement file, through the whole pipeline and every renderer
//! (`acctsum::fuzzing::engagement`). Nothing may panic, hang or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = acctsum::fuzzing::engagement(data);
});
