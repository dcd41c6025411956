{
  home = "/srv/alice";
}
