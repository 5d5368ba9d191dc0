//! # bce-emulator
//!
//! An offline emulator of Baidu AI Cloud AIHC and BEC (work in progress).
#![deny(missing_docs)]
#![forbid(unsafe_code)]
