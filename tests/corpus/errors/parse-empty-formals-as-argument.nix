builtins.map {}@args: args
