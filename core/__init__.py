"""What every app may use: small helpers with no models and no imports from the project's apps."""
