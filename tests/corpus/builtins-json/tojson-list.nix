builtins.toJSON [ 1 [ 2 [ 3 ] ] [ ] ]
