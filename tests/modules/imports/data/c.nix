{
  items = [ "c" ];
}
