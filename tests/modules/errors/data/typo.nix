{
  services.nginx.enabel = true;
}
