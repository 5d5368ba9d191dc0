//! Deploy sets: anti-affinity groups of VM instances.
