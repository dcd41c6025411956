builtins.toJSON ./data.json
