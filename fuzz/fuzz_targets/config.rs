//! Arbitrary bytes as `acctsum.yaml` (`acctsum::fuzzing::config`). Nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| acctsum::fuzzing::config(data));
