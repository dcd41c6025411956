{
  a = "from file";
}
