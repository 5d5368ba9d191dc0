//! App load balancers (v2): TCP/UDP listeners, IP groups, backend policies, members, listener policies.
