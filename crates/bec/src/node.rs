//! Edge nodes: where resources are available.
