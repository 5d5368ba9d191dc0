//! VM images: custom images, import, update, delete.
