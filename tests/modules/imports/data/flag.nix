{ lib, ... }:
{
  flag = lib.mkDefault true;
}
