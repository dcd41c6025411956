# Keys with no source, two sources, and a mode that is not octal.
{ ... }:
{
  deployment.keys.none = { };
  deployment.keys.both = { text = "x"; keyCommand = [ "true" ]; };
  deployment.keys.mode = { text = "x"; permissions = "rw-r-----"; };
}
