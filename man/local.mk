# Hand-written manual pages.
