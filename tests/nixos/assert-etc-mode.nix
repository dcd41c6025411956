# An /etc entry with a mode that is neither "symlink" nor octal.
{ ... }:
{
  environment.etc."x.conf" = { text = "x"; mode = "rw"; };
}
