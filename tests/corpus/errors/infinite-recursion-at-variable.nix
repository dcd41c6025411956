# Re-entering a binding is reported where the variable is used.
let
  r = { config = { port = port + 1; }; };
  port = r.config.port;
in
port
