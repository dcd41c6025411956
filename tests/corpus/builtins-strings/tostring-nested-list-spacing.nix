toString [ [ ] [ "a" ] "" "b" ]
