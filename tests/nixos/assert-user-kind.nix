# Invalid users: both kinds at once, a system user without a group.
{ ... }:
{
  users.users.both = { isSystemUser = true; isNormalUser = true; group = "both"; };
  users.users.nogroup.isSystemUser = true;
}
