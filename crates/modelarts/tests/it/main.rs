//! Integration tests of the `modelarts` crate (one test binary).

mod common;
mod errors;
mod ops;
mod streams;
mod vectors;
