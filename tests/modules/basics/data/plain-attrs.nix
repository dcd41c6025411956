{
  options.plain = { type = null; };
}
