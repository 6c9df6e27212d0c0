//! Fuzzes the html reader: any bytes named `*.html` must give articles or an
//! error, never a panic, and every article must render in every format.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| galley_fuzz::read_and_write(data, "fuzz.html"));
