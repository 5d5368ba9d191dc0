//! VPCs, subnets, route tables and route rules.
