builtins.fromJSON ''{"l": [], "o": {}}''
