//! Arbitrary bytes as the successive versions of one engagement file, through the git path:
//! models, comparisons and the history in every format (`acctsum::fuzzing::history`).
//! Nothing may panic, hang or run out of memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = acctsum::fuzzing::history(data);
});
