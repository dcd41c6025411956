builtins.split "," "a,,b"
