builtins.toJSON [ "" [ ] { } ]
