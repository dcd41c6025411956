builtins.toXML (args@{ z, y, ... }: args)
