//! VM instances: the single VMs of a VM service.
