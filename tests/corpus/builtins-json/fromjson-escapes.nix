builtins.fromJSON ''"q\" b\\ s\/ n\n t\t r\r b\b f\f"''
