{
  items = [ "extra-profile" ];
}
