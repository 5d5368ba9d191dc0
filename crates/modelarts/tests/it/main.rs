//! Integration tests of the `modelarts` crate (one test binary).

mod vectors;
