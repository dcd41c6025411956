{
  greeting = "bonjour";
}
