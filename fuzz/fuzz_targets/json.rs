//! Fuzzes the json reader: any bytes named `*.json` must give articles or an
//! error, never a panic, and every article must render in every format.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| galley_fuzz::read_and_write(data, "fuzz.json"));
