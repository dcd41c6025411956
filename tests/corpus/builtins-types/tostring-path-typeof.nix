builtins.typeOf "${toString ./p}"
