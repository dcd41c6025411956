builtins.toJSON "\${x}"
