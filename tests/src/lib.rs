//! Conformance harness (see tests/).
#![deny(missing_docs)]
