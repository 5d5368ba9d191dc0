//! Container services, their deployments and pods.
