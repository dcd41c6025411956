builtins.fromJSON ''"héllo"''
