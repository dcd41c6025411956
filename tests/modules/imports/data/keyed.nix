{
  key = "the-keyed-module";
  items = [ "keyed" ];
}
