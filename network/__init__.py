"""The life of the network between workshops: news and their digest, prototypes passed on, the diagnostic kit."""
