# Program modules (client tools and their system setup). Imported once from module-list.nix.
{
  imports = [
    ./nbd.nix
  ];
}
