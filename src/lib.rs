//! Runnable examples of bce-sdk-rust. This package is not published; the
//! examples live in the `examples/` folder of the repository.
#![deny(missing_docs)]
