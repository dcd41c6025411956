# A host name with a space.
{ ... }:
{
  networking.hostName = "bad name";
}
