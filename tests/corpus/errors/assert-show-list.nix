assert [ 1 "a" [ ] ] == [ ]; 0
