//! Load balancers (BLB v1): instances, listeners ("monitor ports"), backends, metrics.
