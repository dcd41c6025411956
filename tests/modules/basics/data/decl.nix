{ lib, ... }:
{
  options.greeting = lib.mkOption {
    type = lib.types.str;
    default = "hello";
    description = "A greeting.";
  };
  options.count = lib.mkOption {
    type = lib.types.int;
    default = 1;
  };
}
